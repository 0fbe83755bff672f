import Foundation
import Registry
import Vapor

/// `/library`: the resource library's pages — search with facets, a resource with its player,
/// the contribution form, the city's review queue. The same store and policy as the API.
enum LibraryPageController {
    static func register(_ pages: any RoutesBuilder) {
        pages.get("library", use: search)
        pages.get("library", "contribute", use: contributeForm)
        pages.upload("library", "contribute", maxBytes: LibraryFiles.maxFormBytes, admits: AccessPolicy.canContributeToLibrary(caller:), use: contribute)
        pages.get("library", "reviews", use: reviews)
        pages.get("library", "resources", ":id", use: show)
        pages.post("library", "resources", ":id", "submission", use: submit)
        pages.post("library", "resources", ":id", "decision", use: decide)
    }

    static func layout(_ req: Request, _ caller: Caller, _ zh: String, _ en: String) -> PageLayout {
        let l = Language(req)
        return PageLayout(title: l.t(zh, en), language: l, caller: caller)
    }

    @Sendable static func search(req: Request) async throws -> Response {
        let store = try LibraryAPIController.store(req)
        var query = LibrarySearch.Query()
        do { query = try LibraryAPIController.query(req) } catch AppError.validation {
            query = LibrarySearch.Query()
        }
        let scope = store.caller.scope
        let result = try await LibrarySearch.search(try req.sql, query, caller: scope, catalog: req.services.catalog, indexes: req.services.librarySearchIndex)
        let page = LibrarySearchPage(layout: layout(req, store.caller, "资源库", "Resource library"), query: query, result: result,
                                     canContribute: AccessPolicy.canContributeToLibrary(caller: scope), canReview: AccessPolicy.canReviewLibrary(caller: scope))
        return .html(page.render())
    }

    @Sendable static func contributeForm(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard AccessPolicy.canContributeToLibrary(caller: caller.scope) else { throw AppError.forbidden }
        return .html(LibraryContributePage(layout: layout(req, caller, "贡献资源", "Contribute a resource")).render())
    }

    struct ContributeForm: Content {
        var kind: String?
        var title: String?
        var description: String?
        var tags: String?
        var programCode: String?
        var occupationCode: String?
        var level: String?
        var language: String?
        var licence: String?
        var author: String?
        var linkUrl: String?
        var file: File?
    }

    @Sendable static func contribute(req: Request) async throws -> Response {
        let store = try LibraryAPIController.store(req)
        guard AccessPolicy.canContributeToLibrary(caller: store.caller.scope) else { throw AppError.forbidden }
        let form = try req.content.decode(ContributeForm.self)
        let values = LibraryFormValues(kind: form.kind ?? "", title: form.title ?? "", description: form.description ?? "", tags: form.tags ?? "",
                                       programCode: form.programCode ?? "", occupationCode: form.occupationCode ?? "", level: form.level ?? "",
                                       language: form.language ?? "", licence: form.licence ?? "", author: form.author ?? "", linkUrl: form.linkUrl ?? "")
        func again(_ errors: [FieldError]) -> Response {
            .html(LibraryContributePage(layout: layout(req, store.caller, "贡献资源", "Contribute a resource"), form: values, errors: errors).render(),
                  status: .unprocessableEntity)
        }
        var reference: LibraryFileReference?
        if let file = form.file, file.data.readableBytes > 0 {
            let stored = try await store.files.ingest(OneBuffer(buffer: file.data), maxBytes: LibraryFiles.maxFormBytes)
            try await req.audit(req.auditEntry(action: "upload", entity: "library-files", recordID: stored.sha256,
                                               detail: "\(stored.size) bytes, \(stored.sniffed.contentType)\(stored.new ? "" : ", already stored")"))
            let declared = file.contentType.map { "\($0.type)/\($0.subType)" } ?? stored.sniffed.contentType
            reference = LibraryFileReference(sha256: stored.sha256, fileName: file.filename, contentType: declared)
        }
        let tags = values.tags.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }).map(String.init)
        let input = LibraryResourceInput(kind: values.kind, title: values.title, description: values.description, tags: tags,
                                         programCode: values.programCode, occupationCode: values.occupationCode, level: values.level,
                                         language: values.language, licence: values.licence, author: values.author, file: reference,
                                         linkUrl: values.linkUrl.isEmpty ? nil : values.linkUrl)
        do {
            let resource = try await store.contribute(input)
            return req.redirect(to: LibraryViews.path(resource.id))
        } catch AppError.validation(let errors) {
            return again(errors)
        }
    }

    @Sendable static func reviews(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard AccessPolicy.canReviewLibrary(caller: caller.scope) else { throw AppError.forbidden }
        var query = LibrarySearch.Query()
        query.status = LibraryReviewStatus.underReview.rawValue
        query.per = 100
        let result = try await LibrarySearch.search(try req.sql, query, caller: caller.scope, catalog: req.services.catalog, indexes: req.services.librarySearchIndex)
        return .html(LibraryReviewPage(layout: layout(req, caller, "资源待审核", "Resources waiting for review"), items: result.items).render())
    }

    static func resourcePage(_ req: Request, _ store: LibraryStore, id: UUID, reason: String = "", errors: [FieldError] = []) async throws -> LibraryResourcePage {
        guard let detail = try await store.detail(id), let (placement, _) = try await store.placement(id) else { throw AppError.notFound }
        let scope = store.caller.scope
        return LibraryResourcePage(
            layout: layout(req, store.caller, detail.resource.title, detail.resource.title), detail: detail,
            canSubmit: (placement.status == .contributed || placement.status == .returned) && AccessPolicy.canEditLibraryResource(placement, caller: scope),
            canDecide: AccessPolicy.canDecideLibraryResource(placement, caller: scope, callerID: store.caller.userID),
            reason: reason, errors: errors)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let store = try LibraryAPIController.store(req)
        return .html(try await resourcePage(req, store, id: try LibraryAPIController.id(req)).render())
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        let store = try LibraryAPIController.store(req)
        let id = try LibraryAPIController.id(req)
        do { _ = try await store.submit(id) } catch AppError.conflict(let error) {
            return .html(try await resourcePage(req, store, id: id, errors: [error]).render(), status: .conflict)
        }
        return req.redirect(to: LibraryViews.path(id))
    }

    struct DecisionForm: Content {
        var decision: String?
        var reason: String?
    }

    @Sendable static func decide(req: Request) async throws -> Response {
        let store = try LibraryAPIController.store(req)
        guard AccessPolicy.canReviewLibrary(caller: store.caller.scope) else { throw AppError.forbidden }
        let id = try LibraryAPIController.id(req)
        let form = try req.content.decode(DecisionForm.self)
        do {
            _ = try await store.decide(id, LibraryDecision(decision: form.decision ?? "", reason: form.reason ?? ""))
        } catch AppError.validation(let errors) {
            return .html(try await resourcePage(req, store, id: id, reason: form.reason ?? "", errors: errors).render(), status: .unprocessableEntity)
        } catch AppError.conflict(let error) {
            return .html(try await resourcePage(req, store, id: id, reason: form.reason ?? "", errors: [error]).render(), status: .conflict)
        }
        return req.redirect(to: LibraryViews.path(id))
    }
}
