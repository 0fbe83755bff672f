@testable import App
import Fluent
import Foundation
import Registry
import Spreadsheet
import Testing
import Vapor
import VaporTesting

@Suite("Import and export")
struct ImportExportTests {
    func studentsCSV(_ f: Fixture, rows: [[String]]) -> String {
        let header = "机构代码,学号,姓名,证件号码,性别,专业代码,层次,入学年份,生源"
        return ([header] + rows.map { $0.joined(separator: ",") }).joined(separator: "\r\n")
    }

    func post(_ app: Application, _ path: String, _ token: String, _ data: Data, type: HTTPMediaType) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: .bearer(token), beforeRequest: { req in
            req.headers.contentType = type
            req.body = ByteBuffer(data: data)
        }, afterResponse: { result = $0 })
        return try #require(result)
    }

    @Test func aFileWithBadRowsWritesNothingAndReportsEveryError() async throws {
        try await withFixture { app, f in
            var people = SyntheticPeople(seed: 21, regionCodes: ["440305"])
            let good = people.residentID(sex: .male, bornIn: 2006...2006)
            var badCheck = people.residentID(sex: .male, bornIn: 2006...2006)
            badCheck = String(badCheck.dropLast()) + (badCheck.last == "1" ? "2" : "1")
            let csv = studentsCSV(f, rows: [
                ["TEST-A", "N1", "张伟", good, "男", f.programA, "高职专科", "2025", "内地"],
                ["TEST-A", "N2", "李强", badCheck, "男", f.programA, "高职专科", "2025", "内地"],
                ["TEST-A", "N1", "赵磊", people.residentID(sex: .male, bornIn: 2006...2006), "男", f.programA, "高职专科", "2025", "内地"],
                ["NOPE", "N4", "", good, "男", "999999", "高职专科", "1990", "火星"],
            ])
            let before = try await app.count("students")
            let auditBefore = try await app.count("audit_events")
            let res = try await post(app, "api/v1/students/import", f.token(.cityAdmin), Data(csv.utf8), type: .init(type: "text", subType: "csv"))
            #expect(res.status == .unprocessableEntity)
            let problem = try res.content.decode(Problem.self)
            let errors = problem.errors ?? []
            let cells = Set(errors.map { "\($0.row ?? 0):\($0.column ?? "")" })
            #expect(cells.contains("3:证件号码"))          // check digit
            #expect(cells.contains("4:学号"))              // duplicate student number in the file
            #expect(cells.contains("5:姓名"))              // required
            #expect(cells.contains("5:专业代码"))          // not in the catalogue
            #expect(cells.contains("5:入学年份"))          // out of range
            #expect(cells.contains("5:生源"))              // not in the list
            #expect(errors.contains { $0.row == 3 && $0.reasonEn.contains("check character") })
            #expect(try await app.count("students") == before)
            // Nothing of the file is written; the rejection itself is audited.
            #expect(try await app.count("audit_events") == auditBefore + 1)
        }
    }

    @Test func gb18030AndXLSXFilesImport() async throws {
        try await withFixture { app, f in
            var people = SyntheticPeople(seed: 22, regionCodes: ["440305"])
            let csv = studentsCSV(f, rows: [
                ["TEST-A", "G1", "陈静", people.residentID(sex: .female, bornIn: 2006...2006), "女", f.programA, "高职专科", "2025", "内地"],
            ])
            let gb = try #require(TextDecoding.encodeGB18030(csv))
            #expect(String(data: gb, encoding: .utf8) == nil) // really not UTF-8
            let res = try await post(app, "api/v1/students/import", f.token(.schoolAdmin), gb, type: .init(type: "text", subType: "csv"))
            #expect(res.status == .ok)
            #expect(try res.content.decode(ImportOutcome.self).inserted == 1)

            let hk = people.hongKongID()
            let table = Table(header: ["机构代码", "学号", "姓名", "证件类型", "证件号码", "性别", "专业代码", "层次", "入学年份", "生源"], rows: [
                ["TEST-A", "X1", "何家豪", "香港身份证", hk, "男", f.programA, "高职专科", "2025", "香港"],
                ["TEST-A", "X2", "黄雨萱", "", people.residentID(sex: .female, bornIn: 2006...2006), "女", f.programA, "associate", "2025", "mainland"],
            ])
            let xlsx = try XLSXWriter.write(table)
            let res2 = try await post(app, "api/v1/students/import", f.token(.schoolAdmin), xlsx, type: .init(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
            #expect(res2.status == .ok)
            #expect(try await app.count("students") == 7)
        }
    }

    @Test func exportsAreMaskedAudited() async throws {
        try await withFixture { app, f in
            for format in ["csv", "xlsx"] {
                try await app.testing().test(.GET, "api/v1/students/export?format=\(format)", headers: .bearer(f.token(.cityAdmin))) { res in
                    #expect(res.status == .ok)
                    #expect(res.headers.first(name: .contentDisposition)?.contains("students-") == true)
                    let table = try TableReader.read(Data(buffer: res.body))
                    #expect(table.rows.count == 4)
                    #expect(table.header.contains("证件号码"))
                    let text = table.rows.flatMap { $0 }.joined(separator: " ")
                    for id in f.studentIDNumbersA { #expect(!text.contains(id)) }
                    #expect(text.contains("*"))
                }
            }
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "export").count() == 2)
        }
    }

    @Test func theImporterRejectsAFileWithAMissingColumnBeforeReadingRows() async throws {
        try await withFixture { app, f in
            let res = try await post(app, "api/v1/students/import", f.token(.cityAdmin), Data("机构代码,学号\nTEST-A,1\n".utf8), type: .init(type: "text", subType: "csv"))
            #expect(res.status == .unprocessableEntity)
            let columns = Set(try res.content.decode(Problem.self).errors?.compactMap(\.column) ?? [])
            #expect(columns.isSuperset(of: ["姓名", "证件号码", "专业代码"]))
        }
    }
}
