import Foundation
import Indicators
import SQLKit

/// The current quarter's indicator facts, measured once for every change to the records they
/// count rather than once per dashboard request (each measurement groups the whole registry:
/// ~0.1 s at city scale, so a busy dashboard did little else).
///
/// Facts are keyed by the quarter and the audit chain's head: every change to the registry is
/// audited, so a new head means the facts may have changed (`ChangeKeyedCache` says the rest).
struct IndicatorFactsCache: Sendable {
    struct Key: Equatable, Sendable {
        var period: ReportingPeriod
        var auditHead: Int
    }

    private let cache = ChangeKeyedCache<Key, IndicatorFacts>()

    /// The facts for `period` as of now: the kept ones when nothing was audited since they
    /// were measured, otherwise `measure()`'s.
    func facts(_ period: ReportingPeriod, sql: any SQLDatabase,
               measure: @escaping @Sendable () async throws -> IndicatorFacts) async throws -> IndicatorFacts {
        try await cache.value(for: Key(period: period, auditHead: try await AuditLog.head(on: sql)), measure: measure)
    }
}
