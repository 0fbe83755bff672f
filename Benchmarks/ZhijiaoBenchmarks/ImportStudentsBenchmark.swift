@testable import App
import Foundation
import Registry
import Spreadsheet
import Vapor

/// Issue 2's benchmark: import 500,000 student rows from a CSV file into SQLite with full
/// validation (check digits, catalogue codes, cross-field rules, references, duplicates in the
/// file and in the database), encryption and blind indexing of every ID number, in one
/// transaction of batched INSERTs. Prints rows per second.
enum ImportStudentsBenchmark {
    static func run(rows: Int) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhijiao-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bench.sqlite").path

        var env = Environment(name: "benchmark", arguments: ["benchmark"])
        env.arguments = ["benchmark"]
        let app = try await Application.make(env)
        app.logger.logLevel = .error
        try await configure(app, storage: .sqlite(path: path), dataKey: Data(repeating: 7, count: 32).base64EncodedString())

        // The city's schools and programs go in first, as they would be in production.
        let started = Date()
        let city = DemoCity.generate(scale: .city, seed: 2020, catalog: app.services.catalog, thisYear: CivilDate(date: Date()).year)
        try await write(InstitutionResource.self, app, city.institutions)
        try await write(ProgramClusterResource.self, app, city.clusters)
        try await write(ProgramResource.self, app, city.programs)
        let students = Array(city.students.prefix(rows))
        let fields = StudentRecord.fields
        let table = Table(header: fields.map(\.headerZh), rows: students.map { row in fields.map { row[$0.name] ?? "" } })
        let csv = Data(CSVWriter.write(table))
        let file = directory.appendingPathComponent("students.csv")
        try csv.write(to: file)
        print("setup: \(city.institutions.count + app.services.catalog.policyInstitutions.count) institutions, \(city.programs.count) programs, \(students.count) students in a \(csv.count / 1_048_576) MiB CSV (\(String(format: "%.1f", Date().timeIntervalSince(started))) s)")

        // MUT: the import, from reading the file to the committed transaction.
        var writer = RegistryWriter<StudentResource>(db: app.db, caller: CallerScope(role: .cityAdmin), vault: app.services.vault, catalog: app.services.catalog)
        let phaseStart = Date()
        let lastPhase = PhaseLog()
        writer.progress = { phase, done, total in lastPhase.note(phase, done: done, total: total, since: phaseStart) }
        let clock = ContinuousClock()
        var imported = 0
        let elapsed = try await clock.measure {
            let data = try Data(contentsOf: file)
            imported = try await RegistryImporter(writer: writer).importFile(data, fileName: "students.csv")
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let stored = try await app.count(table: "students")
        guard stored == imported, imported == students.count else {
            throw BenchmarkError(description: "imported \(imported), stored \(stored), expected \(students.count)")
        }
        print(String(format: "import-students: %d rows in %.2f s = %.0f rows/s (SQLite, full validation, encrypted IDs)", imported, seconds, Double(imported) / seconds))
        try await app.asyncShutdown()
    }

    static func write<R: RegistryResource>(_: R.Type, _ app: Application, _ rows: [FieldValues]) async throws {
        let writer = RegistryWriter<R>(db: app.db, caller: CallerScope(role: .cityAdmin), vault: app.services.vault, catalog: app.services.catalog)
        switch try await writer.prepare(rows.map { RegistryWriter<R>.Input(values: $0) }) {
        case .ready(let records): try await writer.insert(records)
        case .rejected(let errors): throw BenchmarkError(description: "\(R.path): \(errors.prefix(3).map(\.error.message))")
        }
    }

    /// Prints when each phase starts and ends, to show where the time goes.
    final class PhaseLog: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: Set<String> = []

        func note(_ phase: WritePhase, done: Int, total: Int, since start: Date) {
            lock.lock()
            defer { lock.unlock() }
            let key = "\(phase.rawValue) \(done == 0 ? "start" : (done >= total ? "end" : ""))"
            guard done == 0 || done >= total, seen.insert(key).inserted else { return }
            print(String(format: "  %6.2f s  %@", Date().timeIntervalSince(start), key))
        }
    }

    struct BenchmarkError: Error, CustomStringConvertible {
        var description: String
    }
}

extension Application {
    func count(table: String) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return -1 }
        return try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()?.decode(column: "n", as: Int.self) ?? -1
    }
}

import SQLKit
