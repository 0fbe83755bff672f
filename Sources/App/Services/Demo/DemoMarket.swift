import Foundation
import Matching
import Registry
import SupplyDemand

/// The demo city's labour market: a program → occupation table drafted from names, three
/// years of enrolment and graduates, demand from its enterprises (mostly for occupations its
/// programs prepare for, some for ones none does), a negative list and cooperation
/// agreements, one of which breaks it.
package struct DemoMarket: Sendable {
    package var occupationMappings: [FieldValues] = []
    package var programYears: [FieldValues] = []
    var labourDemands: [FieldValues] = []
    var negativeList: [FieldValues] = []
    var agreements: [FieldValues] = []

    /// Demo skill vocabulary (demo data, not a reference list).
    package static let skills = ["python", "plc编程", "数据分析", "电工操作", "质量检测", "cad制图", "嵌入式开发", "网络运维", "客户服务", "焊接", "数控加工", "英语沟通", "工业机器人运维", "芯片封装测试"]

    package static func generate(city: inout DemoCity, catalog: ReferenceCatalog, seed: UInt64, thisYear: Int) -> DemoMarket {
        var market = DemoMarket()
        var rng = SeededGenerator(seed: seed &+ 61)
        let groups = catalog.occupations.entries.values.filter { $0.level == "small" }.sorted { $0.code < $1.code }.map { (code: $0.code, name: $0.name) }
        let years = (thisYear - 2)...thisYear

        // Occupation table for every catalogue code the city teaches.
        var mapped: [String: [String]] = [:]
        for code in Set(city.programs.compactMap { $0["catalogCode"] }).sorted() {
            guard let entry = catalog.programs[code] else { continue }
            let suggested = MappingSuggestion.suggest(programName: entry.name, occupations: groups)
            mapped[code] = suggested
            for group in suggested { market.occupationMappings.append(["catalogCode": code, "occupationCode": group]) }
        }

        // Skills taught and three years of intake and graduates per program.
        for index in city.programs.indices {
            let taught = (0..<Int.random(in: 1...3, using: &rng)).map { _ in rng.pick(skills) }
            city.programs[index]["skillsTaught"] = Array(Set(taught)).sorted().joined(separator: ";")
            let program = city.programs[index]
            for year in years {
                let enrolled = Int.random(in: 30...150, using: &rng)
                market.programYears.append([
                    "institutionCode": program["institutionCode"] ?? "", "catalogCode": program["catalogCode"] ?? "", "year": String(year),
                    "enrolled": String(enrolled), "graduated": String(Int(Double(enrolled) * Double.random(in: 0.6...0.95, using: &rng))),
                ])
            }
        }

        // Demand: four in five rows for groups the city's programs prepare for, the rest for
        // any group, so some groups have demand and no graduates.
        let taughtGroups = Array(Set(mapped.values.joined())).sorted()
        let clusters = catalog.industryClusters.map(\.code)
        let titles = ["技术员", "操作员", "工程师助理", "运维专员", "质检员", "储备干部"]
        for enterprise in city.enterprises {
            for (year, n) in years.flatMap({ year in (0..<Int.random(in: 1...3, using: &rng)).map { (year, $0) } }) {
                let group = !taughtGroups.isEmpty && rng.chance(0.8) ? rng.pick(taughtGroups) : rng.pick(groups).code
                let salary = Int.random(in: 5...12, using: &rng) * 1_000
                var row: FieldValues = [
                    "enterpriseCode": enterprise["creditCode"] ?? "",
                    "title": "\(catalog.occupations[group]?.name.prefix(8) ?? "")\(rng.pick(titles))\(year % 100)\(n + 1)号",
                    "occupationCode": group, "educationLevel": rng.chance(0.6) ? "associate" : "secondary",
                    "headcount": String(Int.random(in: 5...80, using: &rng)), "periodStart": "\(year)-0\(Int.random(in: 1...9, using: &rng))",
                    "periodEnd": "\(year)-12", "districtCode": enterprise["districtCode"] ?? "",
                    "salaryMin": String(salary), "salaryMax": String(salary + 3_000),
                    "skills": Array(Set((0..<Int.random(in: 1...3, using: &rng)).map { _ in rng.pick(skills) })).sorted().joined(separator: ";"),
                ]
                if rng.chance(0.7) { row["industryCluster"] = rng.pick(clusters) }
                market.labourDemands.append(row)
            }
        }

        market.negativeList = [
            ["code": "NL-01", "terms": "实习押金;培训费;收取学生费用", "description": "不得向实习学生收取押金、培训费等费用 / no deposits or fees from students",
             "basis": "职业学校学生实习管理规定（2021）"],
            ["code": "NL-02", "terms": "扣押身份证;扣押证件", "description": "不得扣押学生身份证件 / no holding of students' identity documents",
             "basis": "职业学校学生实习管理规定（2021）"],
            ["code": "NL-03", "terms": "夜班;加班", "description": "不得安排学生加班和上夜班 / no overtime or night shifts for students",
             "basis": "职业学校学生实习管理规定（2021）"],
            ["code": "NL-04", "terms": "中介机构;劳务派遣", "description": "不得通过中介机构或劳务派遣安排学生 / no placement through agencies or labour dispatch",
             "basis": "职业学校学生实习管理规定（2021）"],
        ]

        // Agreements: the first twelve schools (the policy's own first), each with the first
        // two enterprises in its district.
        let kinds = CooperationKind.allCases
        let schools = catalog.policyInstitutions.map { (code: $0.code, district: $0.districtCode) }
            + city.institutions.map { (code: $0["code"] ?? "", district: $0["districtCode"] ?? "") }
        for (i, school) in schools.prefix(12).enumerated() {
            let district = school.district
            let partners = city.enterprises.filter { $0["districtCode"] == district }.prefix(2)
            for (n, partner) in partners.enumerated() {
                let kind = kinds[(i + n) % kinds.count]
                market.agreements.append([
                    "institutionCode": school.code, "enterpriseCode": partner["creditCode"] ?? "", "kind": kind.rawValue,
                    "title": "\(partner["name"] ?? "")\(kind.labelZh)合作协议", "startDate": "\(thisYear - 1)-09-01", "endDate": "\(thisYear + 2)-08-31",
                    // The first agreement breaks NL-01, so the negative-list page has something to show.
                    "terms": i == 0 && n == 0 ? "第六条 乙方可向参加项目的学生收取实习押金500元，结业时退还。" : "双方共同制定人才培养方案，企业提供实训岗位与兼职教师。",
                ])
            }
        }
        return market
    }
}
