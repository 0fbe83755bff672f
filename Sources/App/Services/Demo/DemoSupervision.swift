import Foundation
import Indicators
import Registry
import SQLKit
import Vapor

/// The demo city's supervision record: designations dated from 2021 on (most targets reached,
/// some short, so the dashboard shows every colour), spending year by year, quarterly
/// snapshots back to 2021Q1 measured from those dates, and a few progress reports.
package struct DemoSupervision: Sendable {
    package var designations: [FieldValues] = []
    package var spendings: [FieldValues] = []

    /// Demo counts per kind (how many to register by the end of the demo history).
    static let counts: [(DesignationKind, Int)] = [
        (.nationalQualitySecondarySchool, 7), (.firstClassProgramCluster, 12), (.modelIndustryCollege, 8), (.masterTeacherStudio, 20),
        (.ideologyNewTeacher, 36), (.careerExperienceCentre, 19), (.aiReformProject, 15), (.teacherTrainingBase, 10),
        (.enterprisePracticeBase, 86), (.clusterLeader, 20), (.masterCraftsman, 17), (.appliedResearchLeader, 20), (.innovationCentre, 10),
        (.technicalServicePlatform, 9), (.thinkTank, 10), (.productionTrainingCentre, 2), (.apprenticeshipCentre, 46),
        (.vocationalEducationGroup, 4), (.overseasTrainingCentre, 8),
    ]

    package struct School: Sendable {
        var code: String
        var kind: String
        var district: String
    }

    /// - Parameter schools: every school in the registry (the demo's and the policy's named ones).
    package static func generate(schools all: [School], seed: UInt64, today: CivilDate) -> DemoSupervision {
        var out = DemoSupervision()
        var rng = SeededGenerator(seed: seed &+ 97)
        let schools = all.map(\.code).sorted()
        let secondary = all.filter { $0.kind == InstitutionKind.secondaryVocational.rawValue }.map(\.code).sorted()
        let districts = Array(Set(all.map(\.district))).sorted()
        func date(from startYear: Int, to endYear: Int) -> String {
            let year = Int.random(in: startYear...min(endYear, today.year), using: &rng)
            let maxMonth = year == today.year ? max(1, today.month - 1) : 12
            let month = Int.random(in: 1...maxMonth, using: &rng)
            return String(format: "%04d-%02d-%02d", year, month, Int.random(in: 1...28, using: &rng))
        }
        var n = 0
        func add(_ kind: DesignationKind, name: String, school: String?, district: String?, on day: String) {
            n += 1
            var row: FieldValues = ["code": String(format: "DS-%05d", n), "kind": kind.rawValue, "name": name, "designatedOn": day,
                                    "document": "深教〔\(day.prefix(4))〕\(100 + n % 300)号"]
            if let school { row["institutionCode"] = school } else if let district { row["districtCode"] = district }
            out.designations.append(row)
        }
        // 5G smart campuses: nine schools in ten, built 2021–2023.
        for school in schools where rng.chance(0.9) {
            add(.smartCampus5G, name: "\(school) 5G智慧校园", school: school, district: nil, on: date(from: 2021, to: 2023))
        }
        for (kind, count) in counts {
            for i in 1...count {
                let pool = kind == .nationalQualitySecondarySchool && !secondary.isEmpty ? secondary : schools
                let school: String? = kind.needsInstitution || rng.chance(0.7) ? pool[(i - 1) % pool.count] : nil
                // Most by the plan's 2022 horizon, one in eight late.
                let day = rng.chance(0.125) ? date(from: 2023, to: 2024) : date(from: 2021, to: 2022)
                add(kind, name: "\(kind.labelZh)\(i)", school: school, district: school == nil ? rng.pick(districts) : nil, on: day)
            }
        }
        // Teaching innovation teams: about twenty a year since 2021, this year's still coming in.
        for year in 2021...today.year {
            let teams = year == today.year ? 4 * today.month / 3 + 2 : 18 + Int.random(in: 0...5, using: &rng)
            for i in 1...teams {
                add(.teachingInnovationTeam, name: "\(year)年教学创新团队\(i)", school: rng.pick(schools), district: nil, on: date(from: year, to: year))
            }
        }
        // Spending: city finance in monthly tranches from 2021, district and social money besides.
        var s = 0
        for year in 2021...today.year {
            let months = year == today.year ? max(1, today.month - 1) : 12
            for month in 1...months {
                for (source, base) in [(SpendingSource.cityFinance, 30_000_000_000), (.districtFinance, 8_000_000_000), (.social, 4_000_000_000)] {
                    s += 1
                    var row: FieldValues = ["code": String(format: "SP-%05d", s), "spentOn": String(format: "%04d-%02d-15", year, month),
                                            "amountFen": String(base + Int.random(in: 0...(base / 5), using: &rng)), "source": source.rawValue,
                                            "purpose": "\(year)年\(month)月职业教育\(source.labelZh)投入"]
                    if source != .cityFinance { row["districtCode"] = rng.pick(districts) }
                    out.spendings.append(row)
                }
            }
        }
        return out
    }

    /// Snapshots of every past quarter since 2021Q1 and this one, and demo progress reports.
    package static func schools(_ sql: any SQLDatabase) async throws -> [School] {
        try await sql.select().columns("code", "kind", "district_code").from("institutions").all().map {
            School(code: try $0.decode(column: "code", as: String.self), kind: try $0.decode(column: "kind", as: String.self),
                   district: try $0.decode(column: "district_code", as: String.self))
        }
    }

    package static func recordHistory(_ app: Application) async throws {
        guard let sql = app.db as? any SQLDatabase else { return }
        let services = app.services
        let current = SupervisionDashboard.currentPeriod()
        var period = ReportingPeriod(year: 2021, quarter: 1) ?? current
        while period <= current {
            let facts = try await IndicatorFacts.measure(sql, catalogue: services.indicators, period: period, quota: services.internshipQuota, catalog: services.catalog)
            _ = try await IndicatorSnapshots.record(facts, on: sql)
            period = period.advanced(by: 1)
        }
    }

    /// A few reports by the demo unit so the work list shows each review state.
    static func writeReports(_ app: Application, by user: UUID) async throws {
        guard let sql = app.db as? any SQLDatabase else { return }
        let list = app.services.workList
        let now = Date()
        let day = 86_400.0
        let plan: [(task: String, percent: Int, daysAgo: Double, review: WorkReportReview, text: String)] = [
            ("C25", 100, 400, .accepted, "已会同市教育局印发规模以上企业实习岗位安排通知，平台按季度监测配额。"),
            ("C51", 100, 700, .accepted, "“深圳工匠节”已设立并连续举办。"),
            ("C15", 60, 20, .pending, "已共建教师培养培训基地10个，教师企业实践示范基地86个，继续推进。"),
            ("C9", 40, 30, .returned, "技师学院纳入高职序列的申报材料已报省厅。"),
            ("C53", 70, 10, .pending, "技术技能人才职称评审办法已征求意见，年内印发。"),
        ]
        for item in plan {
            guard let task = list[item.task] else { continue }
            let id = try await WorkReports.insert(task: task, unit: DemoSeeder.demoUnit, text: item.text, percent: item.percent,
                                                  evidence: [EvidenceFile(fileName: "\(task.id)-进展说明.txt", contentType: "text/plain", content: Data(item.text.utf8))],
                                                  by: user, on: sql, now: now.addingTimeInterval(-item.daysAgo * day))
            if item.review != .pending {
                try await sql.update("work_reports").set("review", to: item.review.rawValue)
                    .set("review_comment", to: item.review == .returned ? "请补充省厅受理回执。" : "材料齐全，予以通过。")
                    .set("reviewed_by", to: user).set("reviewed_at", to: now.addingTimeInterval(-(item.daysAgo - 5) * day))
                    .where("id", .equal, id).run()
            }
        }
    }
}
