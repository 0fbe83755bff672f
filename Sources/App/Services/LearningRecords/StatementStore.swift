import Credentials
import Foundation
import LearningRecords
import Registry
import SQLKit

/// A statement ready to be written: the stored document and what the store indexes of it.
struct StatementRow: Sendable {
    var id: UUID
    var stored: Date
    var document: JSONValue
    var index: StatementIndex
    var clientID: UUID
    var institutionID: UUID?
    var learnerID: UUID?
    var attachmentHashes: [String]

    /// A prepared statement and its index, placed at its client's school until linked.
    init(id: UUID, stored: Date, document: JSONValue, clientID: UUID, institutionID: UUID?, attachmentHashes: [String]) {
        self.id = id
        self.stored = stored
        self.document = document
        self.index = StatementIndex(document)
        self.clientID = clientID
        self.institutionID = institutionID
        self.learnerID = nil
        self.attachmentHashes = attachmentHashes
    }

    /// Names the platform learner the statement is about, and places it at their school.
    mutating func link(_ links: LearnerLinks) {
        guard let learner = links[id] else { return }
        learnerID = learner.id
        institutionID = learner.institutionID ?? institutionID
    }
}

/// The platform learners statements are about, by statement id: the registry student and their school.
typealias LearnerLinks = [UUID: (id: UUID, institutionID: UUID?)]

/// A statement as read back: its place in the store's order and its document.
struct StoredStatement: Sendable {
    var seq: Int64
    var id: UUID
    /// The statement as stored: compact JSON text, which an `exact` answer sends as it is.
    var text: String
    var stored: Date
    var voided: Bool
    var clientID: UUID
    var institutionID: UUID?
    var learnerID: UUID?
    var attachmentHashes: [String]

    /// The statement as a value (parsed on use: an `exact` page never needs it).
    var document: JSONValue { (try? JSONValue.parse(Data(text.utf8))) ?? .null }
}

/// Statements in storage (语句存储): written with their index rows in one transaction, read by
/// id or by filters in store order with a keyset cursor. All SQL of the statements lives here.
struct StatementStore: Sendable {
    let sql: any SQLDatabase

    private static let columns = "s.seq, s.statement_id, s.document, s.stored, s.voided, s.client_id, s.institution_id, s.learner_id, s.attachment_hashes"

    // MARK: writing

    /// The stored statements among `ids` (voided or not), by id.
    func existing(_ ids: [UUID]) async throws -> [UUID: StoredStatement] {
        guard !ids.isEmpty else { return [:] }
        var found: [UUID: StoredStatement] = [:]
        for chunk in ids.chunked(500) {
            let rows = try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM lrs_statements s WHERE s.statement_id IN (\(binds: Array(chunk)))").all()
            for row in rows {
                let statement = try Self.decode(row)
                found[statement.id] = statement
            }
        }
        return found
    }

    /// Writes statements and their index rows (call inside a transaction).
    func insert(_ rows: [StatementRow]) async throws {
        guard !rows.isEmpty else { return }
        // Index pages of a large store stay in memory rather than being read back for every
        // batch (SQLite's default cache is 2 MiB; this connection's becomes 128 MiB).
        if sql.dialect.name == "sqlite" { _ = try await sql.raw("PRAGMA cache_size = -131072").all() }
        for chunk in rows.chunked(200) {
            var insert = sql.insert(into: "lrs_statements")
                .columns("statement_id", "stored", "verb_id", "registration", "voided", "voids", "refers_to", "client_id", "institution_id", "learner_id", "document", "attachment_hashes")
            for row in chunk {
                let document = String(decoding: row.document.serialized(), as: UTF8.self)
                insert = insert.values(SQLBind(row.id), SQLBind(row.stored), SQLBind(row.index.verbID), SQLBind(row.index.registration), SQLBind(false),
                                       SQLBind(row.index.voids), SQLBind(row.index.refersTo), SQLBind(row.clientID), SQLBind(row.institutionID),
                                       SQLBind(row.learnerID), SQLBind(document), SQLBind(row.attachmentHashes.isEmpty ? nil : row.attachmentHashes.joined(separator: " ")))
            }
            try await insert.run()
        }
        var sequence: [UUID: Int64] = [:]
        for chunk in rows.map(\.id).chunked(500) {
            for row in try await sql.raw("SELECT seq, statement_id FROM lrs_statements WHERE statement_id IN (\(binds: Array(chunk)))").all() {
                sequence[try row.decode(column: "statement_id", as: UUID.self)] = try row.decode(column: "seq", as: Int64.self)
            }
        }
        var agentRows: [(String, Int64, Bool)] = []
        var activityRows: [(String, Int64, Bool)] = []
        for row in rows {
            guard let seq = sequence[row.id] else { continue }
            for key in row.index.relatedAgents { agentRows.append((key.rawValue, seq, !row.index.agents.contains(key))) }
            for id in row.index.relatedActivities { activityRows.append((id, seq, !row.index.activities.contains(id))) }
        }
        for chunk in agentRows.chunked(500) {
            var insert = sql.insert(into: "lrs_statement_agents").columns("agent_key", "seq", "related")
            for (key, seq, related) in chunk { insert = insert.values(SQLBind(key), SQLBind(seq), SQLBind(related)) }
            try await insert.run()
        }
        for chunk in activityRows.chunked(500) {
            var insert = sql.insert(into: "lrs_statement_activities").columns("activity_id", "seq", "related")
            for (id, seq, related) in chunk { insert = insert.values(SQLBind(id), SQLBind(seq), SQLBind(related)) }
            try await insert.run()
        }
    }

    /// Marks statements voided (a voiding statement never is).
    func void(_ ids: [UUID]) async throws {
        guard !ids.isEmpty else { return }
        try await sql.raw("UPDATE lrs_statements SET voided = \(bind: true) WHERE statement_id IN (\(binds: ids)) AND verb_id <> \(bind: StatementIndex.voidedVerb)").run()
    }

    /// Statements already stored that void one of `ids` (a statement can arrive after its voiding).
    func voiders(of ids: [UUID]) async throws -> Set<UUID> {
        guard !ids.isEmpty else { return [] }
        // A voiding statement refers to what it voids: the refers_to index finds it (voids has none).
        let rows = try await sql.raw("SELECT voids FROM lrs_statements WHERE refers_to IN (\(binds: ids)) AND voids IS NOT NULL").all()
        return Set(try rows.compactMap { try $0.decode(column: "voids", as: UUID?.self) })
    }

    // MARK: reading

    /// One statement by id, voided or not; the caller decides what it may see.
    func find(_ id: UUID) async throws -> StoredStatement? {
        try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM lrs_statements s WHERE s.statement_id = \(bind: id)").first().map(Self.decode)
    }

    /// A page of statements matching `query` that `filter` admits, in store order, after the
    /// query's cursor; `limit` rows at most. As the specification asks, a statement that refers
    /// to a matching statement (by StatementRef, a voiding one included) matches too.
    func page(_ query: StatementQuery, filter: StatementFilter, limit: Int) async throws -> [StoredStatement] {
        guard filter != .none else { return [] }
        let order: SQLQueryString = query.ascending ? " ASC" : " DESC"
        // The referring half is a join whose cost grows with the matches; most stores hold no
        // referring statement at all, and then it is skipped.
        let filtersByContent = (query.agent != nil || query.verb != nil || query.activity != nil || query.registration != nil)
            ? try await hasReferringStatements() : false
        var text: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM lrs_statements s WHERE s.seq IN (SELECT k FROM ("
            + selection(query, filter: filter, limit: limit, viaReference: false) + ") d"
        if filtersByContent {
            text = text + " UNION SELECT k FROM (" + selection(query, filter: filter, limit: limit, viaReference: true) + ") r"
        }
        text = text + ") ORDER BY s.seq" + order + " LIMIT \(unsafeRaw: String(limit))"
        return try await sql.raw(text).all().map(Self.decode)
    }

    /// The sequence numbers (as `k`) of one page of statements `s` that match the query
    /// themselves, or (`viaReference`) whose StatementRef target `m` matches it. Each walks one
    /// index range in order and stops after `limit` rows, whatever the page's depth.
    private func selection(_ query: StatementQuery, filter: StatementFilter, limit: Int, viaReference: Bool) -> SQLQueryString {
        let m = viaReference ? "m" : "s"
        var text: SQLQueryString = "FROM lrs_statements s"
        if viaReference { text = text + " JOIN lrs_statements m ON m.statement_id = s.refers_to" }
        var key: SQLQueryString = "s.seq"
        if let agent = query.agent {
            text = text + " JOIN lrs_statement_agents a ON a.seq = \(unsafeRaw: m).seq AND a.agent_key = \(bind: agent.rawValue)"
                + (query.relatedAgents ? "" : " AND a.related = \(bind: false)")
            if !viaReference { key = "a.seq" }
        }
        if let activity = query.activity {
            text = text + " JOIN lrs_statement_activities t ON t.seq = \(unsafeRaw: m).seq AND t.activity_id = \(bind: activity)"
                + (query.relatedActivities ? "" : " AND t.related = \(bind: false)")
            if !viaReference, query.agent == nil { key = "t.seq" }
        }
        var conditions: [SQLQueryString] = ["s.voided = \(bind: false)"]
        switch filter {
        case .all, .none: break
        case .institution(let id): conditions.append("s.institution_id = \(bind: id)")
        case .client(let id): conditions.append("s.client_id = \(bind: id)")
        case .learner(let id): conditions.append("s.learner_id = \(bind: id)")
        }
        if let verb = query.verb { conditions.append("\(unsafeRaw: m).verb_id = \(bind: verb)") }
        if let registration = query.registration { conditions.append("\(unsafeRaw: m).registration = \(bind: registration)") }
        if let since = query.since { conditions.append("s.stored > \(bind: since)") }
        if let until = query.until { conditions.append("s.stored <= \(bind: until)") }
        if let after = query.afterSequence { conditions.append(query.ascending ? "\(key) > \(bind: after)" : "\(key) < \(bind: after)") }
        if let ceiling = query.ceiling { conditions.append("\(key) <= \(bind: ceiling)") }
        return "SELECT " + key + " AS k " + text + " WHERE " + conditions.joined(separator: " AND ")
            + " ORDER BY " + key + (query.ascending ? " ASC" : " DESC") + " LIMIT \(unsafeRaw: String(limit))"
    }

    /// Whether any stored statement refers to another (a StatementRef object, voiding included).
    func hasReferringStatements() async throws -> Bool {
        try await sql.raw("SELECT seq FROM lrs_statements WHERE refers_to IS NOT NULL LIMIT 1").first() != nil
    }

    /// The newest sequence number stored (0 for an empty store).
    func lastSequence() async throws -> Int64 {
        try await sql.raw("SELECT MAX(seq) AS seq FROM lrs_statements").first()?.decode(column: "seq", as: Int64?.self) ?? 0
    }

    static func decode(_ row: any SQLRow) throws -> StoredStatement {
        StoredStatement(
            seq: try row.decode(column: "seq", as: Int64.self), id: try row.decode(column: "statement_id", as: UUID.self),
            text: try row.decode(column: "document", as: String.self), stored: try row.decode(column: "stored", as: Date.self),
            voided: try row.decode(column: "voided", as: Bool.self),
            clientID: try row.decode(column: "client_id", as: UUID.self), institutionID: try row.decode(column: "institution_id", as: UUID?.self),
            learnerID: try row.decode(column: "learner_id", as: UUID?.self),
            attachmentHashes: (try row.decode(column: "attachment_hashes", as: String?.self))?.split(separator: " ").map(String.init) ?? [])
    }

    // MARK: attachments

    /// Stores attachment bytes by their SHA-256 (the same bytes are stored once).
    func storeAttachments(_ attachments: [(sha2: String, contentType: String, content: Data)]) async throws {
        for attachment in attachments {
            try await sql.raw("""
                INSERT INTO lrs_attachments (sha2, content_type, length, content) VALUES (\(bind: attachment.sha2), \(bind: attachment.contentType), \
                \(bind: Int64(attachment.content.count)), \(bind: attachment.content)) ON CONFLICT (sha2) DO NOTHING
                """).run()
        }
    }

    func attachments(_ hashes: Set<String>) async throws -> [String: (contentType: String, content: Data)] {
        guard !hashes.isEmpty else { return [:] }
        var out: [String: (contentType: String, content: Data)] = [:]
        for row in try await sql.raw("SELECT sha2, content_type, content FROM lrs_attachments WHERE sha2 IN (\(binds: Array(hashes)))").all() {
            out[try row.decode(column: "sha2", as: String.self)] = (try row.decode(column: "content_type", as: String.self), try row.decode(column: "content", as: Data.self))
        }
        return out
    }

    // MARK: activities

    /// Keeps each activity's latest definition, language maps merged with what was known.
    func recordActivities(_ definitions: [String: JSONValue], now: Date = Date()) async throws {
        guard !definitions.isEmpty else { return }
        var known: [String: JSONValue] = [:]
        for chunk in Array(definitions.keys).chunked(500) {
            for row in try await sql.raw("SELECT activity_id, definition FROM lrs_activities WHERE activity_id IN (\(binds: Array(chunk)))").all() {
                let text = try row.decode(column: "definition", as: String.self)
                known[try row.decode(column: "activity_id", as: String.self)] = try? JSONValue.parse(Data(text.utf8))
            }
        }
        for (id, definition) in definitions {
            let merged = ActivityDefinitionMerge.merge(known[id], definition)
            if merged == known[id] { continue }
            let text = String(decoding: merged.serialized(), as: UTF8.self)
            try await sql.raw("""
                INSERT INTO lrs_activities (activity_id, definition, updated) VALUES (\(bind: id), \(bind: text), \(bind: now)) \
                ON CONFLICT (activity_id) DO UPDATE SET definition = excluded.definition, updated = excluded.updated
                """).run()
        }
    }

    func activity(_ id: String) async throws -> JSONValue? {
        guard let text = try await sql.raw("SELECT definition FROM lrs_activities WHERE activity_id = \(bind: id)").first()?.decode(column: "definition", as: String.self) else { return nil }
        return try? JSONValue.parse(Data(text.utf8))
    }
}
