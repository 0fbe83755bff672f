@testable import App
import Foundation
import Registry
import Spreadsheet
import SQLKit
import Testing
import Vapor
import VaporTesting

/// A registry list as people use it: the search box finds a student by 学号 as well as by name,
/// columns order the list both ways, a page number past the end lands on the last page, and an
/// empty result says so with a way back.
@Suite("Registry lists: search by number, ordering, paging, empty states")
struct RegistryListTests {
    func studentNumbers(_ app: Application, _ token: String, _ query: String) async throws -> (HTTPStatus, [String], String) {
        var result: (HTTPStatus, [String], String) = (.internalServerError, [], "")
        try await app.testing().test(.GET, "api/v1/students?\(query)", headers: .bearer(token)) { res in
            let items = (try? res.content.decode(RecordPage.self).items) ?? []
            result = (res.status, items.compactMap { if case .string(let s) = $0.fields["studentNo"] { s } else { nil } }, bodyString(res))
        }
        return result
    }

    @Test func searchFindsANumberAndColumnsOrderTheList() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin)
            // Four students: S1 and S2 at each of two schools.
            #expect(try await studentNumbers(app, city, "q=S2").1 == ["S2", "S2"])
            #expect(try await studentNumbers(app, city, "q=S").1.count == 4)
            let name = try await app.sql.select().column("name").from("students").where("id", .equal, f.studentsA[0]).first()?.decode(column: "name", as: String.self) ?? ""
            #expect(try await studentNumbers(app, city, "q=\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")").1.contains("S1"))
            // Within scope only: a school's administrator finds only its own S2.
            #expect(try await studentNumbers(app, f.token(.schoolAdmin), "q=S2").1 == ["S2"])
            #expect(try await studentNumbers(app, city, "sort=-studentNo").1 == ["S2", "S2", "S1", "S1"])
            #expect(try await studentNumbers(app, city, "sort=studentNo").1 == ["S1", "S1", "S2", "S2"])
            let refused = try await studentNumbers(app, city, "sort=idNumber")
            #expect(refused.0 == .unprocessableEntity && refused.2.contains("\"sort\""))
        }
    }

    @Test func thePageOrdersJumpsAndSaysWhenNothingMatches() async throws {
        try await withFixture { app, f in
            var city = try await PageBrowser.signIn(app, "test-city_admin")
            let (status, sorted) = try await city.get("registry/students?sort=studentNo&per=1")
            #expect(status == .ok)
            #expect(sorted.contains(#"aria-sort="ascending""#))
            // The header's link turns the order round, and keeps the page size.
            #expect(sorted.contains(#"href="/registry/students?per=1&amp;sort=-studentNo""#) || sorted.contains(#"href="/registry/students?per=1&sort=-studentNo""#))
            #expect(sorted.contains("第 1 / 4 页") && sorted.contains(#"id="page-jump""#))
            // A page past the end: the last one, with the order and size kept.
            var redirect: String?
            try await app.testing().test(.GET, "registry/students?sort=studentNo&per=1&page=99", beforeRequest: { req in
                req.headers.add(name: .cookie, value: "__Host-zhijiao=\(city.cookie)")
            }, afterResponse: { res in redirect = res.headers.first(name: .location) })
            #expect(redirect == "/registry/students?page=4&per=1&sort=studentNo")
            let (_, empty) = try await city.get("registry/students?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA%E4%BA%BA")
            #expect(empty.contains(#"id="empty""#) && empty.contains("没有符合条件的记录") && empty.contains("清除筛选"))
            #expect(!empty.contains(#"id="records""#))
        }
    }

    @Test func theImportTemplateIsForThoseWhoImportAndReadsBackAsTheHeaders() async throws {
        try await withFixture { app, _ in
            var school = try await PageBrowser.signIn(app, "test-school_admin")
            var template: Data?
            try await app.testing().test(.GET, "registry/students/template.xlsx", beforeRequest: { req in
                req.headers.add(name: .cookie, value: "__Host-zhijiao=\(school.cookie)")
            }, afterResponse: { res in
                #expect(res.status == .ok)
                #expect(res.headers.first(name: .contentDisposition)?.contains("students-template.xlsx") == true)
                template = Data(buffer: res.body)
            })
            let table = try TableReader.read(try #require(template))
            #expect(table.header == StudentRecord.fields.map(\.headerZh) && table.rows.isEmpty)
            #expect(try await school.get("registry/students/import").1.contains(#"href="/registry/students/template.xlsx""#))
            var learner = try await PageBrowser.signIn(app, "test-learner")
            #expect(try await learner.get("registry/students/template.xlsx").0 == .forbidden)
        }
    }

    /// A page of a list in the order records were added in, for each scope a list is read in,
    /// comes from an index in that order: the plan has no sort of the rows in scope (SQLite's
    /// temporary B-tree, PostgreSQL's Sort node, with sorting priced out so that the planner
    /// shows whether an index can give the order even on a table of a few rows).
    @Test func aPageInAddedOrderIsReadAlongAnIndexInEveryScope() async throws {
        try await withFixture { app, f in
            let scopes = [
                CallerScope(role: .cityAdmin), CallerScope(role: .districtAdmin, districtCode: Fixture.districtA),
                CallerScope(role: .schoolAdmin, institutionID: f.schoolA), CallerScope(role: .enterprise, enterpriseID: f.enterpriseA),
            ]
            let postgres = app.sql.dialect.name == "postgresql"
            for scope in scopes {
                let plans: [String] = try await app.db.transaction { tx in
                    let sql = tx as! any SQLDatabase
                    func plan<R: RegistryResource>(_: R.Type) async throws -> String? {
                        let reader = RegistryReader<R>(sql: sql, caller: scope)
                        // A caller who sees none of a table reads no index at all.
                        guard reader.filter != .none else { return nil }
                        let select = reader.pageSelect(.init()).query
                        if postgres {
                            try await sql.raw("SET LOCAL enable_sort = off").run()
                            return try await sql.raw("EXPLAIN \(select)").all().map { try $0.decode(column: "QUERY PLAN", as: String.self) }.joined(separator: "\n")
                        }
                        return try await sql.raw("EXPLAIN QUERY PLAN \(select)").all().map { try $0.decode(column: "detail", as: String.self) }.joined(separator: "\n")
                    }
                    return [try await plan(StudentResource.self), try await plan(TeacherResource.self), try await plan(InternshipPostResource.self)].compactMap { $0 }
                }
                #expect(!plans.isEmpty)
                for plan in plans {
                    #expect(!plan.contains(postgres ? "Sort" : "TEMP B-TREE"), "\(scope.role): \(plan)")
                    #expect(plan.contains(postgres ? "Index" : "INDEX"), "\(scope.role): \(plan)")
                }
            }
        }
    }
}
