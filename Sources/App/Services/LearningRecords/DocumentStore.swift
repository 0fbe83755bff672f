import Foundation
import SQLKit

/// Which document resource (文档资源): state, activity profile or agent profile.
enum DocumentKind: String, Sendable {
    case state, activityProfile = "activity_profile", agentProfile = "agent_profile"
}

/// Where a document sits: its resource, the activity and/or agent it belongs to, the
/// registration (state only) and its own id. Absent parts are stored as "".
struct DocumentAddress: Sendable, Hashable {
    var owner: String
    var kind: DocumentKind
    var activityID = ""
    var agentKey = ""
    var registration = ""
    var documentID = ""
}

/// A stored document.
struct StoredDocument: Sendable {
    var contentType: String
    var content: Data
    var etag: String
    var updated: Date
}

/// Documents in storage: the SQL of the state and profile resources.
struct DocumentStore: Sendable {
    let sql: any SQLDatabase

    /// The PostgreSQL advisory-lock key of document writes: a condition (If-Match) checked in
    /// a write still holds when the write lands.
    static let advisoryKey: Int64 = 7_212_050_003

    private func conditions(_ a: DocumentAddress, includeID: Bool = true) -> SQLQueryString {
        var text: SQLQueryString = "owner = \(bind: a.owner) AND kind = \(bind: a.kind.rawValue) AND activity_id = \(bind: a.activityID) AND agent_key = \(bind: a.agentKey)"
        if a.kind == .state { text = text + " AND registration = \(bind: a.registration)" }
        if includeID { text = text + " AND document_id = \(bind: a.documentID)" }
        return text
    }

    func find(_ a: DocumentAddress) async throws -> StoredDocument? {
        guard let row = try await sql.raw("SELECT content_type, content, etag, updated FROM lrs_documents WHERE " + conditions(a)).first() else { return nil }
        return StoredDocument(contentType: try row.decode(column: "content_type", as: String.self), content: try row.decode(column: "content", as: Data.self),
                              etag: try row.decode(column: "etag", as: String.self), updated: try row.decode(column: "updated", as: Date.self))
    }

    /// The ids of the documents under an address (its `documentID` ignored), changed after `since`.
    func ids(_ a: DocumentAddress, since: Date?) async throws -> [String] {
        var text = "SELECT document_id FROM lrs_documents WHERE " + conditions(a, includeID: false)
        if let since { text = text + " AND updated > \(bind: since)" }
        return try await sql.raw(text + " ORDER BY document_id").all().map { try $0.decode(column: "document_id", as: String.self) }
    }

    func save(_ a: DocumentAddress, contentType: String, content: Data, etag: String, now: Date) async throws {
        try await sql.raw("""
            INSERT INTO lrs_documents (id, owner, kind, activity_id, agent_key, registration, document_id, content_type, content, etag, updated) \
            VALUES (\(bind: UUID()), \(bind: a.owner), \(bind: a.kind.rawValue), \(bind: a.activityID), \(bind: a.agentKey), \(bind: a.registration), \
            \(bind: a.documentID), \(bind: contentType), \(bind: content), \(bind: etag), \(bind: now)) \
            ON CONFLICT (owner, kind, activity_id, agent_key, registration, document_id) DO UPDATE SET \
            content_type = excluded.content_type, content = excluded.content, etag = excluded.etag, updated = excluded.updated
            """).run()
    }

    func delete(_ a: DocumentAddress) async throws {
        try await sql.raw("DELETE FROM lrs_documents WHERE " + conditions(a)).run()
    }

    /// Deletes every document under an address (the state resource without a stateId).
    func deleteAll(_ a: DocumentAddress) async throws {
        try await sql.raw("DELETE FROM lrs_documents WHERE " + conditions(a, includeID: false)).run()
    }
}
