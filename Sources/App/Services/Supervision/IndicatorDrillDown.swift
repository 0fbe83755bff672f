import Foundation
import Indicators
import Registry
import SQLKit

/// The rows that make an indicator's number for one scope: which teachers are not 双师型,
/// which enterprise is under its quota, which studios were counted. Each row says what it adds
/// to the numerator and the denominator, and the sums equal the measurement exactly.
struct IndicatorDrillDown: Sendable {
    struct Column: Sendable {
        var zh: String
        var en: String
    }

    struct Row: Sendable {
        var cells: [String]
        /// What the row adds to the numerator (a count of 1 or 0, or an amount in fen).
        var numerator: Int
        /// What the row adds to the denominator (1 or 0); nil for counts and sums.
        var denominator: Int?
        /// Counts against the target (a teacher who is not 双师型, an enterprise under quota).
        var short: Bool
        /// The school (机构代码) the row belongs to, where it belongs to one.
        var school: String? = nil
    }

    var indicator: IndicatorDefinition
    var scope: SupervisionScope
    var period: ReportingPeriod
    var columns: [Column]
    var rows: [Row]
    /// Names and districts of the schools the rows name.
    var schoolNames: [String: (name: String, district: String)] = [:]

    var numerator: Int { rows.reduce(0) { $0 + $1.numerator } }
    var denominator: Int? { indicator.measure.isShare ? rows.reduce(0) { $0 + ($1.denominator ?? 0) } : nil }

    static func load(_ indicator: IndicatorDefinition, scope: SupervisionScope, period: ReportingPeriod, sql: any SQLDatabase,
                     services: AppServices) async throws -> IndicatorDrillDown {
        let lastDay = period.lastDay
        var schools: [String: (name: String, district: String, kind: String, ownership: String)] = [:]
        for row in try await sql.select().columns("code", "name", "district_code", "kind", "ownership").from("institutions").all() {
            schools[try row.decode(column: "code", as: String.self)] = (
                try row.decode(column: "name", as: String.self), try row.decode(column: "district_code", as: String.self),
                try row.decode(column: "kind", as: String.self), try row.decode(column: "ownership", as: String.self)
            )
        }
        func inScope(school code: String) -> Bool {
            switch scope.level {
            case .city: true
            case .district: schools[code]?.district == scope.code
            case .school: code == scope.code
            }
        }
        func inScope(district: String) -> Bool { scope.level == .city || (scope.level == .district && district == scope.code) }
        func yes(_ flag: Bool) -> String { flag ? "是" : "否" }

        var columns: [Column] = []
        var rows: [Row] = []
        switch indicator.measure {
        case .dualQualifiedShare, .enterprisePartTimeShare, .seniorTitleShare:
            columns = [.init(zh: "学校", en: "School"), .init(zh: "工号", en: "Staff no."), .init(zh: "姓名", en: "Name"),
                       .init(zh: "专业课教师", en: "Professional"), .init(zh: "双师型", en: "Dual-qualified"),
                       .init(zh: "企业兼职", en: "Enterprise part-time"), .init(zh: "职称", en: "Title")]
            let teachers = try await sql.select()
                .columns("institution_code", "staff_no", "name", "teaches_professional_courses", "dual_qualified", "enterprise_part_time", "title_level")
                .from("teachers").orderBy("institution_code").orderBy("staff_no").all()
            for t in teachers {
                let school = try t.decode(column: "institution_code", as: String.self)
                guard inScope(school: school) else { continue }
                let professional = try t.decode(column: "teaches_professional_courses", as: Bool.self)
                let dual = try t.decode(column: "dual_qualified", as: Bool.self)
                let partTime = try t.decode(column: "enterprise_part_time", as: Bool.self)
                let title = try t.decode(column: "title_level", as: String.self)
                let numerator: Int, denominator: Int
                switch indicator.measure {
                case .dualQualifiedShare:
                    guard professional else { continue }
                    (numerator, denominator) = (dual ? 1 : 0, 1)
                case .enterprisePartTimeShare:
                    guard professional else { continue }
                    (numerator, denominator) = (partTime ? 1 : 0, 1)
                default:
                    guard let s = schools[school], s.ownership == InstitutionOwnership.publicOwned.rawValue, IndicatorFacts.seniorTitleKinds.contains(s.kind) else { continue }
                    (numerator, denominator) = (title == TitleLevel.associateSenior.rawValue || title == TitleLevel.senior.rawValue ? 1 : 0, 1)
                }
                let titleLabel = TitleLevel(rawValue: title)?.labelZh ?? title
                rows.append(Row(cells: ["\(school) \(schools[school]?.name ?? "")", try t.decode(column: "staff_no", as: String.self),
                                        try t.decode(column: "name", as: String.self), yes(professional), yes(dual), yes(partTime), titleLabel],
                                numerator: numerator, denominator: denominator, short: numerator == 0, school: school))
            }
        case .smartCampusShare:
            columns = [.init(zh: "学校", en: "School"), .init(zh: "所在区", en: "District"), .init(zh: "5G智慧校园", en: "5G smart campus")]
            let campuses = Set(try await sql.select().column("institution_code").from("designations")
                .where("kind", .equal, DesignationKind.smartCampus5G.rawValue).where("designated_on", .lessThanOrEqual, lastDay).all()
                .compactMap { try $0.decode(column: "institution_code", as: String?.self) })
            for code in schools.keys.sorted() where inScope(school: code) {
                let has = campuses.contains(code)
                rows.append(Row(cells: ["\(code) \(schools[code]?.name ?? "")", schools[code]?.district ?? "", yes(has)], numerator: has ? 1 : 0, denominator: 1, short: !has, school: code))
            }
        case .internshipQuotaCompliance:
            columns = [.init(zh: "统一社会信用代码", en: "Credit code"), .init(zh: "企业名称", en: "Enterprise"), .init(zh: "所在区", en: "District"),
                       .init(zh: "职工人数", en: "Employees"), .init(zh: "应提供岗位", en: "Places required"), .init(zh: "已提供岗位", en: "Places offered"),
                       .init(zh: "缺口", en: "Shortfall")]
            for line in try await QuotaReport.lines(sql: sql, caller: CallerScope(role: .cityAdmin), quota: services.internshipQuota, onlyUnder: false)
                where line.employees > 0 && inScope(district: line.districtCode) {
                rows.append(Row(cells: [line.creditCode, line.name, line.districtCode, String(line.employees), String(line.requiredPlaces),
                                        String(line.offeredPlaces), String(line.shortfall)],
                                numerator: line.shortfall == 0 ? 1 : 0, denominator: 1, short: line.shortfall > 0))
            }
        case .designations(let kind):
            columns = [.init(zh: "项目编号", en: "Code"), .init(zh: "名称", en: "Name"), .init(zh: "学校", en: "School"),
                       .init(zh: "所在区", en: "District"), .init(zh: "认定日期", en: "Designated on"), .init(zh: "认定文号", en: "Document")]
            var query = sql.select().columns("code", "name", "institution_code", "district_code", "designated_on", "document").from("designations")
                .where("kind", .equal, kind).where("designated_on", .lessThanOrEqual, lastDay)
            if indicator.cadence == .yearly { query = query.where("designated_on", .greaterThanOrEqual, period.firstDayOfYear) }
            for d in try await query.orderBy("designated_on").orderBy("code").all() {
                let district = try d.decode(column: "district_code", as: String.self)
                guard inScope(district: district) else { continue }
                rows.append(Row(cells: [try d.decode(column: "code", as: String.self), try d.decode(column: "name", as: String.self),
                                        try d.decode(column: "institution_code", as: String?.self) ?? "", district,
                                        try d.decode(column: "designated_on", as: String.self), try d.decode(column: "document", as: String?.self) ?? ""],
                                numerator: 1, denominator: nil, short: false,
                                school: try d.decode(column: "institution_code", as: String?.self).flatMap { $0.isEmpty ? nil : $0 }))
            }
        case .certifiedIntegrationEnterprises:
            columns = [.init(zh: "统一社会信用代码", en: "Credit code"), .init(zh: "企业名称", en: "Enterprise"), .init(zh: "所在区", en: "District")]
            for e in try await sql.select().columns("credit_code", "name", "district_code").from("enterprises")
                .where("integration_status", .equal, IntegrationStatus.certified.rawValue).orderBy("credit_code").all() {
                let district = try e.decode(column: "district_code", as: String.self)
                guard inScope(district: district) else { continue }
                rows.append(Row(cells: [try e.decode(column: "credit_code", as: String.self), try e.decode(column: "name", as: String.self), district],
                                numerator: 1, denominator: nil, short: false))
            }
        case .cumulativeSpending:
            columns = [.init(zh: "凭证编号", en: "Code"), .init(zh: "拨付日期", en: "Paid on"), .init(zh: "金额（元）", en: "Amount (¥)"),
                       .init(zh: "经费来源", en: "Source"), .init(zh: "用途", en: "Purpose"), .init(zh: "所在区", en: "District")]
            for s in try await sql.select().columns("code", "spent_on", "amount_fen", "source", "purpose", "district_code").from("spendings")
                .where("spent_on", .lessThanOrEqual, lastDay).orderBy("spent_on").orderBy("code").all() {
                let district = try s.decode(column: "district_code", as: String.self)
                guard inScope(district: district) else { continue }
                let fen = try s.decode(column: "amount_fen", as: Int.self)
                let source = try s.decode(column: "source", as: String.self)
                rows.append(Row(cells: [try s.decode(column: "code", as: String.self), try s.decode(column: "spent_on", as: String.self), Money.yuanText(fen),
                                        SpendingSource(rawValue: source)?.labelZh ?? source, try s.decode(column: "purpose", as: String.self), district],
                                numerator: fen, denominator: nil, short: false))
            }
        }
        return IndicatorDrillDown(indicator: indicator, scope: scope, period: period, columns: columns, rows: rows,
                                  schoolNames: schools.mapValues { ($0.name, $0.district) })
    }
}
