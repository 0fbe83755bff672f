import Vapor

func routes(_ app: Application) throws {
    do { // public
        app.get("healthz") { _ in "ok" }
        app.get("api", "v1", "openapi.json", use: OpenAPIController.document)
    }

    do { // pages: sign-in
        app.get("sign-in", use: SignInPageController.show)
        app.post("sign-in", use: SignInPageController.submit)
        app.get("lang", ":code", use: SignInPageController.switchLanguage)
    }

    do { // pages behind sign-in
        let pages = app.grouped(PageGuard())
        pages.get(use: HomePageController.show)
        pages.post("sign-out", use: SignInPageController.signOut)
        for page in RegistryPages.all { try pages.register(collection: page) }
    }

    do { // API
        let api = app.grouped("api", "v1").grouped(ProblemMiddleware())
        api.post("auth", "tokens", use: AuthAPIController.createToken)
        let authed = api.grouped(APIGuard())
        authed.delete("auth", "tokens", "current", use: AuthAPIController.revokeToken)
        authed.get("me", use: AuthAPIController.me)
        authed.get("reference", ":list", use: ReferenceAPIController.list)
        authed.get("audit-events", use: AuditAPIController.list)
        try authed.register(collection: RegistryAPIController<InstitutionResource>())
        try authed.register(collection: RegistryAPIController<ProgramClusterResource>())
        try authed.register(collection: RegistryAPIController<ProgramResource>())
        try authed.register(collection: RegistryAPIController<TeacherResource>())
        try authed.register(collection: RegistryAPIController<StudentResource>())
        try authed.register(collection: RegistryAPIController<EnterpriseResource>())
        try authed.register(collection: RegistryAPIController<TrainingBaseResource>())
    }
}
