import Fluent
import SQLKit
import SQLiteNIO
import Vapor

/// One write transaction at a time in this process, first come first served. SQLite has one
/// writer per file anyway; queuing here instead of in SQLite's busy handler keeps a burst of
/// writers from failing with "database is locked" or, in WAL mode, with a stale snapshot.
actor WriteGate {
    /// Every gated writer of this process: the credit ledger, the learning record store and
    /// changes that append to the audit chain. One gate, because SQLite has one writer: two
    /// gates would only let their transactions refuse each other's snapshots.
    static let shared = WriteGate()
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// For `/metrics`: how long writers queue here is how long SQLite's one writer is contended.
    private(set) var statistics = Statistics()

    /// Writers that passed the gate, what they waited in total, and the longest wait since the
    /// last scrape took it.
    struct Statistics: Sendable {
        var entries = 0
        var waitedSeconds = 0.0
        var longestWaitSeconds = 0.0
        var queued = 0
    }

    func enter() async {
        statistics.entries += 1
        guard busy else {
            busy = true
            return
        }
        let start = ContinuousClock.now
        statistics.queued += 1
        await withCheckedContinuation { waiting.append($0) }
        statistics.queued -= 1
        let waited = start.duration(to: .now)
        let seconds = Double(waited.components.seconds) + Double(waited.components.attoseconds) / 1e18
        statistics.waitedSeconds += seconds
        statistics.longestWaitSeconds = max(statistics.longestWaitSeconds, seconds)
    }

    /// The statistics, with the longest wait reset for the next scrape.
    func scrape() -> Statistics {
        let taken = statistics
        statistics.longestWaitSeconds = 0
        return taken
    }

    func leave() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

extension WriteGate {
    /// Runs `body` in one database transaction. On SQLite the transaction passes this gate,
    /// and one refused because another writer holds the file ("database is locked") is retried
    /// a bounded number of times; PostgreSQL runs writers side by side. Called on a database
    /// that is already in a transaction, `body` joins it (the outer caller holds the gate).
    /// - Parameter postgresLock: an advisory lock taken first on PostgreSQL, for writers that
    ///   must also run one at a time there; this process's writers queue for it in
    ///   `AdvisoryLockQueue` before they take a connection.
    nonisolated func transaction<T: Sendable>(on db: any Database, postgresLock: Int64? = nil,
                                              _ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await records(on: db, postgresLock: postgresLock) { tx in
            guard let sql = tx as? any SQLDatabase else { throw Abort(.internalServerError) }
            return try await body(sql)
        }
    }

    /// `transaction(on:postgresLock:_:)` for bodies written with Fluent's models.
    nonisolated func records<T: Sendable>(on db: any Database, postgresLock: Int64? = nil,
                                          _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        @Sendable func once(_ db: any Database) async throws -> T {
            try await db.transaction { tx in
                if let postgresLock, let sql = tx as? any SQLDatabase { try await sql.advisoryLock(postgresLock) }
                return try await body(tx)
            }
        }
        if db.inTransaction { return try await once(db) }
        guard (db as? any SQLDatabase)?.dialect.name != "postgresql" else {
            guard let postgresLock else { return try await once(db) }
            return try await AdvisoryLockQueue.shared.serialised(postgresLock) { try await once(db) }
        }
        await enter()
        do {
            var attempt = 0
            while true {
                do {
                    let result = try await once(db)
                    await leave()
                    return result
                } catch let error as SQLiteError where attempt < 5 && [.busy, .busyInSnapshot, .busyTimeout, .busyInRecovery, .locked].contains(error.reason) {
                    attempt += 1
                    try await Task.sleep(for: .milliseconds(10 * attempt * attempt))
                }
            }
        } catch {
            await leave()
            throw error
        }
    }
}

extension SQLDatabase {
    /// Takes a PostgreSQL transaction-scoped advisory lock (released at commit or rollback); on
    /// SQLite, whose writers are serialised already, nothing.
    func advisoryLock(_ key: Int64) async throws {
        guard dialect.name == "postgresql" else { return }
        _ = try await raw("SELECT pg_advisory_xact_lock(\(literal: Int(key))) AS locked").all()
    }
}
