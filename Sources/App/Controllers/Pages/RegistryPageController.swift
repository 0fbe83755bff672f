import Registry
import SQLKit
import Vapor

/// `/registry/{resource}`: list, export and import pages of one registry resource.
struct RegistryPageController<Resource: RegistryResource>: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("registry", PathComponent(stringLiteral: Resource.path))
        group.get(use: list)
        group.get("export.csv") { try await export(req: $0, format: "csv") }
        group.get("export.xlsx") { try await export(req: $0, format: "xlsx") }
        group.get("template.xlsx", use: template)
        group.get("import", use: importForm)
        group.upload("import", maxBytes: UploadLimits.registryImport, admits: { AccessPolicy.canImport(Resource.entity, caller: $0) }, use: importSubmit)
    }

    func layout(_ req: Request, _ caller: Caller) -> PageLayout {
        let l = Language(req)
        return PageLayout(title: l.t(Resource.titleZh, Resource.titleEn), language: l, caller: caller)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        let query = try RegistryAPIController<Resource>.query(from: req)
        let page = try await reader(req, caller).list(query)
        var echoed = query.equals
        if let q = query.nameContains { echoed["q"] = q }
        if let sort = query.sort { echoed["sort"] = sort.parameter }
        if query.per != RegistryReader<Resource>.Query().per { echoed["per"] = String(query.per) }
        // Past the last page (an old link, a typed number): the last page, not "999 / 61".
        let last = max(1, (page.total + page.per - 1) / page.per)
        if query.page > last {
            return req.redirect(to: RegistryListPage.link(Resource.path, echoed, page: last))
        }
        let view = RegistryListPage(
            layout: layout(req, caller), path: Resource.path, fields: Resource.Record.fields,
            filterFields: RegistryReader<Resource>.filterableFields, page: page, query: echoed, canImport: canImport(caller)
        )
        return .html(view.render())
    }

    func export(req: Request, format: String) async throws -> Response {
        let caller = try req.requireCaller()
        let forReimport = try RegistryExport<Resource>.forReimport(req.query[String.self, at: "for"])
        let rows = try await reader(req, caller).all(try RegistryAPIController<Resource>.query(from: req))
        try await req.audit(req.auditEntry(action: "export", entity: Resource.path, detail: "\(rows.count) rows, \(format), masked" + (forReimport ? ", for re-import" : "")))
        return try RegistryExport<Resource>.response(rows: rows, format: format, catalog: req.services.catalog, forReimport: forReimport)
    }

    /// The import's template: who may import may download it.
    @Sendable func template(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard canImport(caller) else { throw AppError.forbidden }
        return try RegistryExport<Resource>.template(catalog: req.services.catalog)
    }

    @Sendable func importForm(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard canImport(caller) else { throw AppError.forbidden }
        return .html(ImportPage(layout: layout(req, caller), path: Resource.path, fields: Resource.Record.fields).render())
    }

    struct Upload: Content {
        var file: File
    }

    @Sendable func importSubmit(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard canImport(caller) else { throw AppError.forbidden }
        var page = ImportPage(layout: layout(req, caller), path: Resource.path, fields: Resource.Record.fields)
        guard let upload = try? req.content.decode(Upload.self), upload.file.data.readableBytes > 0 else {
            page.fileError = Language(req).t("请选择要上传的文件", "Choose a file to upload")
            return .html(page.render(), status: .badRequest)
        }
        let writer = RegistryWriter<Resource>(db: req.db, caller: caller.scope, vault: req.services.vault, catalog: req.services.catalog)
        do {
            page.outcome = try await RegistryImporter(writer: writer).importAudited(Data(buffer: upload.file.data), fileName: upload.file.filename, request: req)
            return .html(page.render())
        } catch let error as AppError {
            guard let (errors, total) = error.rowErrors else { throw error }
            page.errors = errors // the page lists the first 500 and counts them all
            page.errorTotal = total
            if upload.file.data.readableBytes <= AnnotatedWorkbook.largestAnnotated {
                // A file that was read once reads again; if it somehow does not, the list on the page remains.
                page.annotated = try? AnnotatedWorkbook.make(from: Data(buffer: upload.file.data), errors: errors, total: total, sheetName: Resource.titleZh)
            }
            return .html(page.render(), status: .unprocessableEntity)
        }
    }

    /// Import is offered to roles that can write this resource somewhere.
    func canImport(_ caller: Caller) -> Bool {
        AccessPolicy.canImport(Resource.entity, caller: caller.scope)
    }

    func reader(_ req: Request, _ caller: Caller) throws -> RegistryReader<Resource> {
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        return RegistryReader(sql: sql, caller: caller.scope)
    }
}

/// The registry pages, in navigation order.
enum RegistryPages {
    struct Item: Sendable {
        var path: String
        var zh: String
        var en: String
        var entity: RegistryEntity
        var count: @Sendable (any SQLDatabase, CallerScope) async throws -> Int
    }

    static func item<R: RegistryResource>(_: R.Type) -> Item {
        Item(path: R.path, zh: R.titleZh, en: R.titleEn, entity: R.entity) { sql, scope in
            try await RegistryReader<R>(sql: sql, caller: scope).list(.init(page: 1, per: 1)).total
        }
    }

    static let navigation: [Item] = RegistryResources.all.map { item($0) }

    /// The registry lists in `caller`'s menu (`AccessPolicy.registryMenu`).
    static func navigation(for caller: CallerScope) -> [Item] {
        let visible = Set(AccessPolicy.registryMenu(for: caller))
        return navigation.filter { visible.contains($0.entity) }
    }

    static var all: [any RouteCollection] { RegistryResources.all.map { page($0) } }

    static func page<R: RegistryResource>(_: R.Type) -> any RouteCollection { RegistryPageController<R>() }
}
