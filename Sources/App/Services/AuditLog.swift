import Crypto
import Fluent
import Foundation
import SQLKit
import Vapor

/// Appends hash-chained audit rows: every create, update, delete, import, export, sign-in and
/// unmasked read (DESIGN.md, security checklist D1/D3).
///
/// A row is written in the same transaction as the change it records, so a change never
/// commits without its row and a row never outlives a rolled-back change. Order and hash are
/// computed inside that transaction under the chain's lock: a PostgreSQL advisory lock held to
/// commit, and on SQLite the single writer (a stale snapshot is refused and the gated
/// transaction retried). The unique `seq` is the last guard: a fork cannot commit.
///
/// Append the row last in a transaction: it holds the chain's lock until commit, and taking
/// other locks after it could deadlock against a writer that took them first.
package struct AuditLog: Sendable {
    package struct Entry: Sendable {
        var actorUserID: UUID?
        /// "username (role)" or "system".
        var actor: String
        var action: String
        var entity: String
        var recordID: String?
        var detail: String
        var outcome: String = "success"
        var clientIP: String?

        /// The memberwise initialiser, spelled out so the package's other targets (the
        /// benchmarks, which import a file as the command does) can make one.
        package init(actorUserID: UUID? = nil, actor: String, action: String, entity: String, recordID: String? = nil, detail: String,
                     outcome: String = "success", clientIP: String? = nil) {
            self.actorUserID = actorUserID
            self.actor = actor
            self.action = action
            self.entity = entity
            self.recordID = recordID
            self.detail = detail
            self.outcome = outcome
            self.clientIP = clientIP
        }
    }

    static let genesisHash = String(repeating: "0", count: 64)
    /// The hash version of rows written now (see `AuditEvent.hashVersion`).
    static let currentHashVersion = 2
    /// PostgreSQL advisory lock of the chain ("zaudit").
    static let advisoryKey: Int64 = 0x7A_6175_6469_74

    /// Appends `entry`. Called inside a transaction, the row joins it and commits or rolls back
    /// with the change it records; otherwise (a read, a refusal, a sign-in) it is written in a
    /// transaction of its own. Without `now`, the time is taken when the row is appended
    /// (after any wait for the gate), so times follow the chain's order.
    func append(_ entry: Entry, on db: any Database, now: Date? = nil) async throws {
        if db.inTransaction {
            try await Self.insert(entry, in: db, now: now ?? Date())
        } else {
            try await WriteGate.shared.records(on: db) { tx in try await Self.insert(entry, in: tx, now: now ?? Date()) }
        }
    }

    /// Runs `change` and appends the audit row it describes in one transaction: both commit or
    /// neither does. On SQLite the transaction passes the process's write gate.
    ///
    /// The row's time is taken when it is appended, after the change (and any wait for the
    /// gate), so times follow the chain's order. `postgresLock`: see `WriteGate.records`.
    func recording<T: Sendable>(on db: any Database, postgresLock: Int64? = nil,
                                _ change: @escaping @Sendable (any Database) async throws -> (T, Entry)) async throws -> T {
        try await WriteGate.shared.records(on: db, postgresLock: postgresLock) { tx in
            let (result, entry) = try await change(tx)
            try await Self.insert(entry, in: tx, now: Date())
            return result
        }
    }

    /// The chain's last sequence number (0 when empty): it moves with every audited change, made
    /// by this process or another, so it tells a cache of derived figures when to measure again.
    /// With `entity`, the last of that kind of record's changes only (`audit_events_by_entity`).
    static func head(on sql: any SQLDatabase, entity: String? = nil) async throws -> Int {
        let query: SQLQueryString = entity.map { "SELECT MAX(seq) AS head FROM audit_events WHERE entity = \(bind: $0)" }
            ?? "SELECT MAX(seq) AS head FROM audit_events"
        return try await sql.raw(query).first()?.decode(column: "head", as: Int?.self) ?? 0
    }

    private static func insert(_ entry: Entry, in tx: any Database, now: Date) async throws {
        if let sql = tx as? any SQLDatabase { try await sql.advisoryLock(advisoryKey) }
        let last = try await AuditEvent.query(on: tx).sort(\.$seq, .descending).first()
        let event = AuditEvent()
        event.seq = (last?.seq ?? 0) + 1
        event.atMilliseconds = Int64((now.timeIntervalSince1970 * 1000).rounded())
        event.actorUserID = entry.actorUserID
        event.actor = clean(entry.actor)
        event.action = entry.action
        event.entity = entry.entity
        event.recordID = entry.recordID
        event.detail = clean(entry.detail)
        event.outcome = entry.outcome
        event.clientIP = entry.clientIP
        event.prevHash = last?.hash ?? genesisHash
        event.hashVersion = currentHashVersion
        event.hash = hash(of: event)
        try await event.create(on: tx)
    }

    /// Line breaks would let a value forge log lines (ASVS 16.4.1); they are escaped.
    static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Version 1 joined the fields with U+001F; version 2 prefixes each field with its UTF-8
    /// length ("5:actor"), so no value can move a boundary. The version is hashed too.
    static func hash(of e: AuditEvent) -> String {
        let fields = [
            e.prevHash, String(e.seq), String(e.atMilliseconds), e.actorUserID?.uuidString ?? "", e.actor,
            e.action, e.entity, e.recordID ?? "", e.detail, e.outcome, e.clientIP ?? "",
        ]
        let text: String
        if e.hashVersion <= 1 {
            text = fields.joined(separator: "\u{1F}")
        } else {
            text = ([String(e.hashVersion)] + fields).map { "\($0.utf8.count):\($0)" }.joined()
        }
        return Hex.encode(SHA256.hash(data: Data(text.utf8)))
    }

    /// Walks the chain; returns the sequence number of the first row that does not match, or nil.
    static func firstBrokenLink(on db: any Database) async throws -> Int? {
        try await verify(on: db).firstBroken
    }

    /// What a walk of the whole chain found: rows checked and the first that breaks it.
    struct Verification: Content {
        var checked: Int
        var firstBroken: Int?
        var reason: String?
        var lastHash: String
    }

    /// Walks the chain in pages of 10,000 rows (bounded memory whatever its length).
    static func verify(on db: any Database) async throws -> Verification {
        var previous = genesisHash
        var expectedSeq = 1
        var version = 1
        var checked = 0
        while true {
            let page = try await AuditEvent.query(on: db).filter(\.$seq >= expectedSeq).sort(\.$seq, .ascending).limit(10_000).all()
            if page.isEmpty { break }
            for event in page {
                let reason: String? = event.seq != expectedSeq ? "seq \(event.seq) where \(expectedSeq) was expected (a row is missing)"
                    : !(1...currentHashVersion).contains(event.hashVersion) ? "unknown hash version \(event.hashVersion)"
                    : event.hashVersion < version ? "hash version \(event.hashVersion) after version \(version) (versions never go back)"
                    : event.prevHash != previous ? "prev_hash does not match the hash of row \(expectedSeq - 1)"
                    : hash(of: event) != event.hash ? "hash does not match the row's fields (the row was changed)" : nil
                if let reason { return Verification(checked: checked, firstBroken: event.seq, reason: reason, lastHash: previous) }
                previous = event.hash
                version = event.hashVersion
                expectedSeq += 1
                checked += 1
            }
        }
        return Verification(checked: checked, firstBroken: nil, reason: nil, lastHash: previous)
    }
}
