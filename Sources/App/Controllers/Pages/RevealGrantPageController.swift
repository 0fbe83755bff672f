import Foundation
import Registry
import Vapor

/// `/reveal-grants`: asking for a bulk identity reveal and following it (a school), reviewing
/// the pending ones (the city). The same store and policy as the API.
enum RevealGrantPageController {
    static func store(_ req: Request) throws -> RevealGrantStore {
        let caller = try req.requireCaller()
        guard RevealGrantAPIController.mayUse(caller.scope) else { throw AppError.forbidden }
        return RevealGrantStore(req, caller: caller)
    }

    static func listPage(_ req: Request, _ store: RevealGrantStore, form: RevealGrantFormValues = .init(), errors: [FieldError] = []) async throws -> RevealGrantsPage {
        let scope = store.caller.scope
        let all = try await store.list()
        let canReview = AccessPolicy.canReviewRevealGrants(caller: scope)
        // Every pending request, however many have been decided since.
        let pending = canReview ? try await store.list(status: RevealGrantStatus.pending.rawValue, limit: 1_000) : []
        let l = Language(req)
        let layout = PageLayout(title: l.t("证件号码查看授权", "Identity reveal grants"), language: l, caller: store.caller)
        return RevealGrantsPage(layout: layout, canRequest: AccessPolicy.canRequestRevealGrants(caller: scope), canReview: canReview,
                                mine: all.filter { $0.requesterId == store.caller.userID },
                                pending: pending,
                                decided: Array(all.filter { $0.status != RevealGrantStatus.pending.rawValue }.prefix(50)),
                                form: form, errors: errors)
    }

    @Sendable static func list(req: Request) async throws -> Response {
        .html(try await listPage(req, try store(req)).render())
    }

    struct RequestForm: Content {
        var kind: String?
        var purpose: String?
        var records: String?
        var justification: String?
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let store = try store(req)
        guard AccessPolicy.canRequestRevealGrants(caller: store.caller.scope) else { throw AppError.forbidden }
        let form = try req.content.decode(RequestForm.self)
        let values = RevealGrantFormValues(kind: form.kind ?? "", purpose: form.purpose ?? "", records: form.records ?? "", justification: form.justification ?? "")
        func again(_ errors: [FieldError]) async throws -> Response {
            .html(try await listPage(req, store, form: values, errors: errors).render(), status: .unprocessableEntity)
        }
        // Numbers become record ids among the records the caller could reveal; the rest is the API's check.
        var ids: [String] = []
        var errors: [FieldError] = []
        let lines = values.records.split(whereSeparator: \.isNewline).map(String.init)
        if let kind = RevealGrantKind(rawValue: values.kind), !lines.isEmpty {
            switch try await store.resolve(kind: kind, lines: lines) {
            case .success(let resolved): ids = resolved
            case .failure(let error): errors.append(error)
            }
        }
        // The other fields as the API checks them (the records already checked above stand in by a placeholder).
        let checked = !errors.isEmpty || (RevealGrantKind(rawValue: values.kind) == nil && !lines.isEmpty) ? [UUID().uuidString] : ids
        if case .failure(.validation(let found)) = RevealGrantStore.validate(RevealGrantRequest(kind: values.kind, recordIds: checked, purpose: values.purpose, justification: values.justification)) {
            errors += found
        }
        guard errors.isEmpty else { return try await again(errors) }
        do {
            let grant = try await store.request(RevealGrantRequest(kind: values.kind, recordIds: ids, purpose: values.purpose, justification: values.justification))
            return req.redirect(to: "/reveal-grants/\(grant.id.uuidString.lowercased())")
        } catch AppError.notFound {
            // A record that left the caller's scope between the two steps.
            return try await again([FieldError(field: "recordIds", zh: "列出的记录中有您不能查看的", en: "a listed record is not one you may reveal")])
        } catch AppError.validation(let errors) {
            return try await again(errors)
        }
    }

    static func grantPage(_ req: Request, _ store: RevealGrantStore, id: UUID, reason: String = "", errors: [FieldError] = []) async throws -> RevealGrantPage {
        guard let detail = try await store.detail(id) else { throw AppError.notFound }
        let caller = store.caller
        let l = Language(req)
        let layout = PageLayout(title: l.t("查看授权申请", "Reveal grant"), language: l, caller: caller)
        let g = detail.grant
        return RevealGrantPage(
            layout: layout, detail: detail,
            canDecide: g.status == RevealGrantStatus.pending.rawValue && AccessPolicy.canApproveRevealGrant(requestedBy: g.requesterId, caller: caller.scope, callerID: caller.userID),
            canDownload: g.status == RevealGrantStatus.approved.rawValue && g.requesterId == caller.userID && g.revealedCount < g.recordCount,
            reason: reason, errors: errors)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let store = try store(req)
        return .html(try await grantPage(req, store, id: try RevealGrantAPIController.id(req)).render())
    }

    struct DecisionForm: Content {
        var decision: String?
        var reason: String?
    }

    @Sendable static func decide(req: Request) async throws -> Response {
        let store = try store(req)
        guard AccessPolicy.canReviewRevealGrants(caller: store.caller.scope) else { throw AppError.forbidden }
        let id = try RevealGrantAPIController.id(req)
        let form = try req.content.decode(DecisionForm.self)
        do {
            _ = try await store.decide(id, RevealGrantDecision(decision: form.decision ?? "", reason: form.reason ?? ""))
        } catch AppError.validation(let errors) {
            return .html(try await grantPage(req, store, id: id, reason: form.reason ?? "", errors: errors).render(), status: .unprocessableEntity)
        } catch AppError.conflict(let error) {
            return .html(try await grantPage(req, store, id: id, reason: form.reason ?? "", errors: [error]).render(), status: .conflict)
        }
        return req.redirect(to: "/reveal-grants/\(id.uuidString.lowercased())")
    }

    struct DownloadForm: Content {
        var format: String?
    }

    /// The granted numbers as a CSV or XLSX file: every record not yet revealed, each audited.
    @Sendable static func download(req: Request) async throws -> Response {
        let store = try store(req)
        guard AccessPolicy.canRequestRevealGrants(caller: store.caller.scope) else { throw AppError.forbidden }
        let id = try RevealGrantAPIController.id(req)
        let format = (try? req.content.decode(DownloadForm.self))?.format == "xlsx" ? "xlsx" : "csv"
        do {
            let items = try await store.reveal(grant: id, kind: nil, only: nil)
            return try RevealGrantAPIController.response(items, grant: id, format: format, req: req)
        } catch AppError.conflict(let error) {
            return .html(try await grantPage(req, store, id: id, errors: [error]).render(), status: .conflict)
        }
    }
}
