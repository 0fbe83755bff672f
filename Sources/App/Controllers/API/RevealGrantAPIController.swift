import Foundation
import Registry
import Spreadsheet
import Vapor

/// `/api/v1/reveal-grants`: bulk identity reveals approved by the city (批量查看证件号码授权).
/// A school asks for a grant (records, purpose, justification); a city administrator other than
/// the requester approves or refuses it; the requester then reveals the granted records — one
/// by one (`GET /students/{id}/identity?grant=`) or all at once here — each audited with the
/// grant's id. Who may do what is the access policy's (`AccessPolicy+Reveals`).
enum RevealGrantAPIController {
    static func store(_ req: Request) throws -> RevealGrantStore {
        RevealGrantStore(req, caller: try req.requireCaller())
    }

    static func mayUse(_ scope: CallerScope) -> Bool {
        AccessPolicy.canRequestRevealGrants(caller: scope) || AccessPolicy.canReviewRevealGrants(caller: scope)
    }

    static func id(_ req: Request) throws -> UUID {
        guard let text = req.parameters.get("id"), let id = UUID(uuidString: text) else { throw AppError.notFound }
        return id
    }

    struct GrantList: Content {
        var items: [RevealGrant]
    }

    @Sendable static func list(req: Request) async throws -> GrantList {
        let store = try store(req)
        guard mayUse(store.caller.scope) else { throw AppError.forbidden }
        let status = req.query[String.self, at: "status"]
        if let status, !(RevealGrantStatus.allCases.map(\.rawValue) + ["expired"]).contains(status) {
            throw AppError.validation([FieldError(field: "status", zh: "只能是 pending、approved、refused 或 expired", en: "must be pending, approved, refused or expired")])
        }
        return GrantList(items: try await store.list(status: status))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let store = try store(req)
        guard AccessPolicy.canRequestRevealGrants(caller: store.caller.scope) else { throw AppError.forbidden }
        let input: RevealGrantRequest
        try req.checkDocumentedBody()
        do { input = try req.content.decode(RevealGrantRequest.self) } catch {
            throw AppError.badRequest(zh: "请求体应为含 kind、recordIds、purpose、justification 的JSON对象", en: "the body must be a JSON object with kind, recordIds, purpose and justification")
        }
        let grant = try await store.request(input)
        let response = Response(status: .created)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/reveal-grants/\(grant.id.uuidString)")
        try response.content.encode(grant)
        return response
    }

    @Sendable static func show(req: Request) async throws -> RevealGrantDetail {
        let store = try store(req)
        guard mayUse(store.caller.scope) else { throw AppError.forbidden }
        guard let detail = try await store.detail(try id(req)) else { throw AppError.notFound }
        return detail
    }

    @Sendable static func decide(req: Request) async throws -> RevealGrant {
        let store = try store(req)
        guard AccessPolicy.canReviewRevealGrants(caller: store.caller.scope) else { throw AppError.forbidden }
        let id = try id(req)
        let input: RevealGrantDecision
        try req.checkDocumentedBody()
        do { input = try req.content.decode(RevealGrantDecision.self) } catch {
            throw AppError.badRequest(zh: "请求体应为含 decision、reason 的JSON对象", en: "the body must be a JSON object with decision and reason")
        }
        return try await store.decide(id, input)
    }

    struct Identities: Content {
        var grantId: UUID
        var items: [GrantedIdentity]
    }

    /// Every record of an approved grant not yet revealed, in one answer (JSON, CSV or XLSX):
    /// the reads, the grant's counts and one audit row per record in one transaction.
    @Sendable static func identities(req: Request) async throws -> Response {
        let store = try store(req)
        guard AccessPolicy.canRequestRevealGrants(caller: store.caller.scope) else { throw AppError.forbidden }
        let id = try id(req)
        let format = try DownloadFormat.read(req)
        let items = try await store.reveal(grant: id, kind: nil, only: nil)
        return try response(items, grant: id, format: format, req: req)
    }

    static func response(_ items: [GrantedIdentity], grant: UUID, format: String, req: Request) throws -> Response {
        guard format != "json" else {
            let response = Response(status: .ok)
            try response.content.encode(Identities(grantId: grant, items: items))
            return response
        }
        let table = Table(header: ["记录编号", "姓名", "学号/工号", "证件类型", "证件号码"],
                          rows: items.map { [$0.id.uuidString, $0.name, $0.number, $0.documentKind, $0.idNumber] })
        return try TableDownload.response(table, format: format, fileStem: "reveal-grant-\(grant.uuidString.lowercased().prefix(8))", sheetName: "证件号码")
    }
}
