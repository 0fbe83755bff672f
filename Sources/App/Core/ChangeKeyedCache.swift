import Foundation

/// A value measured once per change to what it is measured from, rather than once per request
/// (the dashboard's indicator facts, the library's search index).
///
/// The caller names the state it measures as a key — typically the head of the audit chain, or
/// of the part of it that matters: every change through the server or a command is audited in
/// its own transaction, so a new key means the value may have changed, and callers wait for
/// the new measurement (concurrent ones for the same one). A failed measurement is not kept.
///
/// For changes the audit chain does not see (a database edited by hand) a value is measured
/// again once it is older than `maximumAge`; until that measurement ends, callers keep getting
/// the value they had rather than waiting for one that is probably the same.
actor ChangeKeyedCache<Key: Equatable & Sendable, Value: Sendable> {
    private struct Measurement {
        var key: Key
        var started: ContinuousClock.Instant
        var task: Task<Value, any Error>
    }

    let maximumAge: Duration
    private var current: Measurement?
    private var refreshing: Measurement?

    init(maximumAge: Duration = .seconds(60)) {
        self.maximumAge = maximumAge
    }

    /// The value for `key`: the kept one when it was measured for the same key, otherwise
    /// `measure()`'s.
    func value(for key: Key, measure: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let current, current.key == key {
            if current.started.duration(to: .now) >= maximumAge, refreshing == nil {
                let again = Measurement(key: key, started: .now, task: Task { try await measure() })
                refreshing = again
                Task { await self.settle(again) }
            }
            return try await current.task.value
        }
        let measurement = Measurement(key: key, started: .now, task: Task { try await measure() })
        current = measurement
        refreshing = nil
        do {
            return try await measurement.task.value
        } catch {
            if current?.task == measurement.task { current = nil }
            throw error
        }
    }

    /// A background measurement replaces the kept value when it succeeds for the same key.
    private func settle(_ again: Measurement) async {
        let succeeded = (try? await again.task.value) != nil
        guard refreshing?.task == again.task else { return }
        refreshing = nil
        if succeeded, current?.key == again.key { current = again }
    }
}
