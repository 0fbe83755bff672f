import Foundation

/// Writers of this process that wait for the same PostgreSQL advisory lock, queued here first
/// in arrival order. Without the queue each waiter would hold a pooled connection while blocked
/// on the lock, so a burst of writers to one ledger took every connection of the pool and the
/// rest of the server's requests (and the later writers themselves) timed out waiting for one.
/// Queued here, a process holds one connection per lock at a time; the advisory lock still
/// orders writers across server processes.
actor AdvisoryLockQueue {
    static let shared = AdvisoryLockQueue()

    private var held: Set<Int64> = []
    private var waiting: [Int64: [CheckedContinuation<Void, Never>]] = [:]

    func enter(_ key: Int64) async {
        guard held.contains(key) else {
            held.insert(key)
            return
        }
        await withCheckedContinuation { waiting[key, default: []].append($0) }
    }

    func leave(_ key: Int64) {
        guard var queue = waiting[key], !queue.isEmpty else {
            held.remove(key)
            return
        }
        let next = queue.removeFirst()
        waiting[key] = queue.isEmpty ? nil : queue
        next.resume()
    }

    /// Runs `body` as the only writer of this process under `key`.
    nonisolated func serialised<T: Sendable>(_ key: Int64, _ body: @Sendable () async throws -> T) async throws -> T {
        await enter(key)
        do {
            let result = try await body()
            await leave(key)
            return result
        } catch {
            await leave(key)
            throw error
        }
    }
}
