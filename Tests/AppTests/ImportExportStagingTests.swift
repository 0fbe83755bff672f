#if canImport(Glibc)
import Glibc
#endif
@testable import App
import Fluent
import Foundation
import Registry
import SQLKit
import Spreadsheet
import Testing
import Vapor
import VaporTesting

/// Issue 13: a long import stages its rows in short transactions and publishes them, with its
/// audit row, in one; a crash before the publish leaves nothing visible; error lists are capped.
@Suite("Import and export: staging and capped errors")
struct ImportExportStagingTests {
    func studentsCSV(_ f: Fixture, seed: UInt64, count: Int, prefix: String) -> Data {
        var people = SyntheticPeople(seed: seed, regionCodes: ["440305"])
        var lines = ["机构代码,学号,姓名,证件号码,性别,专业代码,层次,入学年份,生源"]
        for n in 0..<count {
            lines.append("TEST-A,\(prefix)\(n),学生\(n),\(people.residentID(sex: .female, bornIn: 2006...2007)),女,\(f.programA),高职专科,2025,内地")
        }
        return Data(lines.joined(separator: "\r\n").utf8)
    }

    func importer(_ app: Application, threshold: Int, detail: String = "staged") -> RegistryImporter<StudentResource> {
        let writer = RegistryWriter<StudentResource>(db: app.db, caller: CallerScope(role: .cityAdmin), vault: app.services.vault, catalog: app.services.catalog)
        var importer = RegistryImporter(writer: writer, audit: (app.services.audit, { AuditLog.Entry(actor: "test", action: "import", entity: "students", detail: "\($0.summary) \(detail)") }))
        importer.stagingThreshold = threshold
        return importer
    }

    @Test func aStagedImportPublishesItsRowsWithItsAuditRowAndLeavesNoStaging() async throws {
        try await withFixture { app, f in
            let students = try await app.count("students")
            let rows = try await app.count("audit_events")
            // Threshold 2: five rows are staged on SQLite (PostgreSQL writes them in one transaction).
            let count = try await importer(app, threshold: 2).importFile(studentsCSV(f, seed: 131, count: 5, prefix: "ST"), fileName: "s.csv").inserted
            #expect(count == 5)
            #expect(try await app.count("students") == students + 5)
            #expect(try await app.count("audit_events") == rows + 1)
            let last = try #require(try await AuditEvent.query(on: app.db).sort(\.$seq, .descending).first())
            #expect(last.detail == "5 rows staged")
            #expect(try await AuditLog.verify(on: app.db).firstBroken == nil)
            if app.sql.dialect.name == "sqlite" { #expect(try await ImportStaging.present(on: app.db).isEmpty) }
        }
    }

    /// The duplicate checks run before the write: a file whose student numbers another import
    /// stored in between is rejected whole by the unique index — an import rejection naming the
    /// reason, not a failure — with nothing of it written, staged (threshold 2) or not.
    @Test(arguments: [2, 1_000])
    func aKeyStoredByAnotherImportMeanwhileRejectsTheFileWhole(threshold: Int) async throws {
        try await withFixture { app, f in
            let csv = studentsCSV(f, seed: 135, count: 5, prefix: "MW\(threshold)-")
            var table = try TableReader.read(csv)
            let late = importer(app, threshold: threshold)
            let records = try await late.prepare(&table)
            #expect(try await importer(app, threshold: threshold, detail: "first").importFile(csv, fileName: "s.csv").inserted == 5)
            let students = try await app.count("students")
            let rows = try await app.count("audit_events")
            do {
                _ = try await late.write(records)
                Issue.record("the second write was accepted")
            } catch let error as AppError {
                let errors = try #require(error.rowErrors)
                #expect(errors.total == 1)
                #expect(errors.first.first?.error.reasonEn.contains("during the import") == true)
            }
            #expect(try await app.count("students") == students)
            #expect(try await app.count("audit_events") == rows)
            if app.sql.dialect.name == "sqlite" { #expect(try await ImportStaging.present(on: app.db).isEmpty) }
        }
    }

    /// The rows and the audit row are one transaction: an audit row the database refuses
    /// takes the import's rows with it, and the staging table is dropped.
    @Test func anImportWhoseAuditRowFailsLeavesNoRows() async throws {
        try await withFixture { app, f in
            let students = try await app.count("students")
            if app.sql.dialect.name == "postgresql" {
                try await app.sql.raw("CREATE FUNCTION refuse_import_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END; $$ LANGUAGE plpgsql").run()
                try await app.sql.raw("CREATE TRIGGER refuse_import_audit BEFORE INSERT ON audit_events FOR EACH ROW WHEN (NEW.action = 'import') EXECUTE FUNCTION refuse_import_audit()").run()
            } else {
                try await app.sql.raw("CREATE TRIGGER refuse_import_audit BEFORE INSERT ON audit_events WHEN NEW.action = 'import' BEGIN SELECT RAISE(ABORT, 'refused'); END").run()
            }
            await #expect(throws: (any Error).self) {
                _ = try await importer(app, threshold: 2).importFile(studentsCSV(f, seed: 132, count: 6, prefix: "SF"), fileName: "s.csv")
            }
            #expect(try await app.count("students") == students)
            if app.sql.dialect.name == "sqlite" { #expect(try await ImportStaging.present(on: app.db).isEmpty) }
        }
    }

    /// A process killed after staging and before publishing leaves rows in a staging table
    /// only: the registry does not show them, and the next import drops the table.
    @Test func aCrashBeforePublishingLeavesNoVisibleRowsAndIsCleanedUp() async throws {
        try await withFixture { app, f in
            guard app.sql.dialect.name == "sqlite" else { return }
            let students = try await app.count("students")
            let writer = RegistryWriter<StudentResource>(db: app.db, caller: CallerScope(role: .cityAdmin), vault: app.services.vault, catalog: app.services.catalog)
            // What a killed import leaves: its rows staged, never published.
            let table = try TableReader.read(studentsCSV(f, seed: 133, count: 7, prefix: "SC"))
            let (fields, headers) = try RegistryImporter<StudentResource>.columns(of: table)
            let inputs = table.rows.enumerated().map { i, cells in
                var values = FieldValues()
                for (c, field) in fields.enumerated() { if let field, c < cells.count { values[field] = cells[c] } }
                return RegistryWriter<StudentResource>.Input(values: values, row: i + 2, headers: headers)
            }
            guard case .ready(let records) = try await writer.prepare(inputs) else { Issue.record("fixture rows rejected"); return }
            let staging = try await writer.stage(records)
            #expect(try await app.count(staging.name) == 7)
            #expect(try await app.count("students") == students)
            // A table left by a process that is gone (pid beyond the kernel's range).
            let orphan = "\(ImportStaging.prefix)999999999_\(Int(Date().timeIntervalSince1970))_dead"
            try await app.sql.raw("CREATE TABLE \(ident: orphan) (id)").run()
            // This process's own staging is left alone (it may be an import under way) …
            let cleaned = try await ImportStaging.dropStale(on: app.db)
            #expect(cleaned == 1)
            let left = try await ImportStaging.present(on: app.db).map(\.name)
            #expect(left == [staging.name])
            // … until its process is gone too (here: said to be), as after a crash.
            let afterCrash = try await ImportStaging.dropStale(on: app.db, isAlive: { _ in false })
            #expect(afterCrash == 1)
            #expect(try await ImportStaging.present(on: app.db).isEmpty)
            #expect(try await app.count("students") == students)
            // The same file imports whole afterwards.
            let count = try await importer(app, threshold: 2).importFile(studentsCSV(f, seed: 133, count: 7, prefix: "SC"), fileName: "s.csv").inserted
            #expect(count == 7)
            #expect(try await app.count("students") == students + 7)
        }
    }

    /// The next start of the server removes a dead import's staging table without waiting for
    /// the next import; a table of a live process (this one) stays.
    @Test func theNextStartDropsADeadImportsStagingTable() async throws {
        guard !TestDatabase.usesPostgres else { return }
        let database = try await TestDatabase.make()
        let now = Int(Date().timeIntervalSince1970)
        let dead = "\(ImportStaging.prefix)999999999_\(now)_dead"
        let live = "\(ImportStaging.prefix)\(getpid())_\(now)_live"
        func start(_ body: (Application) async throws -> Void) async throws {
            let app = try await Application.make(.testing)
            do {
                try await configure(app, storage: database.storage, dataKey: testDataKey)
                try await body(app)
            } catch { try? await app.asyncShutdown(); await database.drop(); throw error }
            try await app.asyncShutdown()
        }
        try await start { app in
            for name in [dead, live] { try await app.sql.raw("CREATE TABLE \(ident: name) (id)").run() }
        }
        try await start { app in
            let left = try await ImportStaging.present(on: app.db).map(\.name)
            #expect(left == [live])
        }
        await database.drop()
    }

    /// A file with more errors than are reported keeps the first 1,000 in full, in row order,
    /// and counts the rest; the API answers the same.
    @Test func rowErrorsAreCappedAndCounted() async throws {
        try await withFixture { app, f in
            var people = SyntheticPeople(seed: 134, regionCodes: ["440305"])
            var lines = ["机构代码,学号,姓名,证件号码,性别,专业代码,层次,入学年份,生源"]
            for n in 0..<1_500 {
                // Two errors a row: the year and the origin.
                lines.append("TEST-A,SE\(n),学生\(n),\(people.residentID(sex: .female, bornIn: 2006...2007)),女,\(f.programA),高职专科,1900,火星")
            }
            let data = Data(lines.joined(separator: "\n").utf8)
            var counted = 0
            do {
                _ = try await importer(app, threshold: 4_000).importFile(data, fileName: "bad.csv")
                Issue.record("a bad file was imported")
            } catch let error as AppError {
                let (first, total) = try #require(error.rowErrors)
                counted = total
                // At least the two planted errors a row, every row alike.
                #expect(total >= 3_000 && total % 1_500 == 0)
                #expect(first.count == AppError.reportedRowErrors)
                #expect(first.first?.row == 2)
                #expect(first.map(\.row) == first.map(\.row).sorted())
                #expect(first.last?.row == 1 + (AppError.reportedRowErrors + total / 1_500 - 1) / (total / 1_500))
            }
            let students = try await app.count("students")
            var result: TestingHTTPResponse?
            try await app.testing().test(.POST, "api/v1/students/import", headers: .bearer(f.token(.cityAdmin)), beforeRequest: { req in
                req.headers.contentType = .init(type: "text", subType: "csv")
                req.body = ByteBuffer(data: data)
            }, afterResponse: { result = $0 })
            let res = try #require(result)
            #expect(res.status == .unprocessableEntity)
            let problem = try res.content.decode(Problem.self)
            #expect(problem.errors?.count == 1_000)
            #expect(problem.detail?.contains(" errors (the first 1000 listed)") == true)
            #expect(try await app.count("students") == students)
            let audit = try #require(try await AuditEvent.query(on: app.db).sort(\.$seq, .descending).first())
            // The audit row counts every error, not the 1,000 kept.
            #expect(audit.outcome == "rejected" && audit.detail.hasPrefix("\(counted) errors in ") && audit.detail.hasSuffix("nothing written"))
        }
    }

    /// The collector keeps the smallest rows whatever order errors arrive in.
    @Test func theCollectorKeepsTheFirstRowsInOrder() {
        var collector = RowErrorCollector(keep: 3)
        for row in [9, 4, 7, 2, 8, 3, 6, 5, 10, 11] {
            collector.add([RowError(row: row, column: "c", error: FieldError(field: "f", zh: "错", en: "wrong"))])
        }
        #expect(collector.total == 10)
        #expect(collector.first.map(\.row) == [2, 3, 4])
        guard case .importRejectedInPart(let first, let total) = collector.rejection else { Issue.record("not capped"); return }
        #expect(first.count == 3 && total == 10)
    }
}
