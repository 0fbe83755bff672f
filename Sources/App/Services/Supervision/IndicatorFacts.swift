import Foundation
import Indicators
import Matching
import Registry
import SQLKit

/// Every indicator's measurement for every school, district and the city at the end of one
/// reporting period, computed from registry rows with a handful of GROUP BY queries. Rows
/// without dates (teachers, enterprises, posts) count as they stand now; dated rows
/// (designations, spending) count when dated by the period's last day.
package struct IndicatorFacts: Sendable {
    var period: ReportingPeriod
    /// scope → indicator id → measurement. An indicator that does not apply to a scope (the
    /// senior-title share of a 中职 school) is absent.
    package var measurements: [SupervisionScope: [String: MeasuredValue]]
    /// Institution code → (name, district).
    var institutions: [String: (name: String, district: String)]
    var districts: [String]

    func measurement(_ indicator: String, _ scope: SupervisionScope) -> MeasuredValue? { measurements[scope]?[indicator] }

    /// Institution kinds whose public schools the senior-title target covers (公办高职院校).
    static let seniorTitleKinds: Set<String> = [InstitutionKind.higherVocational.rawValue, InstitutionKind.vocationalUndergraduate.rawValue]

    struct TeacherCounts {
        var professional = 0, dual = 0, partTime = 0, all = 0, senior = 0
        static func + (l: Self, r: Self) -> Self {
            Self(professional: l.professional + r.professional, dual: l.dual + r.dual, partTime: l.partTime + r.partTime, all: l.all + r.all, senior: l.senior + r.senior)
        }
    }

    package static func measure(_ sql: any SQLDatabase, catalogue: IndicatorCatalogue, period: ReportingPeriod, quota: InternshipQuota,
                        catalog: ReferenceCatalog) async throws -> IndicatorFacts {
        let lastDay = period.lastDay
        // Schools.
        var institutions: [String: (name: String, district: String)] = [:]
        var seniorCovered: Set<String> = []
        for row in try await sql.select().columns("code", "name", "district_code", "kind", "ownership").from("institutions").all() {
            let code = try row.decode(column: "code", as: String.self)
            institutions[code] = (try row.decode(column: "name", as: String.self), try row.decode(column: "district_code", as: String.self))
            if try row.decode(column: "ownership", as: String.self) == InstitutionOwnership.publicOwned.rawValue,
               seniorTitleKinds.contains(try row.decode(column: "kind", as: String.self)) {
                seniorCovered.insert(code)
            }
        }
        let districts = Array(Set(institutions.values.map(\.district)).union(catalog.divisions.districts.keys)).sorted()

        // Teachers per school.
        var teachers: [String: TeacherCounts] = [:]
        let teacherRows = try await sql.raw("""
            SELECT institution_code,
                   SUM(CASE WHEN teaches_professional_courses THEN 1 ELSE 0 END) AS professional,
                   SUM(CASE WHEN teaches_professional_courses AND dual_qualified THEN 1 ELSE 0 END) AS dual,
                   SUM(CASE WHEN teaches_professional_courses AND enterprise_part_time THEN 1 ELSE 0 END) AS part_time,
                   COUNT(*) AS total,
                   SUM(CASE WHEN title_level IN ('associate_senior', 'senior') THEN 1 ELSE 0 END) AS senior
            FROM teachers GROUP BY institution_code
            """).all()
        for row in teacherRows {
            teachers[try row.decode(column: "institution_code", as: String.self)] = TeacherCounts(
                professional: try row.decode(column: "professional", as: Int.self), dual: try row.decode(column: "dual", as: Int.self),
                partTime: try row.decode(column: "part_time", as: Int.self), all: try row.decode(column: "total", as: Int.self),
                senior: try row.decode(column: "senior", as: Int.self)
            )
        }

        // 5G smart campuses on record by the period's end.
        let campuses = Set(try await sql.raw("""
            SELECT DISTINCT institution_code FROM designations
            WHERE kind = \(bind: DesignationKind.smartCampus5G.rawValue) AND designated_on <= \(bind: lastDay) AND institution_code IS NOT NULL
            """).all().map { try $0.decode(column: "institution_code", as: String.self) })

        // Designations by kind and district: to the period's end, and within its year.
        func designationCounts(from firstDay: String?) async throws -> [String: [String: Int]] {
            var out: [String: [String: Int]] = [:]
            let rows = try await sql.raw("""
                SELECT kind, district_code, COUNT(*) AS n FROM designations
                WHERE designated_on <= \(bind: lastDay) AND designated_on >= \(bind: firstDay ?? "0000-00-00")
                GROUP BY kind, district_code
                """).all()
            for row in rows {
                out[try row.decode(column: "kind", as: String.self), default: [:]][try row.decode(column: "district_code", as: String.self)] = try row.decode(column: "n", as: Int.self)
            }
            return out
        }
        let cumulative = try await designationCounts(from: nil)
        let thisYear = try await designationCounts(from: period.firstDayOfYear)

        // Certified 产教融合型企业 by district.
        var integration: [String: Int] = [:]
        for row in try await sql.raw("""
            SELECT district_code, COUNT(*) AS n FROM enterprises WHERE integration_status = \(bind: IntegrationStatus.certified.rawValue) GROUP BY district_code
            """).all() {
            integration[try row.decode(column: "district_code", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }

        // Spending by district to the period's end (CAST: PostgreSQL sums bigint as numeric).
        var spending: [String: Int] = [:]
        for row in try await sql.raw("""
            SELECT district_code, CAST(SUM(amount_fen) AS BIGINT) AS fen FROM spendings WHERE spent_on <= \(bind: lastDay) GROUP BY district_code
            """).all() {
            spending[try row.decode(column: "district_code", as: String.self)] = try row.decode(column: "fen", as: Int.self)
        }

        // The 2 % quota, enterprise by enterprise; an enterprise with no employees owes nothing and is left out.
        var quotaByDistrict: [String: (met: Int, owing: Int)] = [:]
        for line in try await QuotaReport.lines(sql: sql, caller: CallerScope(role: .cityAdmin), quota: quota, onlyUnder: false) where line.employees > 0 {
            quotaByDistrict[line.districtCode, default: (0, 0)].owing += 1
            if line.shortfall == 0 { quotaByDistrict[line.districtCode, default: (0, 0)].met += 1 }
        }

        // Put together per scope.
        var measurements: [SupervisionScope: [String: MeasuredValue]] = [:]
        var teachersByDistrict: [String: TeacherCounts] = [:]
        var seniorByDistrict: [String: TeacherCounts] = [:]
        var campusByDistrict: [String: (with: Int, all: Int)] = [:]
        for (code, info) in institutions {
            let t = teachers[code] ?? TeacherCounts()
            teachersByDistrict[info.district] = (teachersByDistrict[info.district] ?? TeacherCounts()) + t
            if seniorCovered.contains(code) { seniorByDistrict[info.district] = (seniorByDistrict[info.district] ?? TeacherCounts()) + t }
            let has = campuses.contains(code) ? 1 : 0
            campusByDistrict[info.district, default: (0, 0)].with += has
            campusByDistrict[info.district, default: (0, 0)].all += 1
            var m: [String: MeasuredValue] = [:]
            for indicator in catalogue.indicators where indicator.applies(at: .school) {
                switch indicator.measure {
                case .dualQualifiedShare: m[indicator.id] = .share(t.dual, of: t.professional)
                case .enterprisePartTimeShare: m[indicator.id] = .share(t.partTime, of: t.professional)
                case .seniorTitleShare: if seniorCovered.contains(code) { m[indicator.id] = .share(t.senior, of: t.all) }
                case .smartCampusShare: m[indicator.id] = .share(has, of: 1)
                default: break
                }
            }
            measurements[SupervisionScope(level: .school, code: code)] = m
        }

        func areaMeasurements(level: IndicatorLevel, districtsIn: [String]) -> [String: MeasuredValue] {
            func total<T>(_ table: [String: T], _ zero: T, _ add: (T, T) -> T) -> T { districtsIn.reduce(zero) { add($0, table[$1] ?? zero) } }
            let t = total(teachersByDistrict, TeacherCounts(), +)
            let s = total(seniorByDistrict, TeacherCounts(), +)
            let campus = total(campusByDistrict, (0, 0)) { ($0.with + $1.with, $0.all + $1.all) }
            let q = total(quotaByDistrict, (0, 0)) { ($0.met + $1.met, $0.owing + $1.owing) }
            var m: [String: MeasuredValue] = [:]
            for indicator in catalogue.indicators where indicator.applies(at: level) {
                switch indicator.measure {
                case .dualQualifiedShare: m[indicator.id] = .share(t.dual, of: t.professional)
                case .enterprisePartTimeShare: m[indicator.id] = .share(t.partTime, of: t.professional)
                case .seniorTitleShare: m[indicator.id] = .share(s.senior, of: s.all)
                case .smartCampusShare: m[indicator.id] = .share(campus.with, of: campus.all)
                case .internshipQuotaCompliance: m[indicator.id] = .share(q.met, of: q.owing)
                case .designations(let kind):
                    let table = indicator.cadence == .yearly ? thisYear[kind] ?? [:] : cumulative[kind] ?? [:]
                    m[indicator.id] = .count(level == .city ? table.values.reduce(0, +) : total(table, 0, +))
                case .certifiedIntegrationEnterprises:
                    m[indicator.id] = .count(level == .city ? integration.values.reduce(0, +) : total(integration, 0, +))
                case .cumulativeSpending:
                    m[indicator.id] = .count(level == .city ? spending.values.reduce(0, +) : total(spending, 0, +))
                }
            }
            return m
        }
        for district in districts {
            measurements[SupervisionScope(level: .district, code: district)] = areaMeasurements(level: .district, districtsIn: [district])
        }
        measurements[.city] = areaMeasurements(level: .city, districtsIn: districts)
        return IndicatorFacts(period: period, measurements: measurements, institutions: institutions, districts: districts)
    }
}
