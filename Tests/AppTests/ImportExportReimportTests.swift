@testable import App
import Fluent
import Foundation
import Registry
import Spreadsheet
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The Excel round trip of issue 19: a list exported for re-import comes back as an update of
/// the same records — unchanged, it changes nothing; edited, only the edited rows.
@Suite("Import and export: the export for re-import")
struct ImportExportReimportTests {
    static let xlsx = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    func exported(_ app: Application, _ token: String) async throws -> Table {
        var table: Table?
        try await app.testing().test(.GET, "api/v1/students/export?format=xlsx&for=reimport", headers: .bearer(token)) { res in
            #expect(res.status == .ok)
            #expect(res.headers.first(name: .contentDisposition)?.contains("students-reimport-") == true)
            table = try TableReader.read(Data(buffer: res.body))
        }
        return try #require(table)
    }

    func imported(_ app: Application, _ token: String, _ table: Table) async throws -> TestingHTTPResponse {
        let data = try XLSXWriter.write(table)
        var result: TestingHTTPResponse?
        try await app.testing().test(.POST, "api/v1/students/import", headers: .bearer(token), beforeRequest: { req in
            req.headers.contentType = Self.xlsx
            req.body = ByteBuffer(data: data)
        }, afterResponse: { result = $0 })
        return try #require(result)
    }

    func name(_ app: Application, _ id: UUID) async throws -> String? {
        let sql = try #require(app.db as? any SQLDatabase)
        return try await sql.select().column("name").from("students").where("id", .equal, id).first()?.decode(column: "name", as: String.self)
    }

    @Test func anExportImportedBackUnchangedChangesNothing() async throws {
        try await withFixture { app, f in
            let token = f.token(.schoolAdmin)
            let table = try await exported(app, token)
            #expect(table.header.first == "记录编号")
            #expect(table.rows.count == f.studentsA.count)
            // The ids are the records' own; the identity numbers stay masked.
            #expect(Set(table.rows.compactMap { UUID(uuidString: $0[0]) }) == Set(f.studentsA))
            let text = table.rows.flatMap { $0 }.joined(separator: " ")
            for number in f.studentIDNumbersA { #expect(!text.contains(number)) }

            let students = try await app.count("students")
            let res = try await imported(app, token, table)
            #expect(res.status == .ok)
            #expect(try res.content.decode(ImportOutcome.self) == ImportOutcome(inserted: 0, updated: 0, unchanged: f.studentsA.count))
            #expect(try await app.count("students") == students)
            let audit = try await AuditEvent.query(on: app.db).filter(\.$action == "import").all()
            #expect(audit.contains { $0.detail.contains("0 added, 0 changed, \(f.studentsA.count) unchanged") })
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "export").all().contains { $0.detail.contains("for re-import") })
        }
    }

    @Test func anEditedExportUpdatesOnlyTheEditedRowsAndAddsNewOnes() async throws {
        try await withFixture { app, f in
            let token = f.token(.schoolAdmin)
            var table = try await exported(app, token)
            let nameColumn = try #require(table.header.firstIndex(of: "姓名"))
            let numberColumn = try #require(table.header.firstIndex(of: "学号"))
            let idNumberColumn = try #require(table.header.firstIndex(of: "证件号码"))
            let edited = try #require(UUID(uuidString: table.rows[0][0]))
            table.rows[0][nameColumn] = "改名测试"
            // A new row: no record id, a number and identity of its own.
            var people = SyntheticPeople(seed: 404, regionCodes: ["440305"])
            var added = table.rows[1]
            added[0] = ""
            added[numberColumn] = "NEW-1"
            added[idNumberColumn] = people.residentID(sex: .female, bornIn: 2006...2006)
            added[try #require(table.header.firstIndex(of: "性别"))] = "女" // as the number says
            table.rows.append(added)

            let students = try await app.count("students")
            let res = try await imported(app, token, table)
            #expect(res.status == .ok, "\(res.body.string)")
            #expect(try res.content.decode(ImportOutcome.self) == ImportOutcome(inserted: 1, updated: 1, unchanged: f.studentsA.count - 1))
            #expect(try await app.count("students") == students + 1)
            #expect(try await name(app, edited) == "改名测试")

            // The identity of the edited record is still the stored one: its full number reveals as before.
            let sql = try #require(app.db as? any SQLDatabase)
            let row = try #require(try await sql.select().columns("id_cipher", "id_index").from("students").where("id", .equal, edited).first())
            let index = f.studentsA.firstIndex(of: edited).map { f.studentIDNumbersA[$0] }
            #expect(try app.services.vault.open(row.decode(column: "id_cipher", as: String.self)) == index)
        }
    }

    /// Two students exchange 学号; then a new row takes the number an edited row gave up. Each end
    /// state breaks no key, so each file is taken (the swap was refused as "written meanwhile":
    /// the unique index met the first update before the second had moved).
    @Test func editedRowsMayExchangeNumbersAndANewRowTakeOneGivenUp() async throws {
        try await withFixture { app, f in
            let token = f.token(.schoolAdmin)
            var table = try await exported(app, token)
            let numberColumn = try #require(table.header.firstIndex(of: "学号"))
            let idNumberColumn = try #require(table.header.firstIndex(of: "证件号码"))
            try #require(table.rows.count >= 2)
            let (a, b) = (table.rows[0][numberColumn], table.rows[1][numberColumn])
            let ids = try (0..<2).map { try #require(UUID(uuidString: table.rows[$0][0])) }
            let sql = try #require(app.db as? any SQLDatabase)
            func stored(_ id: UUID) async throws -> (number: String, index: String) {
                let row = try #require(try await sql.select().columns("student_no", "id_index").from("students").where("id", .equal, id).first())
                return (try row.decode(column: "student_no", as: String.self), try row.decode(column: "id_index", as: String.self))
            }
            let indexBefore = try await stored(ids[0]).index
            table.rows[0][numberColumn] = b
            table.rows[1][numberColumn] = a
            let swapped = try await imported(app, token, table)
            #expect(swapped.status == .ok, "\(swapped.body.string)")
            #expect(try swapped.content.decode(ImportOutcome.self) == ImportOutcome(inserted: 0, updated: 2, unchanged: f.studentsA.count - 2))
            let afterSwap = [try await stored(ids[0]), try await stored(ids[1])]
            #expect(afterSwap.map(\.number) == [b, a])
            #expect(afterSwap[0].index == indexBefore, "the parked identity index is written back")

            // A new row takes the number the first student gives up.
            var next = try await exported(app, token)
            let first = try #require(next.rows.firstIndex { $0[0] == ids[0].uuidString })
            var added = next.rows[first]
            next.rows[first][numberColumn] = "GIVEN-UP"
            var people = SyntheticPeople(seed: 606, regionCodes: ["440305"])
            added[0] = ""
            added[numberColumn] = b
            added[idNumberColumn] = people.residentID(sex: .female, bornIn: 2006...2006)
            added[try #require(next.header.firstIndex(of: "性别"))] = "女"
            next.rows.append(added)
            let taken = try await imported(app, token, next)
            #expect(taken.status == .ok, "\(taken.body.string)")
            #expect(try taken.content.decode(ImportOutcome.self) == ImportOutcome(inserted: 1, updated: 1, unchanged: f.studentsA.count - 1))
            #expect(try await stored(ids[0]).number == "GIVEN-UP")
            #expect(try await sql.select().column("id").from("students").where("institution_code", .equal, "TEST-A").where("student_no", .equal, b).all().count == 1)
            #expect(try await sql.select().column("id").from("students").where("student_no", .like, "%parked:%").all().isEmpty)
        }
    }

    @Test func recordsOutsideTheCallersScopeOrUnknownIdsRejectTheFileWhole() async throws {
        try await withFixture { app, f in
            let token = f.token(.schoolAdmin)
            var table = try await exported(app, token)
            let nameColumn = try #require(table.header.firstIndex(of: "姓名"))
            table.rows[0][nameColumn] = "不应写入"
            let foreign = try #require(f.studentsB.first)
            var outside = table.rows[1]
            outside[0] = foreign.uuidString
            table.rows.append(outside)
            var garbage = table.rows[2]
            garbage[0] = "not-an-id"
            table.rows.append(garbage)
            var twice = table.rows[2]
            twice[nameColumn] = "两次"
            table.rows.append(twice)

            let foreignName = try await name(app, foreign)
            let res = try await imported(app, token, table)
            #expect(res.status == .unprocessableEntity)
            let errors = try res.content.decode(Problem.self).errors ?? []
            let cells = Set(errors.map { "\($0.row ?? 0):\($0.column ?? "")" })
            let last = table.rows.count + 1
            #expect(cells.contains("\(last - 2):记录编号"))   // another school's student: as if unknown
            #expect(errors.contains { $0.row == last - 2 && $0.reasonEn.contains("no record in your scope") })
            #expect(cells.contains("\(last - 1):记录编号"))   // not an id
            #expect(cells.contains("\(last):记录编号"))       // the same record twice
            #expect(try await name(app, try #require(UUID(uuidString: table.rows[0][0]))) != "不应写入")
            #expect(try await name(app, foreign) == foreignName)
        }
    }

    @Test func aMaskedIdentityThatIsNotTheStoredMaskIsReadAsTyped() async throws {
        try await withFixture { app, f in
            let token = f.token(.schoolAdmin)
            var table = try await exported(app, token)
            let idNumberColumn = try #require(table.header.firstIndex(of: "证件号码"))
            // Row 2's mask on row 1's record: not the stored mask, so read as a number, which it is not.
            table.rows[0][idNumberColumn] = table.rows[1][idNumberColumn]
            let res = try await imported(app, token, table)
            #expect(res.status == .unprocessableEntity)
            let errors = try res.content.decode(Problem.self).errors ?? []
            #expect(errors.contains { $0.row == 2 && $0.column == "证件号码" })
        }
    }

    /// A school moved to another district by a re-imported list takes its people with it: their
    /// scope key follows, so the old district's administrator no longer sees them.
    @Test func aSchoolMovedByReimportTakesItsChildrenWithIt() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin)
            var table: Table?
            try await app.testing().test(.GET, "api/v1/institutions/export?format=xlsx&for=reimport", headers: .bearer(city)) { res in
                table = try TableReader.read(Data(buffer: res.body))
            }
            var institutions = try #require(table)
            let district = try #require(institutions.header.firstIndex(of: "所在区"))
            let row = try #require(institutions.rows.firstIndex { $0[0] == f.schoolA.uuidString })
            institutions.rows[row][district] = Fixture.districtB
            var result: TestingHTTPResponse?
            try await app.testing().test(.POST, "api/v1/institutions/import", headers: .bearer(city), beforeRequest: { req in
                req.headers.contentType = Self.xlsx
                req.body = ByteBuffer(data: try XLSXWriter.write(institutions))
            }, afterResponse: { result = $0 })
            let res = try #require(result)
            #expect(res.status == .ok, "\(res.body.string)")
            #expect(try res.content.decode(ImportOutcome.self).updated == 1)
            let sql = try #require(app.db as? any SQLDatabase)
            let districts = try await sql.select().column("district_code").from("students").where("institution_id", .equal, f.schoolA).all()
                .map { try $0.decode(column: "district_code", as: String.self) }
            #expect(!districts.isEmpty && districts.allSatisfy { $0 == Fixture.districtB })
            try await app.testing().test(.GET, "api/v1/students/\(try #require(f.studentsA.first))", headers: .bearer(f.token(.districtAdmin))) { res in
                #expect(res.status == .notFound)
            }
        }
    }

    @Test func anUnknownForValueIsRefusedByName() async throws {
        try await withFixture { app, f in
            try await app.testing().test(.GET, "api/v1/students/export?format=xlsx&for=everything", headers: .bearer(f.token(.schoolAdmin))) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("\"for\""))
            }
        }
    }
}

/// A workbook as a school office types it in LibreOffice Calc — numbers typed as numbers, the
/// enrolment year typed as a date — imports as it reads on screen.
@Suite("Import: a workbook typed in LibreOffice")
struct ImportLibreOfficeTests {
    @Test func dateCellsAndNumbersTypedInCalcImport() async throws {
        try await withFixture { app, f in
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/libreoffice_students.xlsx")
            let data = try Data(contentsOf: url)
            #expect(f.programA == "410101") // the program the workbook names, offered by school A
            var result: TestingHTTPResponse?
            try await app.testing().test(.POST, "api/v1/students/import", headers: .bearer(f.token(.schoolAdmin)), beforeRequest: { req in
                req.headers.contentType = ImportExportReimportTests.xlsx
                req.body = ByteBuffer(data: data)
            }, afterResponse: { result = $0 })
            let res = try #require(result)
            #expect(res.status == .ok, "\(res.body.string)")
            #expect(try res.content.decode(ImportOutcome.self).inserted == 2)
            let sql = try #require(app.db as? any SQLDatabase)
            let rows = try await sql.select().columns("student_no", "enrolment_year", "program_code").from("students")
                .where("student_no", .in, ["2025001", "2025002"]).orderBy("student_no").all()
            #expect(try rows.map { try $0.decode(column: "student_no", as: String.self) } == ["2025001", "2025002"])
            #expect(try rows.map { try $0.decode(column: "enrolment_year", as: Int.self) } == [2025, 2025])
            #expect(try rows.map { try $0.decode(column: "program_code", as: String.self) } == ["410101", "410101"])
        }
    }
}

/// A rejected upload comes back as the person's own file with an 错误 column, which they fix
/// and upload again as it is.
@Suite("Import: the annotated copy of a rejected file")
struct ImportAnnotatedTests {
    @Test func aRejectedFileComesBackAnnotatedAndImportsOnceFixed() async throws {
        try await withFixture { app, f in
            var people = SyntheticPeople(seed: 505, regionCodes: ["440305"])
            let table = Table(header: ["机构代码", "学号", "姓名", "证件号码", "性别", "专业代码", "层次", "入学年份", "生源"], rows: [
                ["TEST-A", "ANN-1", "郑好", people.residentID(sex: .male, bornIn: 2006...2006), "男", f.programA, "高职专科", "2025", "内地"],
                ["TEST-A", "ANN-2", "钱多", people.residentID(sex: .female, bornIn: 2006...2006), "女", f.programA, "高职专科", "2025", "月球"],
            ])
            var browser = try await PageBrowser.signIn(app, "test-school_admin")
            _ = try await browser.get("registry/students/import")
            let (status, page) = try await browser.upload("registry/students/import", fileName: "students.xlsx", data: try XLSXWriter.write(table))
            #expect(status == .unprocessableEntity)
            let marker = "data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,"
            let start = try #require(page.range(of: marker))
            let encoded = page[start.upperBound...].prefix { $0 != "\"" }
            var annotated = try TableReader.read(try #require(Data(base64Encoded: String(encoded))))
            #expect(annotated.header == table.header + ["错误"])
            #expect(annotated.rows.count == 2)
            #expect(annotated.rows[0].last == "")
            #expect(annotated.rows[1].last?.contains("生源") == true)
            #expect(try await app.count("students") == 4)

            // Fixed where it was typed, uploaded again with its 错误 column still in it.
            annotated.rows[1][8] = "内地"
            _ = try await browser.get("registry/students/import")
            let (again, result) = try await browser.upload("registry/students/import", fileName: "students-errors.xlsx", data: try XLSXWriter.write(annotated))
            #expect(again == .ok)
            #expect(result.contains("已导入 2 行"))
            #expect(try await app.count("students") == 6)
        }
    }
}
