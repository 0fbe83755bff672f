import Credentials
import Crypto
import FluentKit
import Foundation
import LearningRecords
import Registry
import SQLKit

/// The write and read paths of the learning record store (学习记录服务), shared by the xAPI
/// resource, the platform's own events and the pages: validation, the LRS-set properties,
/// conflicts, voiding, learner linking and scope.
struct LearningRecordService: Sendable {
    let db: any Database
    /// The platform's public address: the `homePage` of learners' accounts and clients' authority.
    let publicURL: String
    /// Where concurrent requests' writes share a commit; nil: each write commits alone.
    var groupCommit: StatementGroupCommit? = nil

    /// Attachment bytes that came with statements, by SHA-256 (hex).
    typealias Attachments = [String: (contentType: String, content: Data)]

    /// The authority a client's statements carry: the client itself, as an account agent.
    func authority(of client: StoredLearningRecordClient) -> JSONValue {
        ["objectType": "Agent", "name": .string(client.name), "account": ["homePage": .string(publicURL), "name": .string(client.apiKey)]]
    }

    // MARK: storing

    /// Stores statements all or none and returns their ids in order. A statement whose id is
    /// stored already with the same content changes nothing; with different content the whole
    /// request is refused (409).
    func store(_ statements: [JSONValue], attachments: Attachments, client: StoredLearningRecordClient, version: XAPIVersion) async throws -> [UUID] {
        var pending: [(original: JSONValue, id: UUID, hashes: [String])] = []
        var seen = Set<UUID>()
        var declaredHashes = Set<String>()
        let batch = statements.count > 1
        for (i, statement) in statements.enumerated() {
            let context = batch ? "[\(i)]" : nil
            do { try StatementValidator.validate(statement, version: version) } catch { throw XAPIError.violation(error, in: context) }
            let id = StatementPreparation.givenID(statement) ?? UUID()
            guard seen.insert(id).inserted else { throw XAPIError.bad("statement id \(id.uuidString.lowercased()) appears twice in one request") }
            let hashes = try checkAttachments(of: statement, attachments: attachments, context: context)
            declaredHashes.formUnion(hashes)
            pending.append((statement, id, hashes))
        }
        for hash in attachments.keys where !declaredHashes.contains(hash) {
            throw XAPIError.bad("an attachment part (sha2 \(hash)) is not declared by any statement")
        }
        // Read before the write lock is taken, so the lock is held only for the write.
        let links = try await Self.linkedLearners(pending.map { ($0.id, $0.original["actor"]) }, publicURL: publicURL, sql: try sqlDatabase())
        let toStore = pending
        let authority = authority(of: client)
        // Two writers of one new id race to the unique index: the loser runs again and finds the
        // winner's row, which is then either the same statement or a conflict.
        let write: StatementGroupCommit.Work = { sql in
            // Prepared and stamped inside the write lock, so `stored` rises with the store's order.
            let now = Date()
            let rows = toStore.map { p in
                var row = StatementRow(id: p.id, stored: now, document: StatementPreparation.prepare(p.original, id: p.id, stored: now, authority: authority, version: version),
                                       clientID: client.id, institutionID: client.institutionID, attachmentHashes: p.hashes)
                row.link(links)
                return (p.original, row)
            }
            try await self.write(rows, attachments: attachments, store: StatementStore(sql: sql))
        }
        for attempt in 0..<3 {
            do {
                // Inside a caller's transaction the write joins it; otherwise it shares the next
                // commit with the other requests waiting (`StatementGroupCommit`).
                if let groupCommit, !db.inTransaction {
                    try await groupCommit.write(statements: toStore.count, on: db, postgresLock: Self.advisoryKey, write)
                } else {
                    try await WriteGate.shared.transaction(on: db, postgresLock: Self.advisoryKey, write)
                }
                break
            } catch where attempt < 2 && ConstraintViolation.isUnique(error) {
                continue
            }
        }
        return pending.map(\.id)
    }

    /// The PostgreSQL advisory-lock key of statement writes: one writer at a time, so statements
    /// commit in the order of their sequence numbers and a cursor never skips a late commit.
    static let advisoryKey: Int64 = 7_212_050_002

    private func write(_ prepared: [(original: JSONValue, row: StatementRow)], attachments: Attachments, store: StatementStore) async throws {
        let existing = try await store.existing(prepared.map(\.row.id))
        var fresh: [StatementRow] = []
        for (original, row) in prepared {
            if let stored = existing[row.id] {
                guard StatementEquivalence.same(stored.document, original) else {
                    throw XAPIError.conflict("statement \(row.id.uuidString.lowercased()) is already stored with different content")
                }
                continue
            }
            fresh.append(row)
        }
        // A voiding statement may not target a voiding statement, stored or in this request.
        let targets = fresh.compactMap(\.index.voids)
        if !targets.isEmpty {
            let batchVoiders = Set(fresh.filter { $0.index.voids != nil }.map(\.id))
            let storedTargets = try await store.existing(targets)
            for target in targets where batchVoiders.contains(target) || storedTargets[target].map({ StatementIndex($0.document).voids != nil }) == true {
                throw XAPIError.bad("statement \(target.uuidString.lowercased()) is itself a voiding statement and cannot be voided")
            }
        }
        try await Self.insertNew(fresh, store: store)
        try await store.void(targets)
        // A statement that arrives after the statement voiding it is voided at once.
        let voidedEarlier = try await store.voiders(of: fresh.map(\.id))
        try await store.void(Array(voidedEarlier))
        let used = Set(fresh.flatMap(\.attachmentHashes))
        try await store.storeAttachments(attachments.filter { used.contains($0.key) }.map { ($0.key, $0.value.contentType, $0.value.content) })
    }

    /// Writes statements not stored before (call inside the write transaction): the rows and
    /// their index, the forwarding outbox, and the activities' canonical definitions. Clients'
    /// statements and the platform's own pass here alike.
    static func insertNew(_ rows: [StatementRow], store: StatementStore) async throws {
        try await store.insert(rows)
        // The outbox: queued for forwarding in this transaction, so stored and queued commit together.
        try await ForwardingQueue.enqueue(rows.map(\.id), on: store.sql)
        var definitions: [String: JSONValue] = [:]
        for row in rows {
            for activity in activities(in: row.document) { definitions[activity.id] = ActivityDefinitionMerge.merge(definitions[activity.id], activity.definition) }
        }
        try await store.recordActivities(definitions)
    }

    /// Checks a statement's attachments against the parts sent: each declared without a
    /// `fileUrl` must have come, with the SHA-256 it declares; a signature must verify.
    /// Returns the hashes of the parts this statement uses.
    private func checkAttachments(of statement: JSONValue, attachments: Attachments, context: String?) throws -> [String] {
        guard let list = statement["attachments"]?.arrayValue else { return [] }
        var hashes: [String] = []
        for (i, attachment) in list.enumerated() {
            guard let sha2 = attachment["sha2"]?.stringValue?.lowercased() else { continue }
            if let part = attachments[sha2] {
                hashes.append(sha2)
                if attachment["usageType"]?.stringValue == SignedStatement.usageType {
                    do { try SignedStatement.verify(statement, signature: part.content, index: i) } catch { throw XAPIError.violation(error, in: context) }
                }
            } else if attachment["fileUrl"] == nil {
                throw XAPIError.bad(([context, "attachments[\(i)]"].compactMap { $0 }.joined(separator: ".")) + ": no part with sha2 \(sha2) was sent and there is no fileUrl")
            }
        }
        return hashes
    }

    /// The platform learners the statements are about: an actor whose account is the
    /// platform's (home page = the public address, name = the learner's id).
    static func linkedLearners(_ actors: [(statement: UUID, actor: JSONValue?)], publicURL: String, sql: any SQLDatabase) async throws -> LearnerLinks {
        var wanted: [UUID: UUID] = [:]
        for (statement, actor) in actors {
            guard let actor, let key = AgentKey(actor), let name = key.accountName(under: publicURL), let learner = UUID(uuidString: name) else { continue }
            wanted[statement] = learner
        }
        guard !wanted.isEmpty else { return [:] }
        var institutions: [UUID: UUID?] = [:]
        for chunk in Array(Set(wanted.values)).chunked(500) {
            for row in try await sql.raw("SELECT id, institution_id FROM students WHERE id IN (\(binds: Array(chunk)))").all() {
                institutions[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "institution_id", as: UUID?.self)
            }
        }
        return wanted.compactMapValues { learner in institutions[learner].map { (learner, $0) } }
    }

    private func sqlDatabase() throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw XAPIError(status: .internalServerError, en: "the database does not speak SQL", zh: "数据库不支持 SQL") }
        return sql
    }

    static func activities(in statement: JSONValue) -> [(id: String, definition: JSONValue)] {
        var out: [(String, JSONValue)] = []
        func visit(_ activity: JSONValue) {
            if let id = activity["id"]?.stringValue, let definition = activity["definition"] { out.append((id, definition)) }
        }
        if let object = statement["object"], (object["objectType"]?.stringValue ?? "Activity") == "Activity" { visit(object) }
        for (_, list) in statement["context"]?["contextActivities"]?.objectValue ?? [:] { for activity in list.arrayValue ?? [list] { visit(activity) } }
        return out
    }

    // MARK: reading

    /// One statement by id (`voided`: by voidedStatementId), if the reader may see it.
    func statement(_ id: UUID, voided: Bool, filter: StatementFilter) async throws -> StoredStatement? {
        guard let sql = db as? any SQLDatabase, let found = try await StatementStore(sql: sql).find(id), found.voided == voided,
              Self.admits(filter, found) else { return nil }
        return found
    }

    /// A page of statements and the cursor of the next, if there is one.
    func page(_ query: StatementQuery, filter: StatementFilter, maxPage: Int = 100) async throws -> (statements: [StoredStatement], next: StatementCursor?) {
        guard let sql = db as? any SQLDatabase else { return ([], nil) }
        let store = StatementStore(sql: sql)
        let limit = query.limit == 0 ? maxPage : Swift.min(query.limit, maxPage)
        var bounded = query
        if bounded.ceiling == nil { bounded.ceiling = try await store.lastSequence() }
        let ceiling = bounded.ceiling ?? 0
        let rows = try await store.page(bounded, filter: filter, limit: limit + 1)
        guard rows.count > limit, let last = rows.prefix(limit).last else { return (rows, nil) }
        return (Array(rows.prefix(limit)), StatementCursor(afterSequence: last.seq, ceiling: ceiling, query: query))
    }

    static func admits(_ filter: StatementFilter, _ statement: StoredStatement) -> Bool {
        switch filter {
        case .all: true
        case .none: false
        case .institution(let id): statement.institutionID == id
        case .client(let id): statement.clientID == id
        case .learner(let id): statement.learnerID == id
        }
    }
}
