import Crypto
import Foundation
import Registry
import SQLKit

/// An LRS client as stored (学习记录客户端): its public key, the digest of its secret, its
/// school and scope. The secret itself is shown once, when the client is created.
struct StoredLearningRecordClient: Sendable, Equatable {
    var id: UUID
    var apiKey: String
    var name: String
    var institutionID: UUID?
    var scope: LearningRecordClientScope
    var createdBy: String
    var createdAt: Date
    var revokedAt: Date?

    var policyView: LearningRecordClient { LearningRecordClient(id: id, scope: scope, institutionID: institutionID) }
}

/// Issued, found, revoked: the LRS's client credentials in storage.
struct LearningRecordClientStore: Sendable {
    let sql: any SQLDatabase

    static let columns = ["id", "api_key", "secret_digest", "name", "institution_id", "scope", "created_by", "created_at", "revoked_at"]

    /// Creates a client and returns it with its secret (shown once, stored only as a digest).
    func create(name: String, institutionID: UUID?, scope: LearningRecordClientScope, createdBy: String, now: Date = Date()) async throws -> (StoredLearningRecordClient, secret: String) {
        let client = StoredLearningRecordClient(id: UUID(), apiKey: "lrs_" + Hex.encode(Data((0..<12).map { _ in UInt8.random(in: 0...255) })), name: name,
                                                institutionID: institutionID, scope: scope, createdBy: createdBy, createdAt: now, revokedAt: nil)
        let secret = TokenDigest.newToken()
        try await sql.insert(into: "lrs_clients").columns(Self.columns)
            .values(SQLBind(client.id), SQLBind(client.apiKey), SQLBind(TokenDigest.digest(secret)), SQLBind(name), SQLBind(institutionID),
                    SQLBind(scope.rawValue), SQLBind(createdBy), SQLBind(now), SQLBind(Date?.none))
            .run()
        return (client, secret)
    }

    /// The active client whose key and secret these are; nil for anything else. The digest
    /// comparison does not stop at the first differing byte.
    func authenticate(key: String, secret: String) async throws -> StoredLearningRecordClient? {
        guard key.utf8.count <= 64, secret.utf8.count <= 256,
              let row = try await sql.select().columns(Self.columns).from("lrs_clients").where("api_key", .equal, key).first()
        else { return nil }
        let stored = Array(try row.decode(column: "secret_digest", as: String.self).utf8)
        let given = Array(TokenDigest.digest(secret).utf8)
        guard stored.count == given.count, zip(stored, given).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0 else { return nil }
        let client = try Self.decode(row)
        return client.revokedAt == nil ? client : nil
    }

    func find(key: String) async throws -> StoredLearningRecordClient? {
        try await sql.select().columns(Self.columns).from("lrs_clients").where("api_key", .equal, key).first().map(Self.decode)
    }

    /// Every client, or a school's.
    func list(institutionID: UUID?) async throws -> [StoredLearningRecordClient] {
        var query = sql.select().columns(Self.columns).from("lrs_clients")
        if let institutionID { query = query.where("institution_id", .equal, institutionID) }
        return try await query.orderBy("created_at", .descending).all().map(Self.decode)
    }

    /// Revokes a client; false when it was already revoked or does not exist.
    func revoke(key: String, now: Date = Date()) async throws -> Bool {
        let rows = try await sql.update("lrs_clients").set("revoked_at", to: SQLBind(now))
            .where("api_key", .equal, key).where("revoked_at", .is, SQLLiteral.null).returning("id").all()
        return !rows.isEmpty
    }

    static func decode(_ row: any SQLRow) throws -> StoredLearningRecordClient {
        StoredLearningRecordClient(
            id: try row.decode(column: "id", as: UUID.self), apiKey: try row.decode(column: "api_key", as: String.self),
            name: try row.decode(column: "name", as: String.self), institutionID: try row.decode(column: "institution_id", as: UUID?.self),
            scope: LearningRecordClientScope(rawValue: try row.decode(column: "scope", as: String.self)) ?? .write,
            createdBy: try row.decode(column: "created_by", as: String.self), createdAt: try row.decode(column: "created_at", as: Date.self),
            revokedAt: try row.decode(column: "revoked_at", as: Date?.self))
    }
}
