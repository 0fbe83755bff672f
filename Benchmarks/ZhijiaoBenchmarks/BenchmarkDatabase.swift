import App
import Foundation
import Registry
import Spreadsheet
import SQLKit
import Vapor

/// A benchmark's database: a fresh SQLite file configured as the server configures it, with
/// registry rows written the way `zhijiao import KIND FILE` writes them (a CSV file through
/// `RegistryKinds.importFile`: parse, full validation, encryption, audit row). Benchmarks call
/// only what the package exposes (`package` declarations of App), so they build in a plain
/// release build.
struct BenchmarkDatabase {
    let app: Application
    let directory: URL
    let path: String

    static func make(_ name: String) async throws -> BenchmarkDatabase {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhijiao-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var env = Environment(name: "benchmark", arguments: ["benchmark"])
        env.arguments = ["benchmark"]
        let app = try await Application.make(env)
        app.logger.logLevel = .error
        let path = directory.appendingPathComponent("\(name).sqlite").path
        try await configure(app, storage: .sqlite(path: path), dataKey: Data(repeating: 7, count: 32).base64EncodedString())
        return BenchmarkDatabase(app: app, directory: directory, path: path)
    }

    var sql: any SQLDatabase {
        get throws {
            guard let sql = app.db as? any SQLDatabase else { throw BenchmarkFailure("the database does not speak SQL") }
            return sql
        }
    }

    func shutdown() async throws {
        try await app.asyncShutdown()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Imports `rows` of registry kind `kind` (its path, e.g. `students`) as a CSV file, as the
    /// command does; `staging: false` writes one transaction (setup needs no concurrency).
    @discardableResult
    func load(_ kind: String, _ fields: [FieldSpec], _ rows: [FieldValues], chunk: Int = 100_000) async throws -> Int {
        var written = 0
        for start in stride(from: 0, to: rows.count, by: chunk) {
            let part = Array(rows[start..<min(start + chunk, rows.count)])
            written += try await RegistryKinds.importFile(kind: kind, data: Self.csv(fields, part), fileName: "\(kind).csv", app: app, progress: nil, staging: false) {
                AuditLog.Entry(actor: "benchmark", action: "import", entity: kind, detail: $0.summary)
            }.inserted
        }
        guard written == rows.count else { throw BenchmarkFailure("\(kind): imported \(written) of \(rows.count) rows") }
        return written
    }

    /// The registry's CSV form: Chinese headers, one row per record.
    static func csv(_ fields: [FieldSpec], _ rows: [FieldValues]) -> Data {
        Data(CSVWriter.write(Table(header: fields.map(\.headerZh), rows: rows.map { row in fields.map { row[$0.name] ?? "" } })))
    }

    func count(table: String) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()?.decode(column: "n", as: Int.self) ?? -1
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1_000 + Double(d.components.attoseconds) / 1e15
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
