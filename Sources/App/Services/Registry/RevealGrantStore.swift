import Fluent
import Foundation
import Registry
import SQLKit
import Vapor

/// The kinds of registry record whose identity numbers a grant may name.
enum RevealGrantKind: String, CaseIterable, Sendable {
    case students, teachers

    var entity: RegistryEntity { self == .students ? .student : .teacher }
    var table: String { rawValue }
    /// The number a school knows its people by (学号, 工号).
    var numberColumn: String { self == .students ? "student_no" : "staff_no" }
    var labelZh: String { self == .students ? "学生" : "教师" }
    var labelEn: String { self == .students ? "students" : "teachers" }
}

/// A reveal grant as the API and the pages show it.
struct RevealGrant: Content, Sendable {
    var id: UUID
    var kind: String
    var purpose: String
    var justification: String
    var recordCount: Int
    /// pending, approved, refused, or expired (approved, past its expiry).
    var status: String
    var requesterId: UUID
    var requester: String
    var institutionId: UUID?
    var requestedAt: String
    var decidedBy: String?
    var decidedAt: String?
    var decisionReason: String?
    var expiresAt: String?
    /// Records revealed under the grant so far.
    var revealedCount: Int
}

/// One record named in a grant, masked: who, and whether it has been revealed under the grant.
struct RevealGrantRecord: Content, Sendable {
    var id: UUID
    var name: String
    var number: String
    var idMasked: String
    var reveals: Int
}

struct RevealGrantDetail: Content, Sendable {
    var grant: RevealGrant
    var records: [RevealGrantRecord]
}

/// One full identity number revealed under a grant.
struct GrantedIdentity: Content, Sendable {
    var id: UUID
    var name: String
    var number: String
    var documentKind: String
    var idNumber: String
}

/// What a request for a grant carries (API body; the page builds the same).
struct RevealGrantRequest: Content, Sendable {
    var kind: String
    var recordIds: [String]
    var purpose: String
    var justification: String
}

struct RevealGrantDecision: Content, Sendable {
    /// approve or refuse
    var decision: String
    var reason: String
}

/// Reveal grants: asking, deciding, revealing under them. Every change and every reveal is one
/// transaction with its audit row (or rows), appended last; a reveal's decrypting read happens
/// inside that transaction, so nothing is revealed whose audit row could not be written.
struct RevealGrantStore: Sendable {
    let req: Request
    let caller: Caller
    var now: Date = Date()

    init(_ req: Request, caller: Caller) {
        self.req = req
        self.caller = caller
    }

    static let auditEntity = "reveal-grants"

    // MARK: - Asking

    /// Checks a request's fields; every error at once, naming its field.
    static func validate(_ input: RevealGrantRequest) -> Result<(RevealGrantKind, RevealPurpose, String, [UUID]), AppError> {
        var errors: [FieldError] = []
        let kind = RevealGrantKind(rawValue: input.kind)
        if kind == nil { errors.append(FieldError(field: "kind", zh: "只能是 students 或 teachers", en: "must be students or teachers")) }
        let purpose = RevealPurpose(label: input.purpose).flatMap { $0 == .ownRecord ? nil : $0 }
        if purpose == nil {
            let list = RevealPurpose.allCases.filter { $0 != .ownRecord }.map(\.rawValue).joined(separator: ", ")
            errors.append(FieldError(field: "purpose", zh: "须从用途列表中选择：\(list)", en: "choose the purpose from the list: \(list)"))
        }
        let justification = input.justification.trimmingCharacters(in: .whitespacesAndNewlines)
        if justification.count < RevealGrantRules.minJustification {
            errors.append(FieldError(field: "justification", zh: "请说明理由（至少\(RevealGrantRules.minJustification)个字）", en: "explain why (at least \(RevealGrantRules.minJustification) characters)"))
        } else if justification.count > RevealGrantRules.maxJustification {
            errors.append(.tooLong("justification", max: RevealGrantRules.maxJustification))
        }
        var ids: [UUID] = []
        var seen: Set<UUID> = []
        for (n, text) in input.recordIds.enumerated() {
            guard let id = UUID(uuidString: text.trimmingCharacters(in: .whitespaces)) else {
                errors.append(FieldError(field: "recordIds", zh: "第\(n + 1)项不是记录编号", en: "item \(n + 1) is not a record id"))
                break
            }
            if seen.insert(id).inserted { ids.append(id) }
        }
        if input.recordIds.isEmpty {
            errors.append(FieldError(field: "recordIds", zh: "请列出要查看的记录", en: "list the records to reveal"))
        } else if ids.count > RevealGrantRules.maxRecords {
            errors.append(FieldError(field: "recordIds", zh: "一次授权最多\(RevealGrantRules.maxRecords)条记录", en: "a grant names at most \(RevealGrantRules.maxRecords) records"))
        }
        guard errors.isEmpty, let kind, let purpose else { return .failure(.validation(errors)) }
        return .success((kind, purpose, justification, ids))
    }

    /// Record ids for numbers (学号/工号) or ids, one a line, among the records the caller could
    /// put in a grant; an unknown, foreign or ambiguous line is an error naming it.
    func resolve(kind: RevealGrantKind, lines: [String]) async throws -> Result<[String], FieldError> {
        var ids: [String] = []
        var numbers: [(line: Int, number: String)] = []
        for (n, raw) in lines.enumerated() {
            let text = raw.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if let id = UUID(uuidString: text) { ids.append(id.uuidString) } else { numbers.append((n + 1, text)) }
        }
        guard !numbers.isEmpty else { return .success(ids) }
        guard numbers.count <= RevealGrantRules.maxRecords else {
            return .failure(FieldError(field: "recordIds", zh: "一次授权最多\(RevealGrantRules.maxRecords)条记录", en: "a grant names at most \(RevealGrantRules.maxRecords) records"))
        }
        let filter = AccessPolicy.readFilter(kind.entity, for: caller.scope)
        var found: [String: [UUID]] = [:]
        for row in try await sqlDatabase(req.db).select().columns("id", kind.numberColumn).from(kind.table)
            .where(ScopeSQL.predicate(filter)).where(kind.numberColumn, .in, numbers.map(\.number)).all() {
            found[try row.decode(column: kind.numberColumn, as: String.self), default: []].append(try row.decode(column: "id", as: UUID.self))
        }
        for (line, number) in numbers {
            switch found[number]?.count ?? 0 {
            case 1: ids.append(found[number]?.first?.uuidString ?? "")
            case 0: return .failure(FieldError(field: "recordIds", zh: "第\(line)行“\(number)”不是您可查看的记录", en: "line \(line): '\(number)' is not a record you may reveal"))
            default: return .failure(FieldError(field: "recordIds", zh: "第\(line)行“\(number)”对应多条记录，请填写记录编号", en: "line \(line): '\(number)' names several records; give the record id"))
            }
        }
        return .success(ids)
    }

    /// Stores a request. A record that does not exist or that the caller could not reveal one
    /// by one is 404, the same for both.
    func request(_ input: RevealGrantRequest) async throws -> RevealGrant {
        guard AccessPolicy.canRequestRevealGrants(caller: caller.scope) else { throw AppError.forbidden }
        let (kind, purpose, justification, ids) = try Self.validate(input).get()
        // Every named record must be one the caller could reveal.
        var placed: Set<UUID> = []
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            for row in try await sqlDatabase(req.db).select().columns("id", "district_code", "institution_id", "enterprise_id").from(kind.table)
                .where("id", .in, chunk).all() {
                let placement = try RegistryReader<StudentResource>.placement(row)
                if AccessPolicy.canRequestRevealGrant(of: kind.entity, at: placement, caller: caller.scope), let id = placement.recordID { placed.insert(id) }
            }
        }
        guard placed.count == ids.count else { throw AppError.notFound }
        let id = UUID()
        let stamp = Self.ms(now)
        let caller = self.caller
        let entry = req.auditEntry(action: "request", entity: Self.auditEntity, recordID: id.uuidString,
                                   detail: "\(kind.rawValue) ×\(ids.count), \(purpose.rawValue) \(purpose.labelZh): \(justification)")
        try await req.audited { tx in
            let sql = try sqlDatabase(tx)
            try await sql.insert(into: "reveal_grants")
                .columns("id", "requester_id", "requester_name", "institution_id", "kind", "purpose", "justification", "record_count", "status", "requested_at_ms")
                .values(SQLBind(id), SQLBind(caller.userID), SQLBind(caller.auditName), SQLBind(caller.scope.institutionID), SQLBind(kind.rawValue),
                        SQLBind(purpose.rawValue), SQLBind(justification), SQLBind(ids.count), SQLBind(RevealGrantStatus.pending.rawValue), SQLBind(stamp))
                .run()
            for chunk in stride(from: 0, to: ids.count, by: 200).map({ Array(ids[$0..<min($0 + 200, ids.count)]) }) {
                var insert = sql.insert(into: "reveal_grant_records").columns("grant_id", "record_id", "reveals")
                for record in chunk { insert = insert.values(SQLBind(id), SQLBind(record), SQLBind(0)) }
                try await insert.run()
            }
            return ((), entry)
        }
        guard let grant = try await find(id) else { throw AppError.notFound }
        return grant
    }

    // MARK: - Reading

    /// The grants the caller may see, newest first: their own, and for reviewers every one
    /// (`status` narrows them).
    func list(status: String? = nil, limit: Int = 200) async throws -> [RevealGrant] {
        var select = try sqlDatabase(req.db).select().column("*").from("reveal_grants")
        if !AccessPolicy.canReviewRevealGrants(caller: caller.scope) { select = select.where("requester_id", .equal, caller.userID) }
        if let status, let stored = RevealGrantStatus(rawValue: status == "expired" ? "approved" : status) {
            select = select.where("status", .equal, stored.rawValue)
        }
        let grants = try await counted(select.orderBy("requested_at_ms", .descending).limit(limit).all().map(grant))
        return status == "expired" ? grants.filter { $0.status == "expired" } : status == "approved" ? grants.filter { $0.status == "approved" } : grants
    }

    /// One grant the caller may see, or nil (missing and foreign alike).
    func find(_ id: UUID) async throws -> RevealGrant? {
        guard let row = try await sqlDatabase(req.db).select().column("*").from("reveal_grants").where("id", .equal, id).first() else { return nil }
        let requester = try row.decode(column: "requester_id", as: UUID.self)
        guard AccessPolicy.canReadRevealGrant(requestedBy: requester, caller: caller.scope, callerID: caller.userID) else { return nil }
        return try await counted([try grant(row)]).first
    }

    /// Fills in how many records of each grant have been revealed.
    func counted(_ grants: [RevealGrant]) async throws -> [RevealGrant] {
        guard !grants.isEmpty else { return [] }
        var counts: [UUID: Int] = [:]
        for row in try await sqlDatabase(req.db).select().column("grant_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("reveal_grant_records").where("grant_id", .in, grants.map(\.id)).where("reveals", .greaterThan, 0).groupBy("grant_id").all() {
            counts[try row.decode(column: "grant_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        return grants.map { var g = $0; g.revealedCount = counts[g.id] ?? 0; return g }
    }

    /// A grant with its records (masked).
    func detail(_ id: UUID) async throws -> RevealGrantDetail? {
        guard let grant = try await find(id), let kind = RevealGrantKind(rawValue: grant.kind) else { return nil }
        let sql = try sqlDatabase(req.db)
        var reveals: [UUID: Int] = [:]
        for row in try await sql.select().columns("record_id", "reveals").from("reveal_grant_records").where("grant_id", .equal, id).all() {
            reveals[try row.decode(column: "record_id", as: UUID.self)] = try row.decode(column: "reveals", as: Int.self)
        }
        var records: [RevealGrantRecord] = []
        let ids = Array(reveals.keys)
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            for row in try await sql.select().columns("id", "name", kind.numberColumn, "id_masked").from(kind.table).where("id", .in, chunk).all() {
                let rid = try row.decode(column: "id", as: UUID.self)
                records.append(RevealGrantRecord(id: rid, name: try row.decode(column: "name", as: String.self),
                                                 number: try row.decode(column: kind.numberColumn, as: String.self),
                                                 idMasked: try row.decode(column: "id_masked", as: String.self), reveals: reveals[rid] ?? 0))
            }
        }
        return RevealGrantDetail(grant: grant, records: records.sorted { ($0.number, $0.id.uuidString) < ($1.number, $1.id.uuidString) })
    }

    // MARK: - Deciding

    /// Approves or refuses a pending grant, with a reason: a reviewer who did not ask for it.
    func decide(_ id: UUID, _ input: RevealGrantDecision) async throws -> RevealGrant {
        guard AccessPolicy.canReviewRevealGrants(caller: caller.scope) else { throw AppError.forbidden }
        var errors: [FieldError] = []
        let approve = input.decision == "approve"
        if !approve && input.decision != "refuse" { errors.append(FieldError(field: "decision", zh: "只能是 approve 或 refuse", en: "must be approve or refuse")) }
        let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { errors.append(FieldError(field: "reason", zh: "请写明批准或拒绝的理由", en: "give the reason for the decision")) }
        if reason.count > RevealGrantRules.maxDecisionReason { errors.append(.tooLong("reason", max: RevealGrantRules.maxDecisionReason)) }
        let caller = self.caller, req = self.req
        let decidedAt = Self.ms(now), expires = Self.ms(now.addingTimeInterval(RevealGrantRules.validity))
        // Checked before the transaction so that a 404 and a 403 look as they do elsewhere;
        // the state is checked again under the row lock.
        guard let row = try await sqlDatabase(req.db).select().columns("requester_id").from("reveal_grants").where("id", .equal, id).first() else { throw AppError.notFound }
        guard AccessPolicy.canApproveRevealGrant(requestedBy: try row.decode(column: "requester_id", as: UUID.self), caller: caller.scope, callerID: caller.userID) else {
            throw AppError.forbidden
        }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        try await req.audited { tx in
            let sql = try sqlDatabase(tx)
            guard let row = try await sql.select().columns("status").from("reveal_grants").where("id", .equal, id).for(.update).first() else { throw AppError.notFound }
            guard try row.decode(column: "status", as: String.self) == RevealGrantStatus.pending.rawValue else {
                throw AppError.conflict(FieldError(field: "decision", zh: "该申请已审批过", en: "this request has been decided already"))
            }
            try await sql.update("reveal_grants")
                .set("status", to: approve ? RevealGrantStatus.approved.rawValue : RevealGrantStatus.refused.rawValue)
                .set("decided_by_id", to: caller.userID).set("decided_by_name", to: caller.auditName)
                .set("decided_at_ms", to: decidedAt).set("decision_reason", to: reason)
                .set("expires_at_ms", to: approve ? expires : nil)
                .where("id", .equal, id).run()
            return ((), req.auditEntry(action: approve ? "approve" : "refuse", entity: Self.auditEntity, recordID: id.uuidString, detail: reason))
        }
        guard let grant = try await find(id) else { throw AppError.notFound }
        return grant
    }

    // MARK: - Revealing

    /// Why a reveal under a grant was refused after the grant was found (audited as denied).
    enum Refusal: Sendable {
        case notApproved, expired, alreadyRevealed

        var error: AppError {
            switch self {
            case .notApproved: .conflict(FieldError(field: "grant", zh: "该授权未获批准", en: "the grant is not approved"))
            case .expired: .conflict(FieldError(field: "grant", zh: "该授权已过期", en: "the grant has expired"))
            case .alreadyRevealed: .conflict(FieldError(field: "grant", zh: "该授权下的记录已全部查看过", en: "the grant's records have been revealed already"))
            }
        }

        var detail: String {
            switch self {
            case .notApproved: "not approved"
            case .expired: "expired"
            case .alreadyRevealed: "already revealed"
            }
        }
    }

    enum Outcome<T: Sendable>: Sendable {
        case revealed(T)
        case refused(Refusal)
    }

    /// Reveals records of `kind` named in grant `grantID` (all that remain when `only` is nil),
    /// each counted against the grant and audited with the grant's id — reads, counts and audit
    /// rows in one transaction. A grant that is not the caller's, or a record not in it or no
    /// longer revealable by the caller, is 404 like a missing one.
    func reveal(grant grantID: UUID, kind expected: RevealGrantKind?, only: UUID?) async throws -> [GrantedIdentity] {
        let caller = self.caller, req = self.req, now = self.now
        let outcome: Outcome<[GrantedIdentity]> = try await req.audited { (tx: any Database) async throws -> (Outcome<[GrantedIdentity]>, AuditLog.Entry) in
            let sql = try sqlDatabase(tx)
            guard let g = try await sql.select().column("*").from("reveal_grants").where("id", .equal, grantID).for(.update).first() else { throw AppError.notFound }
            let requester = try g.decode(column: "requester_id", as: UUID.self)
            guard requester == caller.userID, let kind = RevealGrantKind(rawValue: try g.decode(column: "kind", as: String.self)) else { throw AppError.notFound }
            if let expected, expected != kind { throw AppError.notFound }
            let purpose = RevealPurpose(rawValue: try g.decode(column: "purpose", as: String.self))
            let label = purpose.map { "\($0.rawValue) \($0.labelZh)" } ?? ""
            let terms = RevealGrantTerms(requesterID: requester, status: RevealGrantStatus(rawValue: try g.decode(column: "status", as: String.self)) ?? .refused,
                                         expiresAt: try g.decode(column: "expires_at_ms", as: Int64?.self).map(Self.date))
            func refused(_ r: Refusal) -> (Outcome<[GrantedIdentity]>, AuditLog.Entry) {
                (.refused(r), req.auditEntry(action: "reveal_identity", entity: kind.rawValue, recordID: only?.uuidString,
                                             detail: "\(label): grant \(grantID.uuidString) (\(r.detail))", outcome: "denied"))
            }
            // Records of the grant, the one asked for or every one, with what is left of each.
            var select = sql.select().columns("record_id", "reveals").from("reveal_grant_records").where("grant_id", .equal, grantID)
            if let only { select = select.where("record_id", .equal, only) }
            let named = try await select.all().map { (try $0.decode(column: "record_id", as: UUID.self), try $0.decode(column: "reveals", as: Int.self)) }
            if only != nil && named.isEmpty { throw AppError.notFound }
            guard AccessPolicy.canRevealUnder(terms, callerID: caller.userID, now: now) else {
                return refused(terms.status == .approved ? .expired : .notApproved)
            }
            let open = named.filter { $0.1 < RevealGrantRules.revealsPerRecord }.map(\.0)
            guard !open.isEmpty else { return refused(.alreadyRevealed) }
            var revealed: [GrantedIdentity] = []
            for chunk in stride(from: 0, to: open.count, by: 500).map({ Array(open[$0..<min($0 + 500, open.count)]) }) {
                for row in try await sql.select().columns("id", "name", kind.numberColumn, "document_kind", "id_cipher", "district_code", "institution_id", "enterprise_id")
                    .from(kind.table).where("id", .in, chunk).all() {
                    // A record that has left the caller's scope since is no longer theirs to see.
                    guard AccessPolicy.canRevealIdentity(of: kind.entity, at: try RegistryReader<StudentResource>.placement(row), caller: caller.scope) else { continue }
                    revealed.append(GrantedIdentity(id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                                                    number: try row.decode(column: kind.numberColumn, as: String.self),
                                                    documentKind: try row.decode(column: "document_kind", as: String.self),
                                                    idNumber: try req.services.vault.open(try row.decode(column: "id_cipher", as: String.self))))
                }
            }
            if only != nil && revealed.isEmpty { throw AppError.notFound }
            guard !revealed.isEmpty else { return refused(.alreadyRevealed) }
            revealed.sort { ($0.number, $0.id.uuidString) < ($1.number, $1.id.uuidString) }
            let stamp = Self.ms(now)
            for chunk in stride(from: 0, to: revealed.count, by: 500).map({ Array(revealed[$0..<min($0 + 500, revealed.count)]) }) {
                try await sql.update("reveal_grant_records")
                    .set(SQLIdentifier("reveals"), to: SQLBinaryExpression(SQLIdentifier("reveals"), .add, SQLLiteral.numeric("1")))
                    .set("last_revealed_at_ms", to: stamp)
                    .where("grant_id", .equal, grantID).where("record_id", .in, chunk.map(\.id)).run()
            }
            // One audit row per revealed record, appended last.
            let entries = revealed.map {
                req.auditEntry(action: "reveal_identity", entity: kind.rawValue, recordID: $0.id.uuidString, detail: "\(label): grant \(grantID.uuidString)")
            }
            for entry in entries.dropLast() { try await req.services.audit.append(entry, on: tx, now: now) }
            guard let last = entries.last else { throw AppError.notFound }
            return (.revealed(revealed), last)
        }
        switch outcome {
        case .revealed(let identities): return identities
        case .refused(let refusal): throw refusal.error
        }
    }

    // MARK: - Helpers

    func grant(_ row: any SQLRow) throws -> RevealGrant {
        let status = RevealGrantStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .refused
        let expires = try row.decode(column: "expires_at_ms", as: Int64?.self).map(Self.date)
        let shown = status == .approved && (expires.map { now >= $0 } ?? true) ? "expired" : status.rawValue
        return RevealGrant(
            id: try row.decode(column: "id", as: UUID.self), kind: try row.decode(column: "kind", as: String.self),
            purpose: try row.decode(column: "purpose", as: String.self), justification: try row.decode(column: "justification", as: String.self),
            recordCount: try row.decode(column: "record_count", as: Int.self), status: shown,
            requesterId: try row.decode(column: "requester_id", as: UUID.self), requester: try row.decode(column: "requester_name", as: String.self), institutionId: try row.decode(column: "institution_id", as: UUID?.self),
            requestedAt: Self.iso(try row.decode(column: "requested_at_ms", as: Int64.self)),
            decidedBy: try row.decode(column: "decided_by_name", as: String?.self),
            decidedAt: try row.decode(column: "decided_at_ms", as: Int64?.self).map(Self.iso),
            decisionReason: try row.decode(column: "decision_reason", as: String?.self),
            expiresAt: try row.decode(column: "expires_at_ms", as: Int64?.self).map(Self.iso),
            revealedCount: 0
        )
    }

    static func ms(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    static func date(_ ms: Int64) -> Date { Date(timeIntervalSince1970: Double(ms) / 1000) }
    static func iso(_ ms: Int64) -> String { date(ms).formatted(.iso8601) }
}

private func sqlDatabase(_ db: any Database) throws -> any SQLDatabase {
    guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
    return sql
}
