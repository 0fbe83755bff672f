import Foundation
import LearningRecords
import Registry
import SQLKit
import Vapor

/// `/learning-records…` pages: the statement browser (the caller's scope by the access
/// policy), a learner's timeline, and the LRS clients of the city or a school.
enum LearningRecordPageController {
    static func browser(_ req: Request) throws -> LearningRecordBrowser {
        LearningRecordBrowser(service: LearningRecordService(db: req.db, publicURL: req.application.deployment.publicURL, groupCommit: req.application.statementGroupCommit), sql: try req.sql)
    }

    /// The filters of the form, checked like the xAPI resource's own (a wrong one names itself).
    static func query(_ req: Request, agent: AgentKey? = nil) throws -> (StatementQuery, verb: String, activity: String, since: String) {
        let p = req.url.query.map(XAPIQuery.parse) ?? [:]
        let verb = p["verb"] ?? "", activity = p["activity"] ?? "", since = p["since"] ?? ""
        var parameters: [String: String] = [:]
        if let more = p["more"], !more.isEmpty {
            parameters["more"] = more
        } else {
            if !verb.isEmpty { parameters["verb"] = verb }
            if !activity.isEmpty { parameters["activity"] = activity }
            if !since.isEmpty { parameters["since"] = since }
        }
        do {
            var q = try StatementQuery.parse(parameters, version: .v2_0)
            if let agent, q.afterSequence == nil { q.agent = agent }
            return (q, verb, activity, since)
        } catch {
            throw AppError.validation([FieldError(field: error.path, zh: "筛选条件 \(error.path) 不正确：\(error.rule)", en: "\(error.path): \(error.rule)")])
        }
    }

    @Sendable static func browse(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        let filter = AccessPolicy.statementFilter(for: caller.scope)
        guard filter != .none else { throw AppError.forbidden }
        // A learner's own record is their timeline.
        if case .learner(let id) = filter { return req.redirect(to: "/learning-records/learners/\(id.uuidString.lowercased())") }
        let (q, verb, activity, since) = try query(req)
        let l = Language(req)
        let (lines, more) = try await browser(req).page(q, filter: filter, zh: l == .zh)
        let layout = PageLayout(title: l.t("学习记录", "Learning records"), language: l, caller: caller)
        return .html(StatementBrowserPage(layout: layout, lines: lines, verb: verb, activity: activity, since: since,
                                          next: more.map { "/learning-records?more=" + $0 }, learner: nil, action: "/learning-records",
                                          canManageClients: AccessPolicy.learningRecordClientOwnership(for: caller.scope) != .none,
                                          canForward: AccessPolicy.canManageLearningRecordForwarding(caller: caller.scope)).render())
    }

    @Sendable static func learner(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        // The learner must be one the caller may read in the registry: another school's is "not found".
        guard let row = try await req.sql.select().columns("id", "name", "student_no", "institution_id", "district_code").from("students").where("id", .equal, id).first() else {
            throw AppError.notFound
        }
        let placement = RecordPlacement(districtCode: try row.decode(column: "district_code", as: String?.self),
                                        institutionID: try row.decode(column: "institution_id", as: UUID?.self), recordID: id)
        let filter = AccessPolicy.statementFilter(for: caller.scope)
        guard filter != .none, AccessPolicy.admits(AccessPolicy.readFilter(.student, for: caller.scope), placement) else { throw AppError.notFound }
        let agent = AgentKey.account(homePage: req.application.deployment.publicURL, name: id.uuidString.lowercased())
        let (q, verb, activity, since) = try query(req, agent: agent)
        let l = Language(req)
        let (lines, more) = try await browser(req).page(q, filter: filter, zh: l == .zh)
        let name = "\(try row.decode(column: "name", as: String.self))（\(try row.decode(column: "student_no", as: String.self))）"
        let path = "/learning-records/learners/\(id.uuidString.lowercased())"
        let layout = PageLayout(title: l.t("学习记录 · \(name)", "Learning record · \(name)"), language: l, caller: caller)
        return .html(StatementBrowserPage(layout: layout, lines: lines, verb: verb, activity: activity, since: since,
                                          next: more.map { path + "?more=" + $0 }, learner: name, action: path, canManageClients: false).render())
    }

    // MARK: clients

    static func clientsPage(_ req: Request, created: String? = nil) async throws -> Response {
        let caller = try req.requireCaller()
        let scope = caller.scope
        let ownership = AccessPolicy.learningRecordClientOwnership(for: scope)
        let ownSchool: UUID?
        switch ownership {
        case .city: ownSchool = nil
        case .school(let id): ownSchool = id
        case .none: throw AppError.forbidden
        }
        let sql = try req.sql
        let clients = try await LearningRecordClientStore(sql: sql).list(institutionID: ownSchool)
        var schools: [UUID: String] = [:]
        var query = sql.select().columns("id", "name").from("institutions")
        if let ownSchool { query = query.where("id", .equal, ownSchool) }
        for row in try await query.orderBy("code").all() { schools[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "name", as: String.self) }
        let grantable = AccessPolicy.grantableLearningRecordScopes(for: scope)
        let l = Language(req)
        let layout = PageLayout(title: l.t("学习记录接入客户端", "Learning record clients"), language: l, caller: caller)
        return .html(LearningRecordClientsPage(layout: layout, clients: clients, schools: schools, grantable: grantable, choosesSchool: ownership == .city,
                                               created: created, endpoint: req.application.deployment.publicURL + "/xapi").render())
    }

    @Sendable static func clients(req: Request) async throws -> Response { try await clientsPage(req) }

    struct ClientForm: Content {
        var name: String
        var scope: String
        var institution: String?
    }

    @Sendable static func createClient(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        let form = try req.content.decode(ClientForm.self)
        let institution: UUID?
        switch AccessPolicy.learningRecordClientOwnership(for: caller.scope) {
        case .city: institution = form.institution.flatMap { $0.isEmpty ? nil : UUID(uuidString: $0) }
        case .school(let id): institution = id
        case .none: throw AppError.forbidden
        }
        guard AccessPolicy.canManageLearningRecordClients(of: institution, caller: caller.scope) else { throw AppError.forbidden }
        let name = form.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100 else { throw AppError.validation([FieldError(field: "name", zh: "请填写名称（不超过100字）", en: "a name of at most 100 characters is required")]) }
        guard let scope = LearningRecordClientScope(rawValue: form.scope), AccessPolicy.mayGrant(scope, toInstitution: institution) else {
            throw AppError.validation([FieldError(field: "scope", zh: "该权限范围不能授予此客户端（全市读取仅限全市客户端，本校读取需选择学校）",
                                                  en: "this scope cannot be granted here (read-all is city-wide only; read-school needs a school)")])
        }
        let (client, secret) = try await req.audited { tx in
            guard let sql = tx as? any SQLDatabase else { throw Abort(.internalServerError) }
            let created = try await LearningRecordClientStore(sql: sql).create(name: name, institutionID: institution, scope: scope, createdBy: caller.auditName)
            return (created, req.auditEntry(action: "create_lrs_client", entity: "lrs_clients", recordID: created.0.apiKey, detail: "\(scope.rawValue) \(institution?.uuidString ?? "city")"))
        }
        return try await clientsPage(req, created: "\(client.apiKey):\(secret)")
    }

    @Sendable static func revokeClient(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard let key = req.parameters.get("key") else { throw AppError.notFound }
        let store = LearningRecordClientStore(sql: try req.sql)
        // Another school's client is "not found", exactly as a missing one.
        guard let client = try await store.find(key: key), AccessPolicy.canManageLearningRecordClients(of: client.institutionID, caller: caller.scope) else {
            throw AppError.notFound
        }
        do {
            try await req.audited { tx in
                guard let sql = tx as? any SQLDatabase else { throw Abort(.internalServerError) }
                guard try await LearningRecordClientStore(sql: sql).revoke(key: key) else { throw AppError.notFound }
                return ((), req.auditEntry(action: "revoke_lrs_client", entity: "lrs_clients", recordID: key))
            }
        } catch AppError.notFound {
            // Already revoked: nothing changed, so nothing is recorded.
        }
        return req.redirect(to: "/learning-records/clients")
    }
}
