import Foundation
import Indicators
import SQLKit

/// Every indicator that applies to one scope, judged for one period. The current period is
/// measured live from the registry; an earlier period is read from its snapshot.
package struct SupervisionDashboard: Sendable {
    var scope: SupervisionScope
    var scopeName: String
    var period: ReportingPeriod
    /// True when the values were measured now rather than read from a snapshot.
    var live: Bool
    package var evaluations: [IndicatorEvaluation]

    var counts: [IndicatorStatus: Int] { Dictionary(grouping: evaluations, by: \.status).mapValues(\.count) }

    package static func currentPeriod(today: Date = Date()) -> ReportingPeriod {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Shanghai") ?? .current, from: today)
        return ReportingPeriod(year: c.year ?? 2026, month: c.month ?? 1) ?? ReportingPeriod.endOf(year: 2026)!
    }

    /// - Parameter facts: the live measurements, when `period` is the current period.
    package static func build(scope: SupervisionScope, scopeName: String, period: ReportingPeriod, facts: IndicatorFacts?,
                      catalogue: IndicatorCatalogue, sql: any SQLDatabase) async throws -> SupervisionDashboard {
        let history = try await IndicatorSnapshots.history(of: scope, on: sql)
        var evaluations: [IndicatorEvaluation] = []
        for indicator in catalogue.indicators where indicator.applies(at: scope.level) {
            let current = facts.map { $0.measurement(indicator.id, scope) } ?? history[indicator.id]?[period]
            // A school an indicator does not cover (senior titles at a 中职 school) is left out.
            if scope.level == .school, current == nil, facts != nil || history[indicator.id] == nil { continue }
            evaluations.append(IndicatorEvaluator.evaluate(indicator, period: period, current: current, history: history[indicator.id] ?? [:], level: scope.level))
        }
        return SupervisionDashboard(scope: scope, scopeName: scopeName, period: period, live: facts != nil, evaluations: evaluations)
    }
}
