@testable import App
import Foundation
import Testing

@Suite("A value measured once per change")
struct ChangeKeyedCacheTests {
    /// Counts measurements; each answers with its own number.
    actor Counter {
        var count = 0
        var failing = false
        func next() throws -> Int {
            count += 1
            if failing { throw CancellationError() }
            return count
        }
        func fail(_ value: Bool) { failing = value }
    }

    @Test func theSameKeyIsMeasuredOnceAndANewKeyAgain() async throws {
        let cache = ChangeKeyedCache<Int, Int>(maximumAge: .seconds(600))
        let counter = Counter()
        // Concurrent callers of one key share one measurement.
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 { group.addTask { try await cache.value(for: 1) { try await counter.next() } } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(Set(values) == [1])
        #expect(await counter.count == 1)
        #expect(try await cache.value(for: 2) { try await counter.next() } == 2)
        #expect(try await cache.value(for: 2) { try await counter.next() } == 2)
    }

    @Test func aFailedMeasurementIsNotKept() async throws {
        let cache = ChangeKeyedCache<Int, Int>(maximumAge: .seconds(600))
        let counter = Counter()
        await counter.fail(true)
        await #expect(throws: CancellationError.self) { try await cache.value(for: 1) { try await counter.next() } }
        await counter.fail(false)
        #expect(try await cache.value(for: 1) { try await counter.next() } == 2)
    }

    /// Past its age a value is measured again in the background; callers keep the old one
    /// until the new one is in.
    @Test func anOldValueIsAnsweredWhileItIsMeasuredAgain() async throws {
        let cache = ChangeKeyedCache<Int, Int>(maximumAge: .milliseconds(50))
        let counter = Counter()
        #expect(try await cache.value(for: 1) { try await counter.next() } == 1)
        try await Task.sleep(for: .milliseconds(80))
        let slow: @Sendable () async throws -> Int = {
            try await Task.sleep(for: .milliseconds(300))
            return try await counter.next()
        }
        let start = ContinuousClock.now
        #expect(try await cache.value(for: 1, measure: slow) == 1)
        #expect(start.duration(to: .now) < .milliseconds(250))
        // The background measurement ends; the next caller gets its value.
        var seen = 1
        for _ in 0..<50 where seen == 1 {
            try await Task.sleep(for: .milliseconds(50))
            seen = try await cache.value(for: 1, measure: slow)
        }
        #expect(seen == 2)
        #expect(await counter.count == 2)
    }
}
