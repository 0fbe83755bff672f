import Registry
import Vapor

func routes(_ app: Application) throws {
    do { // public
        app.get("healthz") { _ in "ok" }
        app.get("metrics", use: MetricsController.scrape)
        app.get("api", "v1", "openapi.json", use: OpenAPIController.document)
        app.get(".well-known", "did.json", use: WellKnownController.didDocument)
        app.get(".well-known", "jwks.json", use: WellKnownController.jwks)
        app.get("credentials", "status", ":purpose", use: WellKnownController.statusList)
        app.get("verify", use: CredentialPageController.verifyForm)
        app.on(.POST, "verify", body: .collect(maxSize: "5mb"), use: CredentialPageController.verifySubmit)
        app.get("verify", ":id", use: CredentialPageController.verifyStored)
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
        pages.get("internships", "quotas", use: InternshipPageController.quotas)
        pages.get("internships", "rounds", use: InternshipPageController.rounds)
        pages.post("internships", "rounds", use: InternshipPageController.run)
        pages.get("internships", "rounds", ":id", use: InternshipPageController.round)
        pages.post("internships", "rounds", ":id", "publish", use: InternshipPageController.publish)
        pages.get("market", use: MarketPageController.city)
        pages.get("market", "schools", ":code", use: MarketPageController.school)
        pages.get("market", "search", use: MarketPageController.search)
        pages.get("market", "cooperation", use: MarketPageController.cooperation)
        pages.get("supervision", use: SupervisionPageController.city)
        pages.get("supervision", "districts", ":code", use: SupervisionPageController.district)
        pages.get("supervision", "schools", ":code", use: SupervisionPageController.school)
        pages.get("supervision", "indicators", ":id", use: SupervisionPageController.rows)
        pages.get("supervision", "compare", use: SupervisionPageController.compare)
        pages.post("supervision", "snapshots", use: SupervisionPageController.snapshot)
        pages.get("credit-bank", use: CreditBankPageController.home)
        pages.get("credit-bank", "learners", ":id", use: CreditBankPageController.account)
        pages.get("credit-bank", "reviews", use: CreditBankPageController.reviews)
        pages.post("credit-bank", "outcomes", ":id", "decision", use: CreditBankPageController.decide)
        pages.on(.POST, "credit-bank", "learners", ":id", "outcomes", body: .collect(maxSize: "12mb"), use: CreditBankPageController.submit)
        pages.get("credit-bank", "import", use: CreditBankPageController.importForm)
        pages.upload("credit-bank", "import", maxBytes: UploadLimits.outcomeImport, admits: AccessPolicy.canImportCreditOutcomes(caller:), use: CreditBankPageController.importFile)
        pages.get("credit-bank", "rules", use: CreditBankPageController.rules)
        pages.post("credit-bank", "rules", use: CreditBankPageController.saveRule)
        pages.post("credit-bank", "learners", ":id", "credentials", use: CredentialPageController.issue)
        pages.post("credentials", ":id", "status", use: CredentialPageController.changeStatus)
        pages.get("work-tasks", use: WorkListPageController.list)
        pages.get("work-tasks", ":id", use: WorkListPageController.show)
        pages.on(.POST, "work-tasks", ":id", "reports", body: .collect(maxSize: "12mb"), use: WorkListPageController.report)
        pages.post("work-reports", ":id", "review", use: WorkListPageController.review)
    }

    do { // the learning record store (xAPI), for LRS clients with HTTP Basic credentials
        let xapi = app.grouped("xapi").grouped(XAPIMiddleware())
        xapi.get("about", use: XAPIAboutController.about)
        // Attachments travel with statements: a batch may carry several files.
        xapi.on(.PUT, "statements", body: .collect(maxSize: "20mb"), use: XAPIStatementsController.put)
        xapi.on(.POST, "statements", body: .collect(maxSize: "20mb"), use: XAPIStatementsController.post)
        xapi.get("statements", use: XAPIStatementsController.get)
        xapi.get("activities", use: XAPIAboutController.activity)
        xapi.get("agents", use: XAPIAboutController.agents)
        for (path, kind) in [(["activities", "state"], DocumentKind.state), (["activities", "profile"], .activityProfile), (["agents", "profile"], .agentProfile)] {
            let route = path.map { PathComponent(stringLiteral: $0) }
            xapi.get(route, use: XAPIDocumentsController.get(kind))
            xapi.on(.PUT, route, body: .collect(maxSize: "10mb"), use: XAPIDocumentsController.put(kind))
            xapi.on(.POST, route, body: .collect(maxSize: "10mb"), use: XAPIDocumentsController.post(kind))
            xapi.delete(route, use: XAPIDocumentsController.delete(kind))
        }
    }

    do { // API
        let api = app.grouped("api", "v1").grouped(ProblemMiddleware())
        api.post("auth", "tokens", use: AuthAPIController.createToken)
        api.on(.POST, "credentials", "verify", body: .collect(maxSize: "5mb"), use: CredentialAPIController.verify)
        let authed = api.grouped(APIGuard())
        authed.delete("auth", "tokens", "current", use: AuthAPIController.revokeToken)
        authed.get("me", use: AuthAPIController.me)
        authed.get("reference", ":list", use: ReferenceAPIController.list)
        authed.get("audit-events", use: AuditAPIController.list)
        authed.get("audit-events", "verify", use: AuditAPIController.verify)
        authed.get("internship-quotas", use: InternshipQuotaAPIController.list)
        authed.get("students", ":id", "internship-preferences", use: InternshipPreferenceAPIController.show)
        authed.put("students", ":id", "internship-preferences", use: InternshipPreferenceAPIController.replace)
        authed.get("internship-posts", ":id", "applicants", use: InternshipRankingAPIController.applicants)
        authed.put("internship-posts", ":id", "ranking", use: InternshipRankingAPIController.replace)
        authed.get("internship-rounds", use: InternshipRoundAPIController.list)
        authed.post("internship-rounds", use: InternshipRoundAPIController.run)
        authed.post("internship-rounds", ":id", "publish", use: InternshipRoundAPIController.publish)
        authed.get("internship-rounds", ":id", "placements", use: InternshipRoundAPIController.placements)
        authed.get("market", "gaps", use: MarketAPIController.gaps)
        authed.get("market", "skill-gaps", use: MarketAPIController.skillGaps)
        authed.get("market", "signals", use: MarketAPIController.programSignals)
        authed.get("market", "openings", use: MarketAPIController.openings)
        authed.get("search", use: SearchAPIController.search)
        authed.get("cooperation-violations", use: CooperationAPIController.violations)
        authed.get("cooperation-agreements", ":id", "violations", use: CooperationAPIController.check)
        authed.get("supervision", "indicators", use: SupervisionAPIController.catalogue)
        authed.get("supervision", "dashboard", use: SupervisionAPIController.dashboard)
        authed.get("supervision", "indicators", ":id", "rows", use: SupervisionAPIController.rows)
        authed.get("supervision", "periods", use: SupervisionAPIController.periods)
        authed.post("supervision", "snapshots", use: SupervisionAPIController.takeSnapshot)
        authed.get("supervision", "compare", use: SupervisionAPIController.compare)
        authed.post("funding", "investment-credit", use: FundingAPIController.investmentCredit)
        authed.post("funding", "training-base-grant", use: FundingAPIController.trainingBaseGrant)
        authed.post("funding", "social-training-pay", use: FundingAPIController.socialTrainingPay)
        authed.get("funding", "investment-plan", use: FundingAPIController.investmentPlan)
        authed.get("work-tasks", use: WorkListAPIController.list)
        authed.get("work-tasks", ":id", use: WorkListAPIController.show)
        // Evidence files travel base64-encoded in the JSON body: up to 5 × 10 MiB.
        authed.on(.POST, "work-tasks", ":id", "reports", body: .collect(maxSize: "70mb"), use: WorkListAPIController.report)
        authed.post("work-reports", ":id", "review", use: WorkListAPIController.review)
        authed.get("work-reports", ":id", "evidence", ":evidenceId", use: WorkListAPIController.evidence)
        authed.get("credit-bank", "frameworks", use: CreditBankAPIController.frameworks)
        authed.put("credit-bank", "alignment", use: CreditBankAPIController.replaceAlignment)
        authed.post("credit-bank", "learners", use: CreditBankAPIController.createLearner)
        authed.get("credit-bank", "learners", ":id", use: CreditBankAPIController.account)
        authed.on(.POST, "credit-bank", "learners", ":id", "outcomes", body: .collect(maxSize: "15mb"), use: CreditBankAPIController.submit)
        authed.get("credit-bank", "outcomes", ":id", "evidence", use: CreditBankAPIController.evidence)
        authed.get("credit-bank", "learners", ":id", "transfer", use: CreditBankAPIController.transfer)
        authed.get("credit-bank", "learners", ":id", "awards", use: CreditBankAPIController.awards)
        authed.upload("credit-bank", "outcomes", "import", maxBytes: UploadLimits.outcomeImport, admits: AccessPolicy.canImportCreditOutcomes(caller:), use: CreditBankAPIController.importOutcomes)
        authed.get("credit-bank", "reviews", use: CreditBankAPIController.reviews)
        authed.post("credit-bank", "outcomes", ":id", "decision", use: CreditBankAPIController.decide)
        authed.post("credit-bank", "awards", "evaluate", use: CreditBankAPIController.evaluateAll)
        authed.get("credit-bank", "ledger", "verify", use: CreditBankAPIController.verify)
        authed.post("credit-bank", "assessments", use: CreditBankAPIController.createSession)
        authed.get("credit-bank", "assessments", ":id", use: CreditBankAPIController.showSession)
        authed.post("credit-bank", "assessments", ":id", "candidates", use: CreditBankAPIController.addCandidates)
        authed.put("credit-bank", "assessments", ":id", "results", use: CreditBankAPIController.recordResults)
        authed.get("credit-bank", "rules", ":kind", use: CreditBankAPIController.rules)
        authed.put("credit-bank", "rules", ":kind", ":code", use: CreditBankAPIController.putRule)
        authed.post("credit-bank", "learners", ":id", "credentials", use: CredentialAPIController.issue)
        authed.get("credit-bank", "learners", ":id", "credentials", use: CredentialAPIController.list)
        authed.get("credentials", ":id", use: CredentialAPIController.show)
        authed.get("credentials", ":id", "download", use: CredentialAPIController.download)
        authed.post("credentials", ":id", "status", use: CredentialAPIController.changeStatus)
        for resource in RegistryResources.all { try authed.register(collection: registryAPI(resource)) }
    }
}

private func registryAPI<R: RegistryResource>(_: R.Type) -> any RouteCollection { RegistryAPIController<R>() }
