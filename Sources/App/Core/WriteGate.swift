import Fluent
import SQLKit
import SQLiteNIO
import Vapor

/// One write transaction at a time in this process, first come first served. SQLite has one
/// writer per file anyway; queuing here instead of in SQLite's busy handler keeps a burst of
/// writers from failing with "database is locked".
actor WriteGate {
    /// Credit-ledger transactions.
    static let ledger = WriteGate()
    /// Learning-record store writes (statements, documents).
    static let learningRecords = WriteGate()
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

extension WriteGate {
    /// Runs `body` in one database transaction. On SQLite the transaction passes this gate,
    /// and one refused because another writer holds the file ("database is locked") is retried
    /// a bounded number of times; PostgreSQL runs writers side by side.
    /// - Parameter postgresLock: an advisory lock taken first on PostgreSQL, for writers that
    ///   must also run one at a time there.
    nonisolated func transaction<T: Sendable>(on db: any Database, postgresLock: Int64? = nil,
                                              _ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        func once() async throws -> T {
            try await db.transaction { tx in
                guard let sql = tx as? any SQLDatabase else { throw Abort(.internalServerError) }
                if let postgresLock { try await sql.advisoryLock(postgresLock) }
                return try await body(sql)
            }
        }
        guard (db as? any SQLDatabase)?.dialect.name != "postgresql" else { return try await once() }
        await enter()
        do {
            var attempt = 0
            while true {
                do {
                    let result = try await once()
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
