import Credentials
import Foundation
import SQLKit

/// Issued credentials and their status log.
struct IssuedCredentialStore: Sendable {
    let sql: any SQLDatabase

    static let columns = ["id", "learner_id", "kind", "subject_ref", "title_zh", "title_en", "status_index", "kid", "jwt", "issued_at", "valid_until", "status", "issued_by"]

    static func decode(_ row: any SQLRow) throws -> IssuedCredential {
        IssuedCredential(
            id: try row.decode(column: "id", as: UUID.self), learnerId: try row.decode(column: "learner_id", as: UUID.self),
            kind: IssuedCredential.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .outcome,
            subjectRef: try row.decode(column: "subject_ref", as: String?.self),
            titleZh: try row.decode(column: "title_zh", as: String.self), titleEn: try row.decode(column: "title_en", as: String.self),
            statusIndex: try row.decode(column: "status_index", as: Int.self), kid: try row.decode(column: "kid", as: String.self),
            jwt: try row.decode(column: "jwt", as: String.self), issuedAt: try row.decode(column: "issued_at", as: Date.self),
            validUntil: try row.decode(column: "valid_until", as: Date?.self),
            status: IssuedCredential.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .revoked,
            issuedBy: try row.decode(column: "issued_by", as: String.self))
    }

    func find(_ id: UUID) async throws -> IssuedCredential? {
        try await sql.select().columns(Self.columns).from("issued_credentials").where("id", .equal, id).first().map(Self.decode)
    }

    func list(learner: UUID) async throws -> [IssuedCredential] {
        try await sql.select().columns(Self.columns).from("issued_credentials").where("learner_id", .equal, learner)
            .orderBy("issued_at", .descending).all().map(Self.decode)
    }

    /// A random unused index, so that neighbouring bits do not tell who was issued when.
    func freeIndex() async throws -> Int {
        for _ in 0..<64 {
            let candidate = Int.random(in: 0..<StatusBitstring.minimumLength)
            if try await sql.select().column("id").from("issued_credentials").where("status_index", .equal, candidate).first() == nil { return candidate }
        }
        throw AppError.badRequest(zh: "状态列表已满", en: "the status list is full")
    }

    func insert(_ c: IssuedCredential) async throws {
        try await sql.insert(into: "issued_credentials").columns(Self.columns)
            .values(SQLBind(c.id), SQLBind(c.learnerId), SQLBind(c.kind.rawValue), SQLBind(c.subjectRef), SQLBind(c.titleZh), SQLBind(c.titleEn),
                    SQLBind(c.statusIndex), SQLBind(c.kid), SQLBind(c.jwt), SQLBind(c.issuedAt), SQLBind(c.validUntil), SQLBind(c.status.rawValue), SQLBind(c.issuedBy))
            .run()
    }

    /// The set bits of one list: revoked credentials, or suspended ones.
    func indexes(_ purpose: CredentialStatusEntry.Purpose) async throws -> Set<Int> {
        let status: IssuedCredential.Status = purpose == .revocation ? .revoked : .suspended
        return Set(try await sql.select().column("status_index").from("issued_credentials").where("status", .equal, status.rawValue).all()
            .map { try $0.decode(column: "status_index", as: Int.self) })
    }

    func bits(_ purpose: CredentialStatusEntry.Purpose) async throws -> StatusBitstring {
        var bits = StatusBitstring()
        for index in try await indexes(purpose) { bits[index] = true }
        return bits
    }

    struct StatusChange: Codable, Sendable {
        var action: String
        var reason: String
        var actor: String
        var at: Date
    }

    func changes(_ id: UUID) async throws -> [StatusChange] {
        try await sql.select().columns("action", "reason", "actor", "at").from("credential_status_changes").where("credential_id", .equal, id)
            .orderBy("at").all().map { StatusChange(action: try $0.decode(column: "action", as: String.self), reason: try $0.decode(column: "reason", as: String.self),
                                                    actor: try $0.decode(column: "actor", as: String.self), at: try $0.decode(column: "at", as: Date.self)) }
    }

    /// Sets the status and logs why; the caller has checked the transition.
    func setStatus(_ id: UUID, to status: IssuedCredential.Status, action: String, reason: String, actor: String, now: Date = Date()) async throws {
        try await sql.update("issued_credentials").set("status", to: SQLBind(status.rawValue)).where("id", .equal, id).run()
        try await sql.insert(into: "credential_status_changes").columns("id", "credential_id", "action", "reason", "actor", "at")
            .values(SQLBind(UUID()), SQLBind(id), SQLBind(action), SQLBind(reason), SQLBind(actor), SQLBind(now)).run()
    }
}
