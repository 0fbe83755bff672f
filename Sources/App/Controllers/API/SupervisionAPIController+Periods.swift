import Exact
import Foundation
import Indicators
import Registry
import SQLKit
import Vapor

extension SupervisionAPIController {
    struct SnapshotRequest: Content {
        var period: String?
    }

    struct SnapshotBody: Content {
        var period: String
        var rows: Int
    }

    struct PeriodsBody: Content {
        var current: String
        var snapshots: [String]
    }

    /// `POST /supervision/snapshots {"period": "2026Q4"}`: the city records this quarter's (or
    /// an earlier quarter's) measurements. Undated rows (teachers, enterprises) count as they
    /// stand now, so a late snapshot of an earlier quarter says so in the audit log.
    @Sendable static func takeSnapshot(req: Request) async throws -> SnapshotBody {
        let caller = try req.requireCaller()
        guard AccessPolicy.canTakeSupervisionSnapshot(caller: caller.scope) else { throw AppError.forbidden }
        try req.checkDocumentedBody()
        let body = try req.content.decode(SnapshotRequest.self)
        let current = SupervisionDashboard.currentPeriod()
        var period = current
        if let text = body.period {
            guard let p = ReportingPeriod(text) else {
                throw AppError.validation([FieldError(field: "period", zh: "应为季度，如 2026Q3", en: "must be a quarter such as 2026Q3")])
            }
            guard p <= current else {
                throw AppError.validation([FieldError(field: "period", zh: "不能晚于本季度 \(current)", en: "must not be after this quarter, \(current)")])
            }
            period = p
        }
        let facts = try await IndicatorFacts.measure(try sql(req), catalogue: req.services.indicators, period: period,
                                                     quota: req.services.internshipQuota, catalog: req.services.catalog)
        let snapshotPeriod = period
        let rows = try await req.audited { db in
            guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
            let rows = try await IndicatorSnapshots.record(facts, on: sql)
            return (rows, req.auditEntry(action: "snapshot", entity: "indicator_snapshot", recordID: snapshotPeriod.description,
                                         detail: snapshotPeriod == current ? "\(rows) rows" : "\(rows) rows, taken late in \(current)"))
        }
        return SnapshotBody(period: period.description, rows: rows)
    }

    @Sendable static func periods(req: Request) async throws -> PeriodsBody {
        _ = try req.requireCaller()
        return PeriodsBody(current: SupervisionDashboard.currentPeriod().description,
                           snapshots: try await IndicatorSnapshots.periods(on: try sql(req)).map(\.description))
    }

    struct ComparisonBody: Content {
        var level: String
        var code: String
        var from: String
        var to: String
        var indicators: [ComparisonRow]
    }

    struct ComparisonRow: Content {
        var indicator: String
        var nameZh: String
        var nameEn: String
        var from: EvaluationBody
        var to: EvaluationBody
        /// to − from, exact; nil when either side has no value.
        var change: Quantity?
        var statusChanged: Bool
    }

    /// `GET /supervision/compare?from=2026Q2&to=2026Q3&level=&code=`: two periods side by side.
    @Sendable static func compare(req: Request) async throws -> ComparisonBody {
        let scope = try scope(req)
        var errors: [FieldError] = []
        if req.query[String.self, at: "from"] == nil { errors.append(.required("from")) }
        if req.query[String.self, at: "to"] == nil { errors.append(.required("to")) }
        if !errors.isEmpty { throw AppError.validation(errors) }
        guard let from = try period(req, field: "from"), let to = try period(req, field: "to") else { throw AppError.validation([.required("from")]) }
        let a = try await dashboard(req, scope: scope, period: from)
        let b = try await dashboard(req, scope: scope, period: to)
        let before = Dictionary(uniqueKeysWithValues: a.evaluations.map { ($0.indicator.id, $0) })
        let rows = b.evaluations.compactMap { e -> ComparisonRow? in
            guard let old = before[e.indicator.id] else { return nil }
            var change: Quantity?
            if let x = old.value, let y = e.value { change = Quantity(y - x) }
            return ComparisonRow(indicator: e.indicator.id, nameZh: e.indicator.nameZh, nameEn: e.indicator.nameEn,
                                 from: EvaluationBody(old), to: EvaluationBody(e), change: change, statusChanged: old.status != e.status)
        }
        return ComparisonBody(level: scope.level.rawValue, code: scope.code, from: from.description, to: to.description, indicators: rows)
    }
}
