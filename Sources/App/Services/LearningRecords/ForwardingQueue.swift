import Foundation
import LearningRecords
import SQLKit

/// A forwarding target as stored (转发目标), its credentials still sealed.
struct StoredForwardingTarget: Sendable, Equatable {
    var id: UUID
    var name: String
    var endpoint: String
    var authCipher: String
    var xapiVersion: String
    var institutionID: UUID?
    var active: Bool
    var createdBy: String
    var createdAt: Date
    var deactivatedAt: Date?
    var lastError: String?
    var lastErrorAt: Date?
    var lastSentAt: Date?
}

/// A statement due to be forwarded: its queue place and what is sent.
struct ForwardingItem: Sendable {
    var seq: Int64
    var statementID: UUID
    var document: JSONValue
    var attempts: Int
    var attachmentHashes: [String]
}

/// The forwarding tables in storage (转发队列): targets and the outbox. All SQL of forwarding
/// lives here; callers decide the transactions.
struct ForwardingQueue: Sendable {
    let sql: any SQLDatabase

    enum State: String, Sendable, CaseIterable {
        case pending, sent, dead
    }

    static let targetColumns = ["id", "name", "endpoint", "auth_cipher", "xapi_version", "institution_id", "active", "created_by", "created_at",
                                "deactivated_at", "last_error", "last_error_at", "last_sent_at"]

    // MARK: the outbox

    /// Queues the statements just stored (by id) for every active target that receives them:
    /// the target's institution is the statement's, or the target takes all. Call inside the
    /// transaction that stores them, so both commit or neither does.
    static func enqueue(_ statementIDs: [UUID], on sql: any SQLDatabase, now: Date = Date()) async throws {
        guard !statementIDs.isEmpty else { return }
        for chunk in statementIDs.chunked(500) {
            try await sql.raw("""
                INSERT INTO lrs_forward_queue (target_id, seq, state, attempts, next_attempt_at) \
                SELECT t.id, s.seq, \(bind: State.pending.rawValue), 0, \(bind: now) FROM lrs_statements s \
                JOIN lrs_forward_targets t ON t.active = \(bind: true) AND (t.institution_id IS NULL OR t.institution_id = s.institution_id) \
                WHERE s.statement_id IN (\(binds: Array(chunk)))
                """).run()
        }
    }

    /// Takes up to `limit` due pending rows of a target, lowest sequence first, and leases them
    /// until `leaseUntil` so that an overlapping pass (a second server, `run-once` beside the
    /// server) does not send them too. A crash mid-send leaves them due again when the lease
    /// ends. On PostgreSQL a row another claimer took meanwhile fails the re-checked condition.
    func claim(target: UUID, now: Date, leaseUntil: Date, limit: Int) async throws -> [Int64] {
        let rows = try await sql.raw("""
            UPDATE lrs_forward_queue SET next_attempt_at = \(bind: leaseUntil) \
            WHERE target_id = \(bind: target) AND state = \(bind: State.pending.rawValue) AND next_attempt_at <= \(bind: now) AND seq IN (\
            SELECT seq FROM lrs_forward_queue WHERE target_id = \(bind: target) AND state = \(bind: State.pending.rawValue) AND next_attempt_at <= \(bind: now) \
            ORDER BY seq LIMIT \(unsafeRaw: String(limit))) RETURNING seq
            """).all()
        return try rows.map { try $0.decode(column: "seq", as: Int64.self) }.sorted()
    }

    /// The statements of claimed rows, as stored, in sequence order.
    func items(target: UUID, seqs: [Int64]) async throws -> [ForwardingItem] {
        guard !seqs.isEmpty else { return [] }
        let rows = try await sql.raw("""
            SELECT q.seq, q.attempts, s.statement_id, s.document, s.attachment_hashes FROM lrs_forward_queue q \
            JOIN lrs_statements s ON s.seq = q.seq WHERE q.target_id = \(bind: target) AND q.seq IN (\(binds: seqs)) ORDER BY q.seq
            """).all()
        return try rows.map { row in
            let text = try row.decode(column: "document", as: String.self)
            return ForwardingItem(seq: try row.decode(column: "seq", as: Int64.self), statementID: try row.decode(column: "statement_id", as: UUID.self),
                                  document: (try? JSONValue.parse(Data(text.utf8))) ?? .null, attempts: try row.decode(column: "attempts", as: Int.self),
                                  attachmentHashes: (try row.decode(column: "attachment_hashes", as: String?.self))?.split(separator: " ").map(String.init) ?? [])
        }
    }

    func markSent(target: UUID, seqs: [Int64], now: Date) async throws {
        guard !seqs.isEmpty else { return }
        for chunk in seqs.chunked(500) {
            try await sql.raw("""
                UPDATE lrs_forward_queue SET state = \(bind: State.sent.rawValue), sent_at = \(bind: now), last_attempt_at = \(bind: now), last_error = NULL \
                WHERE target_id = \(bind: target) AND state = \(bind: State.pending.rawValue) AND seq IN (\(binds: Array(chunk)))
                """).run()
        }
        try await sql.raw("UPDATE lrs_forward_targets SET last_sent_at = \(bind: now) WHERE id = \(bind: target)").run()
    }

    /// Counts one failed attempt for rows that had `attempts` failures before: due again after
    /// `nextAttemptAt`, or dead when `dead`.
    func markFailed(target: UUID, seqs: [Int64], attempts: Int, dead: Bool, nextAttemptAt: Date, error: String, now: Date) async throws {
        guard !seqs.isEmpty else { return }
        let state = dead ? State.dead : State.pending
        for chunk in seqs.chunked(500) {
            try await sql.raw("""
                UPDATE lrs_forward_queue SET state = \(bind: state.rawValue), attempts = \(bind: attempts + 1), next_attempt_at = \(bind: nextAttemptAt), \
                last_error = \(bind: error), last_attempt_at = \(bind: now) \
                WHERE target_id = \(bind: target) AND state = \(bind: State.pending.rawValue) AND seq IN (\(binds: Array(chunk)))
                """).run()
        }
        try await sql.raw("UPDATE lrs_forward_targets SET last_error = \(bind: error), last_error_at = \(bind: now) WHERE id = \(bind: target)").run()
    }

    // MARK: targets

    func insertTarget(_ target: StoredForwardingTarget) async throws {
        try await sql.insert(into: "lrs_forward_targets").columns(Self.targetColumns)
            .values(SQLBind(target.id), SQLBind(target.name), SQLBind(target.endpoint), SQLBind(target.authCipher), SQLBind(target.xapiVersion),
                    SQLBind(target.institutionID), SQLBind(target.active), SQLBind(target.createdBy), SQLBind(target.createdAt),
                    SQLBind(target.deactivatedAt), SQLBind(target.lastError), SQLBind(target.lastErrorAt), SQLBind(target.lastSentAt))
            .run()
    }

    func targets(activeOnly: Bool) async throws -> [StoredForwardingTarget] {
        var query = sql.select().columns(Self.targetColumns).from("lrs_forward_targets")
        if activeOnly { query = query.where("active", .equal, SQLBind(true)) }
        return try await query.orderBy("created_at").orderBy("id").all().map(Self.decodeTarget)
    }

    func target(_ id: UUID) async throws -> StoredForwardingTarget? {
        try await sql.select().columns(Self.targetColumns).from("lrs_forward_targets").where("id", .equal, SQLBind(id)).first().map(Self.decodeTarget)
    }

    /// Deactivates a target; false when it was not active or does not exist.
    func deactivate(_ id: UUID, now: Date) async throws -> Bool {
        let rows = try await sql.update("lrs_forward_targets").set("active", to: SQLBind(false)).set("deactivated_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(id)).where("active", .equal, SQLBind(true)).returning("id").all()
        return !rows.isEmpty
    }

    static func decodeTarget(_ row: any SQLRow) throws -> StoredForwardingTarget {
        StoredForwardingTarget(
            id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
            endpoint: try row.decode(column: "endpoint", as: String.self), authCipher: try row.decode(column: "auth_cipher", as: String.self),
            xapiVersion: try row.decode(column: "xapi_version", as: String.self), institutionID: try row.decode(column: "institution_id", as: UUID?.self),
            active: try row.decode(column: "active", as: Bool.self), createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self), deactivatedAt: try row.decode(column: "deactivated_at", as: Date?.self),
            lastError: try row.decode(column: "last_error", as: String?.self), lastErrorAt: try row.decode(column: "last_error_at", as: Date?.self),
            lastSentAt: try row.decode(column: "last_sent_at", as: Date?.self))
    }

    // MARK: status

    /// Rows per (target, state).
    func counts() async throws -> [UUID: [State: Int]] {
        var out: [UUID: [State: Int]] = [:]
        for row in try await sql.raw("SELECT target_id, state, COUNT(*) AS n FROM lrs_forward_queue GROUP BY target_id, state").all() {
            guard let state = State(rawValue: try row.decode(column: "state", as: String.self)) else { continue }
            out[try row.decode(column: "target_id", as: UUID.self), default: [:]][state] = try row.decode(column: "n", as: Int.self)
        }
        return out
    }

    /// When the oldest statement still pending for each target was stored.
    func oldestPending() async throws -> [UUID: Date] {
        var out: [UUID: Date] = [:]
        let rows = try await sql.raw("""
            SELECT f.target_id, s.stored FROM (SELECT target_id, MIN(seq) AS seq FROM lrs_forward_queue WHERE state = \(bind: State.pending.rawValue) GROUP BY target_id) f \
            JOIN lrs_statements s ON s.seq = f.seq
            """).all()
        for row in rows { out[try row.decode(column: "target_id", as: UUID.self)] = try row.decode(column: "stored", as: Date.self) }
        return out
    }

    // MARK: dead letters

    /// A page of a target's dead letters in statement order, after sequence `after`.
    func deadLetters(target: UUID, after: Int64?, limit: Int) async throws -> [LearningRecordForwarding.DeadLetter] {
        var text: SQLQueryString = """
            SELECT q.seq, q.attempts, q.last_error, q.last_attempt_at, s.statement_id FROM lrs_forward_queue q JOIN lrs_statements s ON s.seq = q.seq \
            WHERE q.target_id = \(bind: target) AND q.state = \(bind: State.dead.rawValue)
            """
        if let after { text = text + " AND q.seq > \(bind: after)" }
        text = text + " ORDER BY q.seq LIMIT \(unsafeRaw: String(limit))"
        return try await sql.raw(text).all().map { row in
            LearningRecordForwarding.DeadLetter(
                targetID: target, sequence: try row.decode(column: "seq", as: Int64.self), statementID: try row.decode(column: "statement_id", as: UUID.self),
                attempts: try row.decode(column: "attempts", as: Int.self), lastError: try row.decode(column: "last_error", as: String?.self),
                lastAttemptAt: try row.decode(column: "last_attempt_at", as: Date?.self))
        }
    }

    /// Puts a target's dead letters (all, or the one of `statementID`) back to pending with a
    /// fresh count of attempts, due at once. Returns how many.
    func retry(target: UUID, statementID: UUID?, now: Date) async throws -> Int {
        var text: SQLQueryString = """
            UPDATE lrs_forward_queue SET state = \(bind: State.pending.rawValue), attempts = 0, next_attempt_at = \(bind: now), last_error = NULL \
            WHERE target_id = \(bind: target) AND state = \(bind: State.dead.rawValue)
            """
        if let statementID { text = text + " AND seq IN (SELECT seq FROM lrs_statements WHERE statement_id = \(bind: statementID))" }
        return try await sql.raw(text + " RETURNING seq").all().count
    }
}
