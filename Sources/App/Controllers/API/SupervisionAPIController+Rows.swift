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
        /// The rows summed by school, worst first (empty when the rows name no schools).
        var schools: [SchoolBody]
    }

    struct SchoolBody: Content {
        var code: String
        var name: String
        var district: String
        var numerator: Int
        var denominator: Int?
        var value: Quantity?
        var gap: Quantity?
        var short: Bool
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
        // "Only those short", as the page filters it: the export is of the view the person sees.
        let onlyShort = req.query[String.self, at: "short"] == "1"
        let rows = onlyShort ? drill.rows.filter(\.short) : drill.rows
        let schools = onlyShort ? drill.schools.filter(\.short) : drill.schools
        if format == "json" {
            return try await DrillDownBody(
                indicator: drill.indicator.id, level: drill.scope.level.rawValue, code: drill.scope.code, period: drill.period.description,
                columns: drill.columns.map { "\($0.zh) \($0.en)" }, numerator: drill.numerator, denominator: drill.denominator,
                rows: rows.map { DrillRowBody(cells: $0.cells, numerator: $0.numerator, denominator: $0.denominator, short: $0.short) },
                schools: schools.map { SchoolBody(code: $0.code, name: $0.name, district: $0.district, numerator: $0.numerator, denominator: $0.denominator,
                                                  value: $0.value.map(Quantity.init), gap: $0.gap.map(Quantity.init), short: $0.short) }
            ).encodeResponse(for: req)
        }
        let table = Table(header: drill.columns.map { "\($0.zh) \($0.en)" } + ["计入分子 numerator", "计入分母 denominator"],
                          rows: rows.map { $0.cells + [String($0.numerator), $0.denominator.map(String.init) ?? ""] })
        let stem = "\(drill.indicator.id)-\(drill.scope.code)-\(drill.period)"
        guard format == "xlsx", drill.scope.level != .school, schools.count > 0 else {
            return try TableDownload.response(table, format: format, fileStem: stem, sheetName: "明细")
        }
        // The workbook opens on the schools, worst first; the rows follow on their own sheet.
        let bySchool = Table(header: ["机构代码 code", "学校 school", "所在区 district", "分子 numerator", "分母 denominator", "当前值 value", "距目标 gap"],
                             rows: schools.map { s in
                                 [s.code, s.name, s.district, String(s.numerator), s.denominator.map(String.init) ?? "",
                                  s.value.map { IndicatorFormat.value($0, unit: .percent) } ?? "", s.gap.map { IndicatorFormat.value($0, unit: .percent) } ?? ""]
                             })
        let numeric = SheetLayout.Column(numeric: true, width: 12)
        return try TableDownload.workbook([
            .init(name: "按学校", table: bySchool, layout: SheetLayout(columns: [.init(width: 14), .init(width: 30), .init(width: 10), numeric, numeric, .init(width: 10), .init(width: 10)])),
            .init(name: "明细", table: table, layout: SheetLayout(columns: SheetLayout.widths(fitting: table).map { .init(width: $0) })),
        ], fileName: "\(stem)-\(CivilDate(date: Date()).description).xlsx")
    }
}
