@testable import App
import Crypto
import Exact
import Fluent
import Foundation
import Indicators
import Registry
import Spreadsheet
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The supervision indicators computed from stored rows, checked against hand arithmetic.
///
/// On top of the standard fixture (school A: T1 dual, T2 not, both 专业课, intermediate;
/// school B: the same; enterprise A: 1,200 employees, above scale, certified; enterprise B
/// below scale):
/// - school A (public 高职, district A) gains T3 (专业课, dual, enterprise part-time, 正高级)
///   and T4 (公共课, 副高级);
/// - TEST-C (private 中职, district A) has one 公共课 teacher only;
/// - TEST-D (public 高职, district B) has no teachers;
/// - enterprise D (district B, above scale, 151 employees: quota ⌈3.02⌉ = 4) offers 4 places;
///   enterprise Z (district A, above scale, 0 employees) owes nothing and is left out;
/// - 5G campuses: school A (2022-06-01), school B (2023-03-01);
/// - studios: 2021-05-01, 2022-11-30, 2023-02-01; teams: two this year, one last year;
/// - spending: ¥300.00 on 2021-06-01 city-wide, ¥123.45 on 2023-01-10 in district B.
@Suite("Supervision: indicators, drill-downs, snapshots, work list, funding")
struct SupervisionTests {
    func request(_ app: Application, _ method: HTTPMethod, _ path: String, _ token: String, body: (any Encodable & Sendable)? = nil) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: .bearer(token), beforeRequest: { req in
            if let body { try req.content.encode(AnyEncodable(body), as: .json) }
        }, afterResponse: { result = $0 })
        return try #require(result)
    }

    struct AnyEncodable: Encodable {
        let value: any Encodable
        init(_ value: any Encodable) { self.value = value }
        func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
    }

    static let thisYear = CivilDate(date: Date()).year

    func load(_ app: Application, _ f: Fixture) async throws {
        let admin = CallerScope(role: .cityAdmin)
        var people = SyntheticPeople(seed: 11, regionCodes: ["440305"])
        try await Fixture.write(InstitutionResource.self, app, admin, [
            ["code": "TEST-C", "name": "南山测试民办职业学校", "kind": "secondary_vocational", "ownership": "private", "districtCode": Fixture.districtA],
            ["code": "TEST-D", "name": "宝安测试职业技术学院", "kind": "higher_vocational", "ownership": "public", "districtCode": Fixture.districtB],
        ])
        func teacher(_ school: String, _ no: String, professional: Bool, dual: Bool, partTime: Bool, title: String) -> FieldValues {
            ["institutionCode": school, "staffNo": no, "name": people.name(.female), "idNumber": people.residentID(sex: .female, bornIn: 1970...1990),
             "sex": "female", "teachesProfessionalCourses": String(professional), "dualQualified": String(dual), "enterprisePartTime": String(partTime), "titleLevel": title]
        }
        try await Fixture.write(TeacherResource.self, app, admin, [
            teacher("TEST-A", "T3", professional: true, dual: true, partTime: true, title: "senior"),
            teacher("TEST-A", "T4", professional: false, dual: false, partTime: false, title: "associate_senior"),
            teacher("TEST-C", "C1", professional: false, dual: false, partTime: false, title: "intermediate"),
        ])
        let d = people.creditCode(division: Fixture.districtB), z = people.creditCode(division: Fixture.districtA)
        try await Fixture.write(EnterpriseResource.self, app, admin, [
            ["creditCode": d, "name": "宝安达标制造有限公司", "employees": "151", "aboveScale": "true", "industryCode": "3911", "districtCode": Fixture.districtB, "integrationStatus": "none"],
            ["creditCode": z, "name": "南山空壳有限公司", "employees": "0", "aboveScale": "true", "industryCode": "3911", "districtCode": Fixture.districtA, "integrationStatus": "none"],
        ])
        try await Fixture.write(InternshipPostResource.self, app, admin, [
            ["enterpriseCode": d, "title": "装配实习", "capacity": "3", "districtCode": Fixture.districtB, "periodStart": "\(Self.thisYear)-01", "periodEnd": "\(Self.thisYear)-06"],
            ["enterpriseCode": d, "title": "质检实习", "capacity": "1", "districtCode": Fixture.districtB, "periodStart": "\(Self.thisYear)-01", "periodEnd": "\(Self.thisYear)-06"],
        ])
        let y = Self.thisYear
        try await Fixture.write(DesignationResource.self, app, admin, [
            ["code": "5G-A", "kind": "smart_campus_5g", "name": "A校5G", "institutionCode": "TEST-A", "designatedOn": "2022-06-01"],
            ["code": "5G-B", "kind": "smart_campus_5g", "name": "B校5G", "institutionCode": "TEST-B", "designatedOn": "2023-03-01"],
            ["code": "ST-1", "kind": "master_teacher_studio", "name": "工作室1", "institutionCode": "TEST-A", "designatedOn": "2021-05-01"],
            ["code": "ST-2", "kind": "master_teacher_studio", "name": "工作室2", "districtCode": Fixture.districtB, "designatedOn": "2022-11-30"],
            ["code": "ST-3", "kind": "master_teacher_studio", "name": "工作室3", "designatedOn": "2023-02-01"],
            ["code": "TM-1", "kind": "teaching_innovation_team", "name": "团队1", "institutionCode": "TEST-A", "designatedOn": "\(y)-01-10"],
            ["code": "TM-2", "kind": "teaching_innovation_team", "name": "团队2", "institutionCode": "TEST-B", "designatedOn": "\(y)-01-20"],
            ["code": "TM-0", "kind": "teaching_innovation_team", "name": "去年团队", "institutionCode": "TEST-B", "designatedOn": "\(y - 1)-06-01"],
        ])
        try await Fixture.write(SpendingResource.self, app, admin, [
            ["code": "SP-1", "spentOn": "2021-06-01", "amountFen": "30000", "source": "city", "purpose": "实训设备"],
            ["code": "SP-2", "spentOn": "2023-01-10", "amountFen": "12345", "source": "district", "purpose": "师资培训", "districtCode": Fixture.districtB],
        ])
    }

    func dashboard(_ app: Application, _ token: String, _ query: String) async throws -> [String: SupervisionAPIController.EvaluationBody] {
        let res = try await request(app, .GET, "api/v1/supervision/dashboard?\(query)", token)
        #expect(res.status == .ok, "\(query): \(bodyString(res))")
        let body = try res.content.decode(SupervisionAPIController.DashboardBody.self)
        return Dictionary(uniqueKeysWithValues: body.indicators.map { ($0.indicator, $0) })
    }

    func share(_ e: SupervisionAPIController.EvaluationBody?) -> String? {
        guard let e, let n = e.numerator else { return nil }
        return e.denominator.map { "\(n)/\($0)" } ?? "\(n)"
    }

    @Test func everyIndicatorIsTheHandArithmetic() async throws {
        try await withFixture { app, f in
            try await load(app, f)
            let city = f.token(.cityAdmin)
            let schools = try await app.count("institutions")   // the fixture's four and the policy's named schools

            let c = try await dashboard(app, city, "level=city")
            #expect(share(c["teachers-dual-qualified"]) == "3/5")            // A: T1, T3 of T1–T3; B: T1 of T1–T2
            #expect(c["teachers-dual-qualified"]?.status == "not_met")
            #expect(share(c["teachers-enterprise-part-time"]) == "1/5")
            #expect(share(c["teachers-senior-title"]) == "2/4")              // school A only: T3 正高, T4 副高 of four
            #expect(c["teachers-senior-title"]?.value?.exact == "1/2")
            #expect(share(c["internship-quota"]) == "1/2")                   // D meets 4 of 4; A offers 0 of 24; Z left out
            #expect(share(c["smart-campus-5g"]) == "2/\(schools)")
            #expect(share(c["master-teacher-studios"]) == "3")
            #expect(c["master-teacher-studios"]?.reachedByDeadline == nil)   // no snapshot on record yet
            #expect(share(c["teaching-innovation-teams"]) == "2")            // this year's only
            #expect(share(c["integration-enterprises"]) == "1")
            #expect(share(c["cumulative-investment"]) == "42345")
            #expect(c["cumulative-investment"]?.gap?.exact == String(1_000_000_000_000 - 42345))

            // School A: 2/3 dual, 1/3 part-time, 2/4 senior, campus 1/1 met.
            let a = try await dashboard(app, city, "level=school&code=TEST-A")
            #expect(share(a["teachers-dual-qualified"]) == "2/3" && share(a["teachers-enterprise-part-time"]) == "1/3")
            #expect(share(a["teachers-senior-title"]) == "2/4" && a["smart-campus-5g"]?.status == "met")
            #expect(a["master-teacher-studios"] == nil)                       // a city-level target
            // School B (中职): no senior-title target at all.
            let b = try await dashboard(app, city, "level=school&code=TEST-B")
            #expect(share(b["teachers-dual-qualified"]) == "1/2" && b["teachers-senior-title"] == nil)
            // TEST-C has only 公共课 teachers: no data, not zero.
            let cSchool = try await dashboard(app, city, "level=school&code=TEST-C")
            #expect(cSchool["teachers-dual-qualified"]?.status == "no_data" && cSchool["teachers-dual-qualified"]?.value == nil)
            #expect(cSchool["smart-campus-5g"]?.status == "not_met")
            // TEST-D has no teachers at all.
            let dSchool = try await dashboard(app, city, "level=school&code=TEST-D")
            #expect(dSchool["teachers-senior-title"]?.status == "no_data")

            // Districts: A holds schools A and C and enterprises A and Z; B holds B, D and enterprise D.
            let districtA = try await dashboard(app, city, "level=district&code=\(Fixture.districtA)")
            #expect(share(districtA["teachers-dual-qualified"]) == "2/3" && share(districtA["internship-quota"]) == "0/1")
            #expect(share(districtA["integration-enterprises"]) == "1")
            // The city's 50 enterprises are not a district's target: the district's count is shown, not judged.
            #expect(districtA["integration-enterprises"]?.status == "city_target" && districtA["integration-enterprises"]?.gap == nil)
            #expect(districtA["integration-enterprises"]?.targetZh.hasPrefix("全市") == true)
            let wholeCity = try await dashboard(app, city, "level=city")
            #expect(wholeCity["integration-enterprises"]?.status != "city_target")
            let districtB = try await dashboard(app, city, "level=district&code=\(Fixture.districtB)")
            #expect(share(districtB["internship-quota"]) == "1/1" && districtB["internship-quota"]?.status == "met")
            #expect(districtB["teachers-senior-title"]?.status == "no_data")   // TEST-D is the district's only 公办高职, with no teachers
            // Counts of named things and the ¥10 bn plan are city targets: not judged per district.
            #expect(districtB["master-teacher-studios"] == nil && districtB["cumulative-investment"] == nil)
        }
    }

    /// The current quarter's facts are measured once and kept until the next audited change: a
    /// row written past the audit chain is not counted until then; a change through the API is
    /// counted at once.
    @Test func theDashboardMeasuresAgainAfterAnAuditedChange() async throws {
        try await withFixture { app, f in
            try await load(app, f)
            let city = f.token(.cityAdmin)
            #expect(share(try await dashboard(app, city, "level=city")["master-teacher-studios"]) == "3")
            try await Fixture.write(DesignationResource.self, app, CallerScope(role: .cityAdmin), [
                ["code": "ST-4", "kind": "master_teacher_studio", "name": "工作室4", "designatedOn": "2023-03-01"],
            ])
            #expect(share(try await dashboard(app, city, "level=city")["master-teacher-studios"]) == "3")
            let created = try await request(app, .POST, "api/v1/designations", city,
                                            body: ["code": "ST-5", "kind": "master_teacher_studio", "name": "工作室5", "designatedOn": "2023-04-01"])
            #expect(created.status == .created, "\(bodyString(created))")
            #expect(share(try await dashboard(app, city, "level=city")["master-teacher-studios"]) == "5")
        }
    }

    @Test func drillDownRowsSumToTheNumeratorAndDenominator() async throws {
        try await withFixture { app, f in
            try await load(app, f)
            let city = f.token(.cityAdmin)
            let scopes = ["level=city", "level=district&code=\(Fixture.districtA)", "level=district&code=\(Fixture.districtB)", "level=school&code=TEST-A", "level=school&code=TEST-C"]
            var checked = 0
            for scope in scopes {
                for (id, e) in try await dashboard(app, city, scope) {
                    let res = try await request(app, .GET, "api/v1/supervision/indicators/\(id)/rows?\(scope)", city)
                    #expect(res.status == .ok, "\(id) \(scope)")
                    let drill = try res.content.decode(SupervisionAPIController.DrillDownBody.self)
                    #expect(drill.rows.reduce(0) { $0 + $1.numerator } == (e.numerator ?? 0), "\(id) \(scope) numerator")
                    #expect(drill.numerator == (e.numerator ?? 0))
                    if let den = e.denominator {
                        #expect(drill.rows.reduce(0) { $0 + ($1.denominator ?? 0) } == den, "\(id) \(scope) denominator")
                    }
                    checked += 1
                }
            }
            #expect(checked == 27 + 6 + 6 + 4 + 3)   // city, two districts, school A, TEST-C (no senior-title target)
            // Which teachers are not 双师型: school A's T2 only.
            let res = try await request(app, .GET, "api/v1/supervision/indicators/teachers-dual-qualified/rows?level=school&code=TEST-A", city)
            let drill = try res.content.decode(SupervisionAPIController.DrillDownBody.self)
            #expect(drill.rows.filter(\.short).map { $0.cells[1] } == ["T2"])
            // Which enterprise is under its quota: enterprise A, 24 places short.
            let quota = try await request(app, .GET, "api/v1/supervision/indicators/internship-quota/rows?level=city", city)
            let q = try quota.content.decode(SupervisionAPIController.DrillDownBody.self)
            #expect(q.rows.filter(\.short).map { $0.cells.last } == ["24"])
            // The rows download as XLSX and CSV; listing teachers is audited.
            let xlsx = try await request(app, .GET, "api/v1/supervision/indicators/teachers-dual-qualified/rows?level=city&format=xlsx", city)
            #expect(xlsx.status == .ok && xlsx.body.readableBytes > 100)
            let audited = try await app.sql.select().column("id").from("audit_events").where("action", .equal, "drill_down").all()
            #expect(audited.count >= 3)
            // A dashboard exports too, with the clause and status columns.
            let csv = try await request(app, .GET, "api/v1/supervision/dashboard?level=city&format=csv", city)
            #expect(bodyString(csv).contains("teachers-dual-qualified") && bodyString(csv).contains("未达成 not met"))
        }
    }

    /// "Which schools are short?": the city's rows summed by school, worst first, judged against
    /// the share target; "only those short" filters schools and rows, on the page and in the export.
    @Test func theDrillDownListsSchoolsWorstFirst() async throws {
        try await withFixture { app, f in
            try await load(app, f)
            let city = f.token(.cityAdmin)
            let res = try await request(app, .GET, "api/v1/supervision/indicators/teachers-dual-qualified/rows?level=city", city)
            let drill = try res.content.decode(SupervisionAPIController.DrillDownBody.self)
            // A: 2 of 3 dual-qualified, B: 1 of 2 — B first.
            #expect(drill.schools.map(\.code) == ["TEST-B", "TEST-A"])
            #expect(drill.schools.map { "\($0.numerator)/\($0.denominator ?? 0)" } == ["1/2", "2/3"])
            #expect(drill.schools.reduce(0) { $0 + $1.numerator } == drill.numerator)
            let target = try #require(app.services.indicators["teachers-dual-qualified"]).target.threshold
            for s in drill.schools {
                let value = Fraction(s.numerator, s.denominator ?? 1)
                #expect(s.short == (value < target), "\(s.code)")
                #expect(s.gap.flatMap { Fraction(exact: $0.exact) } == (value < target ? target - value : Fraction(0)))
            }
            let short = try await request(app, .GET, "api/v1/supervision/indicators/teachers-dual-qualified/rows?level=city&short=1", city)
            let onlyShort = try short.content.decode(SupervisionAPIController.DrillDownBody.self)
            #expect(onlyShort.rows.allSatisfy(\.short) && onlyShort.schools.allSatisfy(\.short))
            #expect(onlyShort.schools.count == drill.schools.filter(\.short).count)
            // The page: the schools' table links each school's dashboard; the export link keeps the filter.
            let page = bodyString(try await request(app, .GET, "supervision/indicators/teachers-dual-qualified?level=city&short=1", city))
            #expect(page.contains(#"id="schools""#) && page.contains("/supervision/schools/TEST-B?period="))
            #expect(page.contains("short=1&amp;format=xlsx") || page.contains("short=1&format=xlsx"))
            // The XLSX opens on the schools, worst first.
            let xlsx = try await request(app, .GET, "api/v1/supervision/indicators/teachers-dual-qualified/rows?level=city&format=xlsx", city)
            let first = try TableReader.read(Data(buffer: xlsx.body))
            #expect(first.header.first == "机构代码 code" && first.rows.map { $0[0] } == ["TEST-B", "TEST-A"])
            // A school's own drill-down has no by-school table.
            let own = bodyString(try await request(app, .GET, "supervision/indicators/teachers-dual-qualified?level=school&code=TEST-A", city))
            #expect(!own.contains(#"id="schools""#))
        }
    }

    @Test func snapshotsGiveTrendsAndTwoPeriodsCompare() async throws {
        try await withFixture { app, f in
            try await load(app, f)
            let city = f.token(.cityAdmin)
            // 2022Q4, recorded late: studios dated by 2022-12-31 are two; spending ¥300.00; one campus.
            let taken = try await request(app, .POST, "api/v1/supervision/snapshots", city, body: ["period": "2022Q4"])
            #expect(taken.status == .ok)
            let then = try await dashboard(app, city, "level=city&period=2022Q4")
            #expect(share(then["master-teacher-studios"]) == "2" && share(then["cumulative-investment"]) == "30000")
            #expect(then["smart-campus-5g"]?.numerator == 1)
            #expect(then["master-teacher-studios"]?.status == "at_risk")   // 2 of 20 at the deadline quarter, one period only
            // Now: three studios, and the snapshot at the deadline says it was not reached then.
            let now = try await dashboard(app, city, "level=city")
            #expect(now["master-teacher-studios"]?.reachedByDeadline == false)
            #expect(now["master-teacher-studios"]?.trend.map(\.period) == ["2022Q4", SupervisionDashboard.currentPeriod().description])
            // Comparing is one call.
            let cmp = try await request(app, .GET, "api/v1/supervision/compare?from=2022Q4&to=\(SupervisionDashboard.currentPeriod())", city)
            #expect(cmp.status == .ok)
            let rows = Dictionary(uniqueKeysWithValues: try cmp.content.decode(SupervisionAPIController.ComparisonBody.self).indicators.map { ($0.indicator, $0) })
            #expect(rows["master-teacher-studios"]?.change?.exact == "1")
            #expect(rows["cumulative-investment"]?.change?.exact == "12345")
            // A quarter with no snapshot has no data; the future and bad input are refused naming the field.
            let empty = try await dashboard(app, city, "level=city&period=2021Q1")
            #expect(empty["master-teacher-studios"]?.status == "no_data")
            let future = try await request(app, .GET, "api/v1/supervision/dashboard?period=\(SupervisionDashboard.currentPeriod().advanced(by: 1))", city)
            #expect(future.status == .unprocessableEntity && bodyString(future).contains("period"))
            let badLevel = try await request(app, .GET, "api/v1/supervision/dashboard?level=province", city)
            #expect(badLevel.status == .unprocessableEntity && bodyString(badLevel).contains("level"))
            // Only the city records snapshots.
            let denied = try await request(app, .POST, "api/v1/supervision/snapshots", f.token(.districtAdmin), body: ["period": "2022Q4"])
            #expect(denied.status == .forbidden)
        }
    }

    @Test func dashboardsAndRowsFollowTheCallersScope() async throws {
        try await withFixture { app, f in
            try await load(app, f)
            func status(_ role: Role, _ path: String) async throws -> HTTPStatus { try await request(app, .GET, path, f.token(role)).status }
            #expect(try await status(.teacher, "api/v1/supervision/dashboard") == .forbidden)
            #expect(try await status(.enterprise, "api/v1/supervision/dashboard") == .forbidden)
            #expect(try await status(.districtAdmin, "api/v1/supervision/dashboard") == .ok)
            #expect(try await status(.districtAdmin, "api/v1/supervision/dashboard?level=district&code=\(Fixture.districtA)") == .ok)
            #expect(try await status(.districtAdmin, "api/v1/supervision/dashboard?level=district&code=\(Fixture.districtB)") == .notFound)
            #expect(try await status(.districtAdmin, "api/v1/supervision/dashboard?level=school&code=TEST-B") == .notFound)
            #expect(try await status(.districtAdmin, "api/v1/supervision/indicators/teachers-dual-qualified/rows?level=city") == .forbidden)
            #expect(try await status(.districtAdmin, "api/v1/supervision/indicators/teachers-dual-qualified/rows?level=school&code=TEST-C") == .ok)
            #expect(try await status(.schoolAdmin, "api/v1/supervision/indicators/teachers-dual-qualified/rows?level=school&code=TEST-A") == .ok)
            #expect(try await status(.schoolAdmin, "api/v1/supervision/indicators/teachers-dual-qualified/rows?level=school&code=TEST-B") == .notFound)
            #expect(try await status(.schoolAdmin, "api/v1/supervision/dashboard?level=school&code=TEST-B") == .notFound)
            #expect(try await status(.cityAdmin, "api/v1/supervision/indicators/no-such-indicator/rows") == .notFound)
            #expect(try await status(.cityAdmin, "api/v1/supervision/indicators/master-teacher-studios/rows?level=school&code=TEST-A") == .unprocessableEntity)
        }
    }

    func unitToken(_ app: Application, unit: String) async throws -> String {
        let hash = try await app.password.async.hash(Fixture.password)
        try await User(username: "unit", displayName: unit, passwordHash: hash, scope: CallerScope(role: .responsibleUnit, unit: unit)).create(on: app.db)
        var token = ""
        try await app.testing().test(.POST, "api/v1/auth/tokens", beforeRequest: { try $0.content.encode(["username": "unit", "password": Fixture.password]) },
                                     afterResponse: { token = try $0.content.decode(AuthAPIController.TokenResponse.self).token })
        return token
    }

    @Test func aUnitReportsOnItsOwnTasksAndTheCityReviews() async throws {
        try await withFixture { app, f in
            let unit = try await unitToken(app, unit: "市人力资源社会保障局")
            let city = f.token(.cityAdmin)
            let mine = try await request(app, .GET, "api/v1/work-tasks", unit)
            let tasks = try mine.content.decode([WorkListAPIController.TaskBody].self)
            #expect(tasks.count == app.services.workList.tasks(of: "市人力资源社会保障局").count && tasks.count > 10)
            #expect(tasks.allSatisfy { $0.units.contains("市人力资源社会保障局") })
            let all = try await request(app, .GET, "api/v1/work-tasks", city)
            #expect(try all.content.decode([WorkListAPIController.TaskBody].self).count == 67)
            #expect(try await request(app, .GET, "api/v1/work-tasks/C1", unit).status == .notFound)
            #expect(try await request(app, .GET, "api/v1/work-tasks", f.token(.teacher)).status == .forbidden)

            // Bad input: every problem named, nothing stored.
            let bad = try await request(app, .POST, "api/v1/work-tasks/C25/reports", unit, body: WorkListAPIController.ReportRequest(
                text: " ", percent: 101, unit: nil,
                evidence: [.init(fileName: "../x.exe", contentType: "application/x-msdownload", contentBase64: "%%%")]))
            #expect(bad.status == .unprocessableEntity)
            for field in ["text", "percent", "evidence[0].fileName", "evidence[0].contentType", "evidence[0].contentBase64"] {
                #expect(bodyString(bad).contains("\"\(field)\""), "\(field)")
            }
            #expect(try await app.count("work_reports") == 0)
            // A good report with evidence; the file comes back with its SHA-256.
            let content = Data("进展说明：已印发通知。".utf8)
            let ok = try await request(app, .POST, "api/v1/work-tasks/C25/reports", unit, body: WorkListAPIController.ReportRequest(
                text: "已印发通知", percent: 100, unit: nil,
                evidence: [.init(fileName: "通知.txt", contentType: "text/plain", contentBase64: content.base64EncodedString())]))
            #expect(ok.status == .created)
            let shown = try await request(app, .GET, "api/v1/work-tasks/C25", unit)
            let task = try shown.content.decode(WorkListAPIController.TaskBody.self)
            let report = try #require(task.reports?.first)
            let digest = SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
            #expect(report.unit == "市人力资源社会保障局" && report.review == .pending && report.evidence.first?.sha256 == digest)
            #expect(task.standing == "overdue")          // due 2022Q4, not yet accepted
            let file = try await request(app, .GET, "api/v1/work-reports/\(report.id)/evidence/\(try #require(report.evidence.first?.id))", unit)
            #expect(Data(buffer: file.body) == content && file.headers.first(name: "X-Content-SHA256") == digest)

            // Review: the unit cannot; returning needs a reason; accepting makes the task done; once only.
            #expect(try await request(app, .POST, "api/v1/work-reports/\(report.id)/review", unit, body: ["decision": "accepted"]).status == .forbidden)
            let noReason = try await request(app, .POST, "api/v1/work-reports/\(report.id)/review", city, body: ["decision": "returned"])
            #expect(noReason.status == .unprocessableEntity && bodyString(noReason).contains("comment"))
            // Twenty reviewers at once: exactly one decides, the rest are told it is decided, and
            // only the decision has an audit row.
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for i in 0..<20 {
                    group.addTask { try await request(app, .POST, "api/v1/work-reports/\(report.id)/review", city, body: ["decision": i % 2 == 0 ? "accepted" : "returned", "comment": "第\(i)位"]).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 19)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "work_report").filter(\.$action == "review").count() == 1)
            let decided = try await request(app, .GET, "api/v1/work-tasks/C25", unit).content.decode(WorkListAPIController.TaskBody.self)
            if decided.reports?.first?.review == .returned {
                // A returned report leaves the task open: report again and accept, to go on.
                let again = try await request(app, .POST, "api/v1/work-tasks/C25/reports", unit, body: WorkListAPIController.ReportRequest(text: "已整改", percent: 100, unit: nil, evidence: nil))
                let id = try again.content.decode([String: UUID].self)["id"]
                #expect(try await request(app, .POST, "api/v1/work-reports/\(try #require(id))/review", city, body: ["decision": "accepted"]).status == .ok)
            }
            let done = try await request(app, .GET, "api/v1/work-tasks?standing=done", city)
            #expect(try done.content.decode([WorkListAPIController.TaskBody].self).map(\.id) == ["C25"])
            // The city reports for a unit only when it names one of the task's units.
            let wrongUnit = try await request(app, .POST, "api/v1/work-tasks/C25/reports", city, body: WorkListAPIController.ReportRequest(text: "x", percent: 5, unit: "市财政局", evidence: nil))
            #expect(wrongUnit.status == .unprocessableEntity && bodyString(wrongUnit).contains("unit"))
        }
    }

    @Test func fundingCalculatorsAnswerInFenAndNameBadFields() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin)
            let credit = try await request(app, .POST, "api/v1/funding/investment-credit", city, body: FundingAPIController.CreditRequest(years: [
                .init(investmentFen: 200_000_000, educationSurchargeDueFen: 30_000_000, localEducationSurchargeDueFen: 20_000_000),
                .init(investmentFen: 0, educationSurchargeDueFen: 8_000_000, localEducationSurchargeDueFen: 5_000_000),
            ]))
            let years = try credit.content.decode([InvestmentCredit].self)
            #expect(years.map(\.carriedForward) == [10_000_000, 0] && years[1].localEducationSurchargePayable == 3_000_000)
            let low = try await request(app, .POST, "api/v1/funding/training-base-grant", city, body: FundingAPIController.GrantRequest(places: 10, ratePerPlaceFen: 500_000))
            #expect(low.status == .unprocessableEntity && bodyString(low).contains("ratePerPlaceFen"))
            let pay = try await request(app, .POST, "api/v1/funding/social-training-pay", city, body: FundingAPIController.TrainingIncomeRequest(incomeFen: 50_000_000, directCostsFen: 18_000_000))
            #expect(try pay.content.decode(SocialTrainingPerformancePay.self).performancePayOutsideCap == 19_200_000)
            try await load(app, f)
            let plan = try await request(app, .GET, "api/v1/funding/investment-plan", city)
            let body = try plan.content.decode(FundingAPIController.PlanBody.self)
            #expect(body.cumulativeFen == 42345 && body.byPlanYearFen == 30000 && !body.metByPlanYear)
            #expect(try await request(app, .GET, "api/v1/funding/investment-plan", f.token(.teacher)).status == .forbidden)
        }
    }

    @Test func pagesShowStatusTrendsRowsAndTasks() async throws {
        try await withFixture { app, f in
            try await load(app, f)
            let city = f.token(.cityAdmin)
            _ = try await request(app, .POST, "api/v1/supervision/snapshots", city, body: ["period": "2022Q4"])
            let page = try await request(app, .GET, "supervision", city)
            let html = bodyString(page)
            #expect(page.status == .ok && html.contains("id=\"indicators\""))
            #expect(html.contains("status status-not_met") && html.contains("（五）") && html.contains("class=\"spark\""))
            #expect(html.contains("/supervision/indicators/teachers-dual-qualified?level=city"))
            // A district administrator lands on the district's page; a school's admin on the school's.
            let district = try await request(app, .GET, "supervision", f.token(.districtAdmin))
            #expect(district.status == .seeOther && district.headers.first(name: .location) == "/supervision/districts/\(Fixture.districtA)")
            // The district's page lists its schools, each linked to its dashboard.
            let districtPage = bodyString(try await request(app, .GET, "supervision/districts/\(Fixture.districtA)", f.token(.districtAdmin)))
            #expect(districtPage.contains(#"id="district-schools""#) && districtPage.contains("/supervision/schools/TEST-A?period="))
            // Filtered by state, and worst first.
            let notMet = bodyString(try await request(app, .GET, "supervision?status=not_met", city))
            #expect(notMet.contains(#"class="status status-not_met""#) && !notMet.contains(#"class="status status-met""#))
            let worst = bodyString(try await request(app, .GET, "supervision?order=worst", city))
            let firstStatus = worst.components(separatedBy: #"<tbody>"#).dropFirst().first?.components(separatedBy: #"class="status status-"#).dropFirst().first?.prefix(while: { $0 != "\"" })
            #expect(firstStatus == "not_met")
            let school = try await request(app, .GET, "supervision/schools/TEST-A", f.token(.schoolAdmin))
            #expect(school.status == .ok && bodyString(school).contains("2/3"))
            let rows = try await request(app, .GET, "supervision/indicators/teachers-dual-qualified?level=school&code=TEST-A&short=1", f.token(.schoolAdmin))
            #expect(rows.status == .ok && bodyString(rows).contains("T2") && !bodyString(rows).contains(">T1<"))
            let compare = try await request(app, .GET, "supervision/compare?from=2022Q4&to=\(SupervisionDashboard.currentPeriod())", city)
            #expect(compare.status == .ok && bodyString(compare).contains("id=\"comparison\""))
            // Money in 元 as the dashboard shows it (¥300.00 by 2022Q4, ¥423.45 now), never raw fen or a bare ¥ figure.
            #expect(bodyString(compare).contains("300.00 元") && bodyString(compare).contains("423.45 元") && html.contains("423.45 元"))
            #expect(!bodyString(compare).contains("¥") && !html.contains("¥"))
            let tasks = try await request(app, .GET, "work-tasks?list=city&standing=", city)
            #expect(tasks.status == .ok && bodyString(tasks).contains("/work-tasks/C54") && !bodyString(tasks).contains("/work-tasks/M1\""))
            let task = try await request(app, .GET, "work-tasks/C25", city)
            #expect(task.status == .ok && bodyString(task).contains("id=\"report-form\"") && bodyString(task).contains("市人力资源社会保障局"))
            #expect(try await request(app, .GET, "supervision", f.token(.teacher)).status == .forbidden)
        }
    }

    /// Each count indicator counts its own kind only: kind n of the catalogue gets n + 1
    /// entries dated 2022-06-30 (before every deadline), one more dated after the period
    /// judged (2022Q3), and the dashboard of 2022Q3 shows exactly n + 1 for each.
    @Test func everyCountIndicatorCountsItsOwnDesignations() async throws {
        try await withFixture { app, f in
            let catalogue = app.services.indicators
            var rows: [FieldValues] = []
            var expected: [String: Int] = [:]
            for (n, indicator) in catalogue.indicators.enumerated() {
                guard case .designations(let kind) = indicator.measure else { continue }
                #expect(DesignationKind(rawValue: kind) != nil, "the registry knows \(kind)")
                let school = kind == DesignationKind.smartCampus5G.rawValue || kind == DesignationKind.nationalQualitySecondarySchool.rawValue ? "TEST-B" : nil
                for i in 0...(n + 1) {
                    var row: FieldValues = ["code": "K\(n)-\(i)", "kind": kind, "name": "\(kind) \(i)", "designatedOn": i == n + 1 ? "2022-10-01" : "2022-06-30"]
                    if let school { row["institutionCode"] = school }
                    rows.append(row)
                }
                expected[indicator.id] = n + 1
            }
            #expect(expected.count == 20)   // every count indicator; the 5G campus is a share of schools
            try await Fixture.write(DesignationResource.self, app, CallerScope(role: .cityAdmin), rows)
            _ = try await request(app, .POST, "api/v1/supervision/snapshots", f.token(.cityAdmin), body: ["period": "2022Q3"])
            let board = try await dashboard(app, f.token(.cityAdmin), "level=city&period=2022Q3")
            for (id, count) in expected {
                let e = try #require(board[id])
                #expect(e.numerator == count, "\(id)")
                let indicator = try #require(catalogue[id])
                let met = indicator.target.isMet(by: .init(count))
                #expect((e.status == "met") == met, "\(id): \(count) against \(indicator.target)")
            }
        }
    }
}
