@testable import App
import Foundation
import SQLKit
import Testing
import Vapor

/// Issue 15: statement writes that arrive while a write runs share the next commit, each in its
/// own savepoint — on SQLite and PostgreSQL.
@Suite("Statement group commit")
struct StatementGroupCommitTests {
    /// Writes one row of the scratch table; `fails` throws after writing it.
    func insert(_ value: Int, fails: Bool = false) -> StatementGroupCommit.Work {
        { sql in
            try await sql.raw("INSERT INTO group_commit_probe (n) VALUES (\(bind: value))").run()
            if fails { throw Abort(.conflict, reason: "refused \(value)") }
        }
    }

    /// Polls `condition` for up to five seconds.
    func waitUntil(_ condition: @Sendable () async -> Bool) async throws {
        for _ in 0..<500 {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("timed out waiting")
    }

    @Test func requestsQueuedDuringAWriteShareTheNextCommitAndFailAlone() async throws {
        try await withZhijiaoApp { app in
            try await app.sql.raw("CREATE TABLE group_commit_probe (n INTEGER PRIMARY KEY)").run()
            let group = StatementGroupCommit()
            let db = app.db
            // The first write holds its transaction until twenty more requests are queued.
            async let first: Void = group.write(statements: 1, on: db, postgresLock: 1) { sql in
                try await sql.raw("INSERT INTO group_commit_probe (n) VALUES (0)").run()
                try await waitUntil { await group.queued >= 20 }
            }
            try await waitUntil { await group.turns > 0 }
            let outcomes = await withTaskGroup(of: (Int, Bool).self) { tasks in
                for n in 1...20 {
                    let work = insert(n, fails: n % 5 == 0)
                    tasks.addTask {
                        do { try await group.write(statements: 1, on: db, postgresLock: 1, work); return (n, true) } catch { return (n, false) }
                    }
                }
                return await tasks.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
            }
            try await first
            // Two transactions: the first write's, then one for all twenty.
            #expect(await group.turns == 2)
            #expect(outcomes.filter { !$0.value }.keys.sorted() == [5, 10, 15, 20])
            let stored = try await app.sql.raw("SELECT n FROM group_commit_probe ORDER BY n").all().map { try $0.decode(column: "n", as: Int.self) }
            #expect(stored == [0] + (1...20).filter { $0 % 5 != 0 })
        }
    }

    /// A turn takes requests up to its statement budget; the rest wait for the next turn.
    @Test func aTurnStopsAtItsStatementBudget() async throws {
        try await withZhijiaoApp { app in
            try await app.sql.raw("CREATE TABLE group_commit_probe (n INTEGER PRIMARY KEY)").run()
            let group = StatementGroupCommit(maximumStatements: 10)
            let db = app.db
            async let first: Void = group.write(statements: 1, on: db, postgresLock: 1) { _ in
                try await waitUntil { await group.queued >= 4 }
            }
            try await waitUntil { await group.turns > 0 }
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                for n in 1...4 {
                    let work = insert(n)
                    tasks.addTask { try await group.write(statements: 6, on: db, postgresLock: 1, work) }
                }
                try await tasks.waitForAll()
            }
            try await first
            // 6 + 6 > 10: each of the four goes alone after the first write.
            #expect(await group.turns == 5)
            #expect(try await app.count("group_commit_probe") == 4)
        }
    }
}
