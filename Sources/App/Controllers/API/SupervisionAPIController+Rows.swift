import Foundation
import Indicators
import Registry
import Spreadsheet
import SQLKit
import Vapor

extension SupervisionAPIController {
    struct DrillDownBody: Content {
        var indicator: String
        var level: String
        var code: String
        var period: String
        var columns: [String]
        var numerator: Int
        var denominator: Int?
        var rows: [DrillRowBody]
    }

    struct DrillRowBody: Content {
        var cells: [String]
        var numerator: Int
        var denominator: Int?
        var short: Bool
    }

    /// The rows behind one indicator for one scope, after the access check.
    static func drillDown(_ req: Request, indicatorID: String, scope: SupervisionScope, period asked: ReportingPeriod?) async throws -> IndicatorDrillDown {
        let caller = try req.requireCaller()
        guard let indicator = req.services.indicators[indicatorID] else { throw AppError.notFound }
        guard indicator.applies(at: scope.level) else {
            throw AppError.validation([FieldError(field: "level", zh: "该指标不在“\(scope.level.labelZh)”层级考核", en: "the indicator is not judged at \(scope.level.rawValue) level")])
        }
        let sql = try sql(req)
        try await SupervisionAccess.requireDrillDown(scope, caller: caller.scope, sql: sql)
        let period = asked ?? SupervisionDashboard.currentPeriod()
        let drill = try await IndicatorDrillDown.load(indicator, scope: scope, period: period, sql: sql, services: req.services)
        // Rows that list people are a read of personal data in bulk: audited.
        if [.dualQualifiedShare, .enterprisePartTimeShare, .seniorTitleShare].contains(indicator.measure) {
            try await req.audit(req.auditEntry(action: "drill_down", entity: "teacher", detail: "\(indicator.id) \(scope.level.rawValue) \(scope.code): \(drill.rows.count) rows"))
        }
        return drill
    }

    /// `GET /supervision/indicators/{id}/rows?level=&code=&period=&format=json|csv|xlsx`
    @Sendable static func rows(req: Request) async throws -> Response {
        let id = req.parameters.get("id") ?? ""
        let drill = try await drillDown(req, indicatorID: id, scope: try scope(req), period: try period(req))
        let format = try DownloadFormat.read(req)
        if format == "json" {
            return try await DrillDownBody(
                indicator: drill.indicator.id, level: drill.scope.level.rawValue, code: drill.scope.code, period: drill.period.description,
                columns: drill.columns.map { "\($0.zh) \($0.en)" }, numerator: drill.numerator, denominator: drill.denominator,
                rows: drill.rows.map { DrillRowBody(cells: $0.cells, numerator: $0.numerator, denominator: $0.denominator, short: $0.short) }
            ).encodeResponse(for: req)
        }
        let table = Table(header: drill.columns.map { "\($0.zh) \($0.en)" } + ["计入分子 numerator", "计入分母 denominator"],
                          rows: drill.rows.map { $0.cells + [String($0.numerator), $0.denominator.map(String.init) ?? ""] })
        return try TableDownload.response(table, format: format, fileStem: "\(drill.indicator.id)-\(drill.scope.code)-\(drill.period)", sheetName: "明细")
    }
}
