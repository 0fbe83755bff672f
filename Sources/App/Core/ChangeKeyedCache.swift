import Foundation

/// A value measured once per change to what it is measured from, rather than once per request
/// (the dashboard's indicator facts, the library's search index).
///
/// The caller names the state it measures as a key — typically the head of the audit chain, or
/// of the part of it that matters: every change through the server or a command is audited in
/// its own transaction, so a new head means the value may have changed. Requests that arrive
/// while a measurement runs wait for that one. A measurement is not used past `maximumAge`,
/// for changes the audit chain does not see (a database edited by hand). A failed measurement
/// is not kept.
actor ChangeKeyedCache<Key: Equatable & Sendable, Value: Sendable> {
    let maximumAge: Duration
    private var entry: (key: Key, started: ContinuousClock.Instant, measuring: Task<Value, any Error>)?

    init(maximumAge: Duration = .seconds(60)) {
        self.maximumAge = maximumAge
    }

    /// The value for `key`: the kept one when it was measured for the same key within
    /// `maximumAge`, otherwise `measure()`'s.
    func value(for key: Key, measure: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let entry, entry.key == key, entry.started.duration(to: .now) < maximumAge {
            return try await entry.measuring.value
        }
        let measuring = Task { try await measure() }
        entry = (key, .now, measuring)
        do {
            return try await measuring.value
        } catch {
            if entry?.measuring == measuring { entry = nil }
            throw error
        }
    }
}
