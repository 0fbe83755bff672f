import FluentKit
import Foundation
import SQLKit
import Vapor

/// Group commit (组提交) for statement writes: requests that arrive while a write transaction is
/// under way are written together in the next one, each inside a savepoint of its own.
///
/// A single-statement POST is one transaction, and a transaction's cost is its commit — one
/// fsync on SQLite with `synchronous=FULL`, one WAL flush on PostgreSQL — not its rows. Queued
/// behind one writer (the write gate, the statement advisory lock), concurrent POSTs would pay
/// one commit each; here the commit is shared. Each request stays all or nothing: a request
/// whose write fails (a 409 conflict, a unique race) is rolled back to its savepoint and gets
/// its own error, the others commit. Nothing is answered before its commit.
///
/// One per application (`Application.statementGroupCommit`): a turn writes to the database of
/// the request that started it, so two applications in one process must not share a queue.
actor StatementGroupCommit {

    /// One request's write, run inside the shared transaction.
    typealias Work = @Sendable (any SQLDatabase) async throws -> Void

    private struct Pending {
        var work: Work
        var statements: Int
        var db: any Database
        var postgresLock: Int64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private var pending: [Pending] = []
    private var draining = false
    /// Shared transactions run so far, and requests waiting for the next one (for tests and metrics).
    private(set) var turns = 0
    var queued: Int { pending.count }
    /// Statements per shared transaction at most, so that one commit never holds the writer long.
    let maximumStatements: Int

    init(maximumStatements: Int = 2_000) {
        self.maximumStatements = maximumStatements
    }

    /// Runs `work` in the next shared write transaction on `db` and returns once it committed
    /// (or throws the error of `work`, or of the commit).
    func write(statements: Int, on db: any Database, postgresLock: Int64, _ work: @escaping Work) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            pending.append(Pending(work: work, statements: statements, db: db, postgresLock: postgresLock, continuation: continuation))
            guard !draining else { return }
            draining = true
            Task { await self.drain() }
        }
    }

    /// Writes queued requests in turns until none is left. While one turn's transaction runs,
    /// the actor is free (it awaits), so new requests queue for the next turn. A turn runs on
    /// the database handle of its first request.
    private func drain() async {
        while !pending.isEmpty {
            var taken = 0
            var count = 0
            while taken < pending.count, taken == 0 || count + pending[taken].statements <= maximumStatements {
                count += pending[taken].statements
                taken += 1
            }
            let turn = Array(pending.prefix(taken))
            pending.removeFirst(taken)
            turns += 1
            let results = await Self.commit(turn.map(\.work), on: turn[0].db, postgresLock: turn[0].postgresLock)
            for (request, result) in zip(turn, results) { request.continuation.resume(with: result) }
        }
        draining = false
    }

    /// One shared transaction: each work in its savepoint. A failed commit fails every work.
    private static func commit(_ works: [Work], on db: any Database, postgresLock: Int64) async -> [Result<Void, any Error>] {
        do {
            return try await WriteGate.shared.transaction(on: db, postgresLock: postgresLock) { sql in
                var results: [Result<Void, any Error>] = []
                results.reserveCapacity(works.count)
                for (i, work) in works.enumerated() {
                    let savepoint = SQLIdentifier("statement_write_\(i)")
                    try await sql.raw("SAVEPOINT \(savepoint)").run()
                    do {
                        try await work(sql)
                        try await sql.raw("RELEASE SAVEPOINT \(savepoint)").run()
                        results.append(.success(()))
                    } catch {
                        try await sql.raw("ROLLBACK TO SAVEPOINT \(savepoint)").run()
                        try await sql.raw("RELEASE SAVEPOINT \(savepoint)").run()
                        results.append(.failure(error))
                    }
                }
                return results
            }
        } catch {
            return Array(repeating: .failure(error), count: works.count)
        }
    }
}

extension Application {
    private struct StatementGroupCommitKey: StorageKey { typealias Value = StatementGroupCommit }

    /// This application's statement write queue, made when the application is configured.
    var statementGroupCommit: StatementGroupCommit? {
        get { storage[StatementGroupCommitKey.self] }
        set { storage[StatementGroupCommitKey.self] = newValue }
    }
}
