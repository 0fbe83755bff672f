import Exact
import Foundation
import Indicators
import Registry
import Spreadsheet
import SQLKit
import Vapor

/// `/api/v1/supervision/…`: the indicator catalogue, dashboards for the city, a district or a
/// school, drill-downs to rows, quarterly snapshots and the comparison of two periods.
enum SupervisionAPIController {
    struct IndicatorBody: Content {
        var id: String
        var nameZh: String
        var nameEn: String
        var clause: String
        var quote: String
        var measure: String
        var formulaZh: String
        var formulaEn: String
        var unit: String
        var target: IndicatorTarget
        var targetZh: String
        var targetEn: String
        var cadence: String
        var deadline: String?
        var levels: [String]
        var tasks: [String]

        init(_ i: IndicatorDefinition) {
            let text = i.target.text(unit: i.unit)
            id = i.id
            nameZh = i.nameZh
            nameEn = i.nameEn
            clause = i.clause
            quote = i.quote
            measure = i.measure.code
            formulaZh = i.measure.formula.zh
            formulaEn = i.measure.formula.en
            unit = i.unit.rawValue
            target = i.target
            targetZh = text.zh
            targetEn = text.en
            cadence = i.cadence.rawValue
            deadline = i.deadline?.description
            levels = i.levels.map(\.rawValue)
            tasks = i.tasks.map { "C\($0)" }
        }
    }

    struct TrendPoint: Content {
        var period: String
        var value: Quantity
    }

    struct EvaluationBody: Content {
        var indicator: String
        var nameZh: String
        var nameEn: String
        var clause: String
        var unit: String
        var targetZh: String
        var targetEn: String
        var numerator: Int?
        var denominator: Int?
        var value: Quantity?
        var status: String
        var gap: Quantity?
        var deadline: String?
        var projectedAtDeadline: Double?
        var slopePerQuarter: Double?
        /// After the deadline: whether the last snapshot by then met the target.
        var reachedByDeadline: Bool?
        var aboveRange: Bool
        var trend: [TrendPoint]

        init(_ e: IndicatorEvaluation) {
            let text = e.targetText
            indicator = e.indicator.id
            nameZh = e.indicator.nameZh
            nameEn = e.indicator.nameEn
            clause = e.indicator.clause
            unit = e.indicator.unit.rawValue
            targetZh = text.zh
            targetEn = text.en
            numerator = e.measurement?.numerator
            denominator = e.measurement?.denominator
            value = e.value.map(Quantity.init)
            status = e.status.rawValue
            gap = e.gap.map(Quantity.init)
            deadline = e.deadline?.description
            projectedAtDeadline = e.projection.map { ($0.valueAtDeadline * 10_000).rounded() / 10_000 }
            slopePerQuarter = e.projection.map { ($0.slopePerQuarter * 10_000).rounded() / 10_000 }
            reachedByDeadline = e.reachedByDeadline
            aboveRange = e.aboveRange
            trend = e.trend.map { TrendPoint(period: $0.period.description, value: Quantity($0.value)) }
        }
    }

    struct DashboardBody: Content {
        var level: String
        var code: String
        var name: String
        var period: String
        var live: Bool
        var statusCounts: [String: Int]
        var indicators: [EvaluationBody]
    }

    @Sendable static func catalogue(req: Request) async throws -> [IndicatorBody] {
        _ = try req.requireCaller()
        return req.services.indicators.indicators.map(IndicatorBody.init)
    }

    // MARK: - Parameters

    static func sql(_ req: Request) throws -> any SQLDatabase {
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        return sql
    }

    static func scope(_ req: Request) throws -> SupervisionScope {
        let levelText = req.query[String.self, at: "level"] ?? "city"
        guard let level = IndicatorLevel(rawValue: levelText) else {
            throw AppError.validation([FieldError(field: "level", zh: "只能是 school、district 或 city", en: "must be school, district or city")])
        }
        if level == .city { return .city }
        guard let code = req.query[String.self, at: "code"], !code.isEmpty, code.count <= 20 else {
            throw AppError.validation([FieldError(field: "code", zh: "学校或区须给出代码", en: "required for a school or a district")])
        }
        if level == .district, req.services.catalog.divisions.districts[code] == nil {
            throw AppError.validation([FieldError(field: "code", zh: "“\(code)”不是本市的区代码", en: "'\(code)' is not a district of the city")])
        }
        return SupervisionScope(level: level, code: code)
    }

    static func period(_ req: Request, field: String = "period") throws -> ReportingPeriod? {
        guard let text = req.query[String.self, at: field] else { return nil }
        guard let period = ReportingPeriod(text) else {
            throw AppError.validation([FieldError(field: field, zh: "应为季度，如 2026Q3", en: "must be a quarter such as 2026Q3")])
        }
        return period
    }

    /// The dashboard the caller asked for, after the access check. The current quarter is
    /// measured live; an earlier quarter is read from its snapshot.
    static func dashboard(_ req: Request, scope: SupervisionScope, period asked: ReportingPeriod?) async throws -> SupervisionDashboard {
        let caller = try req.requireCaller()
        let sql = try sql(req)
        try await SupervisionAccess.requireRead(scope, caller: caller.scope, sql: sql)
        let current = SupervisionDashboard.currentPeriod()
        let period = asked ?? current
        guard period <= current else {
            throw AppError.validation([FieldError(field: "period", zh: "不能晚于本季度 \(current)", en: "must not be after this quarter, \(current)")])
        }
        let services = req.services
        let facts = period == current
            ? try await services.indicatorFacts.facts(period, sql: sql) {
                try await IndicatorFacts.measure(sql, catalogue: services.indicators, period: period, quota: services.internshipQuota, catalog: services.catalog)
            }
            : nil
        let name: String = switch scope.level {
        case .city: req.services.catalog.divisions.cityName
        case .district: req.services.catalog.divisions.districts[scope.code]?.name ?? scope.code
        case .school: try await SupervisionAccess.school(scope, sql: sql).name ?? scope.code
        }
        return try await SupervisionDashboard.build(scope: scope, scopeName: name, period: period, facts: facts, catalogue: req.services.indicators, sql: sql)
    }

    static func body(_ d: SupervisionDashboard) -> DashboardBody {
        DashboardBody(level: d.scope.level.rawValue, code: d.scope.code, name: d.scopeName, period: d.period.description, live: d.live,
                      statusCounts: Dictionary(uniqueKeysWithValues: d.counts.map { ($0.key.rawValue, $0.value) }),
                      indicators: d.evaluations.map(EvaluationBody.init))
    }

    /// `GET /supervision/dashboard?level=&code=&period=&format=json|csv|xlsx`
    @Sendable static func dashboard(req: Request) async throws -> Response {
        let d = try await dashboard(req, scope: try scope(req), period: try period(req))
        let format = try DownloadFormat.read(req)
        if format == "json" { return try await body(d).encodeResponse(for: req) }
        return try TableDownload.response(table(d), format: format, fileStem: "supervision-\(d.scope.level.rawValue)-\(d.scope.code)-\(d.period)", sheetName: "督导指标")
    }

    static func table(_ d: SupervisionDashboard) -> Table {
        Table(
            header: ["指标编号 id", "指标 indicator", "条款 clause", "目标 target", "分子 numerator", "分母 denominator", "当前值 value", "状态 status",
                     "差距 gap", "期限 deadline", "预计期末值 projected", "趋势 trend"],
            rows: d.evaluations.map { e in
                // The dashboard's own formatting, so that the export shows the same figures.
                func show(_ f: Fraction?) -> String { f.map { IndicatorFormat.value($0, unit: e.indicator.unit) } ?? "" }
                return [
                    e.indicator.id, e.indicator.nameZh, e.indicator.clause, e.indicator.target.text(unit: e.indicator.unit).zh,
                    e.measurement.map { String($0.numerator) } ?? "", e.measurement?.denominator.map(String.init) ?? "",
                    show(e.value), "\(e.status.labelZh) \(e.status.labelEn)", show(e.gap), e.deadline?.description ?? "",
                    e.projection.map { IndicatorFormat.projection($0, unit: e.indicator.unit) } ?? "",
                    e.trend.map { "\($0.period) \(show($0.value))" }.joined(separator: "; "),
                ]
            }
        )
    }
}
