@testable import App
import Fluent
import Foundation
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite("Industry–education matching: demand, supply, gaps, signals, search, negative list")
struct MarketTests {
    func post(_ app: Application, _ path: String, _ token: String, _ body: [String: JSONValue]) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: .bearer(token), beforeRequest: { try $0.content.encode(body) }, afterResponse: { result = $0 })
        return try #require(result)
    }

    func get(_ app: Application, _ path: String, _ token: String) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.GET, path, headers: .bearer(token), afterResponse: { result = $0 })
        return try #require(result)
    }

    func creditCode(_ app: Application, _ id: UUID) async throws -> String {
        try await app.sql.select().column("credit_code").from("enterprises").where("id", .equal, id).first()?.decode(column: "credit_code", as: String.self) ?? ""
    }

    /// The worked city of `SmallCity` in SupplyDemandTests, stored through the API:
    /// program A → 4-04-05 and 2-02-10, program B → 6-25-04.
    /// 2025: TEST-A graduates 20 of program A, TEST-B 30 of program B; 2024: TEST-A 18.
    /// Demand 2025: enterprise A 30 + 10 for 4-04-05 (南山, next_gen_ict), 8 for 6-25-04 (南山,
    /// intelligent_equipment); enterprise B 12 for 2-02-10-01 (宝安, no cluster).
    func loadMarket(_ app: Application, _ f: Fixture) async throws -> (String, String) {
        let city = f.token(.cityAdmin)
        let a = try await creditCode(app, f.enterpriseA), b = try await creditCode(app, f.enterpriseB)
        for (program, occupation) in [(f.programA, "4-04-05"), (f.programA, "2-02-10"), (f.programB, "6-25-04")] {
            let res = try await post(app, "api/v1/program-occupations", city, ["catalogCode": .string(program), "occupationCode": .string(occupation)])
            #expect(res.status == .created)
        }
        for (school, program, year, graduated) in [("TEST-A", f.programA, 2025, 20), ("TEST-B", f.programB, 2025, 30), ("TEST-A", f.programA, 2024, 18)] {
            let res = try await post(app, "api/v1/program-years", city, [
                "institutionCode": .string(school), "catalogCode": .string(program), "year": .int(year), "enrolled": .int(graduated * 2), "graduated": .int(graduated),
            ])
            #expect(res.status == .created)
        }
        let demand: [(String, String, String, Int, String, String?, String)] = [
            (a, "嵌入式软件工程师", "4-04-05", 30, Fixture.districtA, "next_gen_ict", "Python;PLC编程"),
            (a, "测试工程师", "4-04-05", 10, Fixture.districtA, "next_gen_ict", "python、自动化测试"),
            (a, "装配调试员", "6-25-04", 8, Fixture.districtA, "intelligent_equipment", "焊接"),
            (b, "通信工程技术员", "2-02-10-01", 12, Fixture.districtB, nil, "5G网络优化"),
        ]
        for (enterprise, title, occupation, headcount, district, cluster, skills) in demand {
            var body: [String: JSONValue] = [
                "enterpriseCode": .string(enterprise), "title": .string(title), "occupationCode": .string(occupation), "educationLevel": "associate",
                "headcount": .int(headcount), "periodStart": "2025-03", "periodEnd": "2025-12", "districtCode": .string(district), "skills": .string(skills),
            ]
            if let cluster { body["industryCluster"] = .string(cluster) }
            let res = try await post(app, "api/v1/labour-demands", city, body)
            #expect(res.status == .created)
        }
        return (a, b)
    }

    @Test func theGapTableFromStoredRowsIsTheHandArithmetic() async throws {
        try await withFixture { app, f in
            _ = try await loadMarket(app, f)
            let res = try await get(app, "api/v1/market/gaps?by=occupation&year=2025", f.token(.teacher))
            #expect(res.status == .ok)
            let table = try res.content.decode(MarketAPIController.GapResponse.self)
            let rows = Dictionary(uniqueKeysWithValues: table.rows.map { ($0.key, $0) })
            #expect(table.years == [2024, 2025])
            // 4-04-05: demand 40, program A's 20 graduates halved = 10, gap 30, ratio 4.
            #expect(rows["4-04-05"]?.demand == 40)
            #expect(rows["4-04-05"]?.supply.exact == "10")
            #expect(rows["4-04-05"]?.ratio?.exact == "4")
            // 2024: no demand, 18 / 2 = 9 graduates: gap −9, so the gap grew by 39.
            #expect(rows["4-04-05"]?.gapChange?.exact == "39")
            #expect(rows["4-04-05"]?.trend.map(\.demand) == [0, 40])
            // 2-02-10 (the 细类 code rolls up to its 小类): 12 against 10.
            #expect(rows["2-02-10"]?.gap.exact == "2")
            // 6-25-04: 8 against 30, ratio 4/15.
            #expect(rows["6-25-04"]?.ratio?.exact == "4/15")
            #expect(rows["6-25-04"]?.label == "电子设备装配调试人员")
            // The largest shortage comes first.
            #expect(table.rows.first?.key == "4-04-05")

            // Every view of 2025 adds up to demand 60 and graduates 50.
            for by in ["district", "industry_cluster", "city"] {
                let view = try await get(app, "api/v1/market/gaps?by=\(by)&year=2025", f.token(.cityAdmin)).content.decode(MarketAPIController.GapResponse.self)
                #expect(view.rows.reduce(0) { $0 + $1.demand } == 60)
                #expect(view.rows.reduce(0.0) { $0 + $1.supply.value } == 50)
            }
            let clusters = try await get(app, "api/v1/market/gaps?by=industry_cluster&year=2025", f.token(.cityAdmin)).content.decode(MarketAPIController.GapResponse.self)
            #expect(clusters.rows.first { $0.key == "none" }?.demand == 12)

            let bad = try await get(app, "api/v1/market/gaps?by=planet", f.token(.cityAdmin))
            #expect(bad.status == .unprocessableEntity)
            #expect(String(buffer: bad.body).contains("by"))
        }
    }

    @Test func signalsCarryTheirNumbersAndFollowTheCallersScope() async throws {
        try await withFixture { app, f in
            _ = try await loadMarket(app, f)
            let res = try await get(app, "api/v1/market/signals?year=2025", f.token(.cityAdmin))
            let body = try res.content.decode(MarketAPIController.SignalResponse.self)
            let city = Dictionary(uniqueKeysWithValues: body.city.map { ($0.catalogCode, $0) })
            // Program A's market: 4-04-05 + 2-02-10 = 52 wanted, 20 graduates: ratio 13/5 ≥ 3/2, gap 32: expand.
            #expect(city[f.programA]?.signal == "expand")
            #expect(city[f.programA]?.market.demand == 52)
            #expect(city[f.programA]?.market.ratio?.exact == "13/5")
            // Program B's: 8 wanted, 30 graduates: ratio 4/15 ≤ 1/2, surplus 22; 2024 had neither: shrink.
            #expect(city[f.programB]?.signal == "shrink")
            #expect(body.programs.count == 2)

            let school = try await get(app, "api/v1/market/signals?year=2025", f.token(.schoolAdmin)).content.decode(MarketAPIController.SignalResponse.self)
            #expect(school.programs.map(\.institutionCode) == ["TEST-A"])
            #expect(school.programs.first?.shareOfSupply?.exact == "1")
            #expect(try await get(app, "api/v1/market/signals?institution=TEST-B", f.token(.schoolAdmin)).status == .notFound)
            let district = try await get(app, "api/v1/market/signals?year=2025", f.token(.districtAdmin)).content.decode(MarketAPIController.SignalResponse.self)
            #expect(district.programs.map(\.institutionCode) == ["TEST-A"])
            let enterprise = try await get(app, "api/v1/market/signals?year=2025", f.token(.enterprise)).content.decode(MarketAPIController.SignalResponse.self)
            #expect(enterprise.programs.isEmpty)
            #expect(enterprise.city.count == 2)

            let csv = try await get(app, "api/v1/market/signals?year=2025&format=csv", f.token(.cityAdmin))
            #expect(csv.headers.contentType?.subType == "csv")
            let text = String(buffer: csv.body)
            #expect(text.contains("专业代码"))
            #expect(text.contains("扩大"))
            #expect(text.contains("缩减"))
            let xlsx = try await get(app, "api/v1/market/signals?year=2025&format=xlsx", f.token(.cityAdmin))
            #expect(xlsx.status == .ok)
            #expect(xlsx.body.readableBytes > 1_000)
        }
    }

    @Test func skillGapsRankDemandedAgainstTaught() async throws {
        try await withFixture { app, f in
            _ = try await loadMarket(app, f)
            // Program A teaches python to its 20 graduates of 2025.
            let programs = try await app.sql.select().column("id").from("programs").where("institution_code", .equal, "TEST-A").all()
            let id = try #require(programs.first).decode(column: "id", as: UUID.self)
            var put: TestingHTTPResponse?
            try await app.testing().test(.PUT, "api/v1/programs/\(id)", headers: .bearer(f.token(.schoolAdmin)), beforeRequest: { req in
                try req.content.encode(["institutionCode": JSONValue.string("TEST-A"), "catalogCode": .string(f.programA), "skillsTaught": "Python；数据分析"])
            }, afterResponse: { put = $0 })
            #expect(put?.status == .ok)
            let res = try await get(app, "api/v1/market/skill-gaps?year=2025", f.token(.learner))
            let gaps = try res.content.decode(MarketAPIController.SkillGapResponse.self)
            let bySkill = Dictionary(uniqueKeysWithValues: gaps.items.map { ($0.skill, $0) })
            // python: 30 + 10 demanded (spelt Python and python), taught to 20: gap 20.
            #expect(bySkill["python"]?.demanded == 40)
            #expect(bySkill["python"]?.taught == 20)
            // plc编程 30 demanded, none taught: gap 30, the largest.
            #expect(gaps.items.first?.skill == "plc编程")
            #expect(gaps.items.map(\.skill).contains("数据分析") == false) // taught but not demanded
            let software = try await get(app, "api/v1/market/skill-gaps?year=2025&occupation=6-25-04", f.token(.cityAdmin)).content.decode(MarketAPIController.SkillGapResponse.self)
            #expect(software.items.map(\.skill) == ["焊接"])
        }
    }

    @Test func demandIsValidatedScopedAndImportedAllOrNothing() async throws {
        try await withFixture { app, f in
            let a = try await creditCode(app, f.enterpriseA), b = try await creditCode(app, f.enterpriseB)
            let base: [String: JSONValue] = [
                "enterpriseCode": .string(b), "title": "冒名需求", "occupationCode": "4-04-05", "educationLevel": "secondary",
                "headcount": 3, "periodStart": "2026-01", "periodEnd": "2026-06", "districtCode": .string(Fixture.districtA),
            ]
            #expect(try await post(app, "api/v1/labour-demands", f.token(.enterprise), base).status == .forbidden)
            var wrong = base
            wrong["enterpriseCode"] = .string(a)
            wrong["occupationCode"] = "4-04"
            wrong["salaryMin"] = 9000
            wrong["salaryMax"] = 5000
            let res = try await post(app, "api/v1/labour-demands", f.token(.enterprise), wrong)
            #expect(res.status == .unprocessableEntity)
            let problem = try res.content.decode(Problem.self)
            let fields = Set((problem.errors ?? []).map(\.field))
            #expect(fields == ["occupationCode", "salaryMax"])
            #expect((problem.errors ?? []).contains { $0.field == "occupationCode" && $0.reasonZh.contains("中类") })

            let csv = """
                统一社会信用代码,岗位名称,职业代码,技能要求,学历要求,需求人数,开始月份,结束月份,工作地区
                \(a),数据标注员,4-04-05,数据分析,中职,5,2026-01,2026-06,南山区
                \(a),无名岗位,9-99-99,,中职,0,2026-01,2026-06,南山区
                """
            var imported: TestingHTTPResponse?
            try await app.testing().test(.POST, "api/v1/labour-demands/import", headers: .bearer(f.token(.enterprise)), beforeRequest: { req in
                req.headers.contentType = .init(type: "text", subType: "csv")
                req.body = ByteBuffer(string: csv)
            }, afterResponse: { imported = $0 })
            #expect(imported?.status == .unprocessableEntity)
            #expect(try await app.count("labour_demands") == 0)
        }
    }

    @Test func searchFindsChineseAndEnglishInsideText() async throws {
        try await withFixture { app, f in
            _ = try await loadMarket(app, f)
            func titles(_ q: String, _ role: Role = .cityAdmin) async throws -> [String] {
                let encoded = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? q
                return try await get(app, "api/v1/search?q=\(encoded)", f.token(role)).content.decode(SearchAPIController.Results.self).demands.map(\.title).sorted()
            }
            // Inside a Chinese title, or the occupation's name (软件和信息技术服务人员).
            #expect(try await titles("软件") == ["嵌入式软件工程师", "测试工程师"])
            #expect(try await titles("嵌入式") == ["嵌入式软件工程师"])
            #expect(try await titles("PYTHON") == ["嵌入式软件工程师", "测试工程师"])        // skills, any case
            #expect(try await titles("装配调试") == ["装配调试员"])                          // the occupation name too
            #expect(try await titles("intelligent equipment") == ["装配调试员"])            // the cluster's English name
            #expect(try await titles("%") == [])                                          // a wildcard is a character
            #expect(try await titles("嵌入式", .enterprise) == ["嵌入式软件工程师"])
            var enterpriseB: [String] = []
            // Enterprise users see their own demand only: B's token is not in the fixture, so check the row filter instead.
            let filter = AccessPolicy.readFilter(.labourDemand, for: CallerScope(role: .enterprise, enterpriseID: f.enterpriseB))
            enterpriseB = try await MarketSearch.demand(app.sql, query: "软件", caller: CallerScope(role: .enterprise, enterpriseID: f.enterpriseB), catalog: app.services.catalog).map(\.title)
            #expect(filter == .enterprise(f.enterpriseB))
            #expect(enterpriseB.isEmpty)
            let empty = try await get(app, "api/v1/search?q=", f.token(.cityAdmin))
            #expect(empty.status == .unprocessableEntity)
        }
    }

    @Test func theNegativeListFlagsTheRuleAnAgreementBreaks() async throws {
        try await withFixture { app, f in
            let a = try await creditCode(app, f.enterpriseA)
            let rule: [String: JSONValue] = ["code": "NL-01", "terms": "实习押金;培训费", "description": "不得收取实习押金", "basis": "职业学校学生实习管理规定"]
            #expect(try await post(app, "api/v1/negative-list", f.token(.schoolAdmin), rule).status == .forbidden)
            #expect(try await post(app, "api/v1/negative-list", f.token(.cityAdmin), rule).status == .created)
            let bad = try await post(app, "api/v1/cooperation-agreements", f.token(.schoolAdmin), [
                "institutionCode": "TEST-A", "enterpriseCode": .string(a), "kind": "order_class", "title": "软件订单班协议",
                "startDate": "2025-09-01", "endDate": "2028-08-31", "terms": "第六条 学生须缴纳实习 押金300元。",
            ])
            #expect(bad.status == .created)
            let clean = try await post(app, "api/v1/cooperation-agreements", f.token(.schoolAdmin), [
                "institutionCode": "TEST-A", "enterpriseCode": .string(a), "kind": "industry_college", "title": "产业学院协议",
                "startDate": "2025-09-01", "endDate": "2028-08-31",
            ])
            let backwards = try await post(app, "api/v1/cooperation-agreements", f.token(.schoolAdmin), [
                "institutionCode": "TEST-A", "enterpriseCode": .string(a), "kind": "apprenticeship", "title": "倒序协议",
                "startDate": "2025-09-01", "endDate": "2025-08-31",
            ])
            #expect(backwards.status == .unprocessableEntity)
            let findings = try await get(app, "api/v1/cooperation-violations", f.token(.schoolAdmin)).content.decode(CooperationAPIController.FindingList.self)
            #expect(findings.rules == 1)
            #expect(findings.items.map(\.title) == ["软件订单班协议"])
            #expect(findings.items.first?.violations.first?.ruleCode == "NL-01")
            #expect(findings.items.first?.violations.first?.term == "实习押金")
            #expect(findings.items.first?.violations.first?.excerpt.contains("实习 押金") == true)
            // Other schools' and enterprises' callers see nothing of it.
            let other = try await NegativeListReview.findings(app.sql, caller: CallerScope(role: .schoolAdmin, institutionID: f.schoolB), onlyViolating: true)
            #expect(other.isEmpty)
            let cleanID = try #require(try json(clean)["id"].flatMap { if case .string(let s) = $0 { UUID(uuidString: s) } else { nil } })
            let check = try await get(app, "api/v1/cooperation-agreements/\(cleanID)/violations", f.token(.enterprise))
            #expect(check.status == .ok)
            #expect(try check.content.decode(NegativeListReview.Finding.self).violations.isEmpty)
        }
    }

    @Test func pagesDrawTheMarket() async throws {
        try await withFixture { app, f in
            _ = try await loadMarket(app, f)
            let page = try await get(app, "market?year=2025", f.token(.cityAdmin))
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("<svg id=\"cluster-chart\""))
            // The fixture's programs belong to no cluster, so their graduates sit under 未归集群.
            #expect(html.contains("data-label=\"新一代信息通信技术\" data-demand=\"40.0\" data-supply=\"0.0\""))
            #expect(html.contains("data-label=\"未归集群\" data-demand=\"12.0\" data-supply=\"50.0\""))
            #expect(html.contains("id=\"top-gaps\""))
            // Rows are named as people know them: a district by its name, not its code; whole graduates.
            #expect(!html.contains(">new_") && !html.contains(">none "))
            #expect(html.contains("<td>南山区</td><td>48</td><td>20</td><td>28</td>") && !html.contains("<td>440305 "))
            let school = try await get(app, "market/schools/TEST-A?year=2025", f.token(.schoolAdmin))
            #expect(school.status == .ok)
            #expect(String(buffer: school.body).contains("school-signals"))
            #expect(try await get(app, "market/schools/TEST-B", f.token(.schoolAdmin)).status == .notFound)
        }
    }
}
