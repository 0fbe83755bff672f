import Foundation
import Indicators
import SQLKit

/// Quarterly snapshots of every measurement, so each indicator has a trend. Taking a snapshot
/// of a period again replaces that period's rows: the figures on record are the latest taken.
enum IndicatorSnapshots {
    /// Writes `facts` as the snapshot of its period, in one transaction.
    static func record(_ facts: IndicatorFacts, on sql: any SQLDatabase, takenAt: Date = Date()) async throws -> Int {
        var rows: [[any SQLExpression]] = []
        for (scope, values) in facts.measurements {
            for (indicator, value) in values {
                rows.append([
                    SQLBind(UUID()), SQLBind(facts.period.description), SQLBind(indicator), SQLBind(scope.level.rawValue), SQLBind(scope.code),
                    SQLBind(value.numerator), SQLBind(value.denominator), SQLBind(takenAt),
                ])
            }
        }
        try await sql.delete(from: "indicator_snapshots").where("period", .equal, facts.period.description).run()
        for chunk in stride(from: 0, to: rows.count, by: 500) {
            let insert = sql.insert(into: "indicator_snapshots")
                .columns("id", "period", "indicator_id", "level", "scope_code", "numerator", "denominator", "taken_at")
            for row in rows[chunk..<min(chunk + 500, rows.count)] { insert.values(row) }
            try await insert.run()
        }
        return rows.count
    }

    /// Every period on record, oldest first.
    static func periods(on sql: any SQLDatabase) async throws -> [ReportingPeriod] {
        try await sql.raw("SELECT DISTINCT period FROM indicator_snapshots").all()
            .compactMap { ReportingPeriod(try $0.decode(column: "period", as: String.self)) }.sorted()
    }

    /// Indicator id → period → measurement for one scope.
    static func history(of scope: SupervisionScope, on sql: any SQLDatabase) async throws -> [String: [ReportingPeriod: MeasuredValue]] {
        var out: [String: [ReportingPeriod: MeasuredValue]] = [:]
        let rows = try await sql.select().columns("period", "indicator_id", "numerator", "denominator").from("indicator_snapshots")
            .where("level", .equal, scope.level.rawValue).where("scope_code", .equal, scope.code).all()
        for row in rows {
            guard let period = ReportingPeriod(try row.decode(column: "period", as: String.self)) else { continue }
            out[try row.decode(column: "indicator_id", as: String.self), default: [:]][period] = MeasuredValue(
                numerator: try row.decode(column: "numerator", as: Int.self), denominator: try row.decode(column: "denominator", as: Int?.self)
            )
        }
        return out
    }
}
