import Foundation
import Indicators
import SQLKit

/// The current quarter's indicator facts, measured once for every change to the records they
/// count rather than once per dashboard request (each measurement groups the whole registry:
/// ~0.1 s at city scale, so a busy dashboard did little else).
///
/// Facts are keyed by the quarter and the audit chain's head: every change to the registry is
/// audited in its own transaction, by this server or by a command such as an import, so a new
/// head means the facts may have changed. Requests that arrive while a measurement runs wait
/// for that one. A measurement is also not used past `maximumAge`, for changes that the
/// audit chain does not see (a database edited by hand).
actor IndicatorFactsCache {
    struct Key: Equatable, Sendable {
        var period: ReportingPeriod
        var auditHead: Int
    }

    static let maximumAge: Duration = .seconds(60)
    private var entry: (key: Key, started: ContinuousClock.Instant, measuring: Task<IndicatorFacts, any Error>)?

    /// The facts for `period` as of now: the cached ones when nothing was audited since they
    /// were measured, otherwise `measure()`'s.
    func facts(_ period: ReportingPeriod, sql: any SQLDatabase,
               measure: @escaping @Sendable () async throws -> IndicatorFacts) async throws -> IndicatorFacts {
        let key = Key(period: period, auditHead: try await AuditLog.head(on: sql))
        if let entry, entry.key == key, entry.started.duration(to: .now) < Self.maximumAge {
            return try await entry.measuring.value
        }
        let measuring = Task { try await measure() }
        entry = (key, .now, measuring)
        do {
            return try await measuring.value
        } catch {
            // A failed measurement is not kept for the next caller.
            if entry?.measuring == measuring { entry = nil }
            throw error
        }
    }
}
