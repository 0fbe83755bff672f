import App
import Foundation
import Registry
import Vapor

/// Issue 2's benchmark: import 500,000 student rows from a CSV file into SQLite with full
/// validation (check digits, catalogue codes, cross-field rules, references, duplicates in the
/// file and in the database), encryption and blind indexing of every ID number — what
/// `zhijiao import students FILE` does after start-up: read the file and call
/// `RegistryKinds.importFile` (staged in batches, then published in one transaction, with the
/// import's audit row). Prints rows per second.
enum ImportStudentsBenchmark {
    static func run(rows: Int) async throws {
        let db = try await BenchmarkDatabase.make("import")
        let app = db.app

        // The city's schools and programs go in first, as they would be in production.
        let started = Date()
        let city = DemoCity.generate(scale: .city, seed: 2020, catalog: app.services.catalog, thisYear: CivilDate(date: Date()).year)
        try await db.load("institutions", InstitutionRecord.fields, city.institutions)
        try await db.load("program-clusters", ProgramClusterRecord.fields, city.clusters)
        try await db.load("programs", ProgramRecord.fields, city.programs)
        let students = Array(city.students.prefix(rows))
        let csv = BenchmarkDatabase.csv(StudentRecord.fields, students)
        let file = db.directory.appendingPathComponent("students.csv")
        try csv.write(to: file)
        print("setup: \(try await db.count(table: "institutions")) institutions, \(city.programs.count) programs, \(students.count) students in a \(csv.count / 1_048_576) MiB CSV (\(String(format: "%.1f", Date().timeIntervalSince(started))) s)")

        // MUT: the import, from reading the file to the committed transaction.
        let phaseStart = Date()
        let lastPhase = PhaseLog()
        let clock = ContinuousClock()
        var imported = 0
        let elapsed = try await clock.measure {
            guard let data = FileManager.default.contents(atPath: file.path) else { throw BenchmarkFailure("cannot read \(file.path)") }
            imported = try await RegistryKinds.importFile(kind: "students", data: data, fileName: file.path, app: app,
                                                          progress: { phase, done, total in lastPhase.note(phase, done: done, total: total, since: phaseStart) }) {
                AuditLog.Entry(actor: "cli", action: "import", entity: "students", detail: "\($0.summary) from \(file.path)")
            }.inserted
        }
        let seconds = milliseconds(elapsed) / 1_000
        let stored = try await db.count(table: "students")
        guard stored == imported, imported == students.count else {
            throw BenchmarkFailure("imported \(imported), stored \(stored), expected \(students.count)")
        }
        print(String(format: "import-students: %d rows in %.2f s = %.0f rows/s (SQLite, full validation, encrypted IDs, as `zhijiao import students FILE`)", imported, seconds, Double(imported) / seconds))
        try await db.shutdown()
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
}
