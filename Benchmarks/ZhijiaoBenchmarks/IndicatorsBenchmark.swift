@testable import App
import Foundation
import Indicators
import Registry
import SQLKit
import Vapor

/// Issue 3's benchmark: a Shenzhen-sized city (300 schools, 40,000 teachers, 500,000
/// students, 20,000 enterprises, their internship posts, designations and spending) stored in
/// SQLite through the registry's write path; then every indicator recomputed from storage for
/// every school, every district and the city, and each judged (status, gap, projection).
/// Prints milliseconds for each run and the median.
enum IndicatorsBenchmark {
    static func run(runs: Int = 7) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhijiao-indicators-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var env = Environment(name: "benchmark", arguments: ["benchmark"])
        env.arguments = ["benchmark"]
        let app = try await Application.make(env)
        app.logger.logLevel = .error
        try await configure(app, storage: .sqlite(path: directory.appendingPathComponent("indicators.sqlite").path), dataKey: Data(repeating: 7, count: 32).base64EncodedString())
        let catalog = app.services.catalog
        let today = CivilDate(date: Date())

        let started = Date()
        let city = DemoCity.generate(scale: .city, seed: 2020, catalog: catalog, thisYear: today.year)
        try await ImportStudentsBenchmark.write(InstitutionResource.self, app, city.institutions)
        try await ImportStudentsBenchmark.write(ProgramClusterResource.self, app, city.clusters)
        try await ImportStudentsBenchmark.write(ProgramResource.self, app, city.programs)
        try await ImportStudentsBenchmark.write(TeacherResource.self, app, city.teachers)
        for chunk in stride(from: 0, to: city.students.count, by: 100_000) {
            try await ImportStudentsBenchmark.write(StudentResource.self, app, Array(city.students[chunk..<min(chunk + 100_000, city.students.count)]))
        }
        try await ImportStudentsBenchmark.write(EnterpriseResource.self, app, city.enterprises)
        try await ImportStudentsBenchmark.write(InternshipPostResource.self, app, city.internshipPosts)
        guard let sql = app.db as? any SQLDatabase else { return }
        let supervision = DemoSupervision.generate(schools: try await DemoSupervision.schools(sql), seed: 2020, today: today)
        try await ImportStudentsBenchmark.write(DesignationResource.self, app, supervision.designations)
        try await ImportStudentsBenchmark.write(SpendingResource.self, app, supervision.spendings)
        let counts = try await ["institutions", "teachers", "students", "enterprises", "internship_posts", "designations", "spendings"].asyncMap { ($0, try await app.count(table: $0)) }
        print("setup: " + counts.map { "\($0.1) \($0.0)" }.joined(separator: ", ") + String(format: " (%.1f s)", Date().timeIntervalSince(started)))

        // MUT: from storage to every indicator judged at every level.
        let services: AppServices = app.services
        let period = SupervisionDashboard.currentPeriod()
        let clock = ContinuousClock()
        var times: [Double] = []
        var summary = ""
        for _ in 0..<runs {
            var evaluated = 0, scopes = 0
            var measuredMs = 0.0
            let elapsed = try await clock.measure {
                let measureStart = clock.now
                let facts = try await IndicatorFacts.measure(sql, catalogue: services.indicators, period: period, quota: services.internshipQuota, catalog: catalog)
                measuredMs = MarketGapBenchmark.milliseconds(clock.now - measureStart)
                for values in facts.measurements.values {
                    scopes += 1
                    for indicator in services.indicators.indicators {
                        guard let value = values[indicator.id] else { continue }
                        _ = IndicatorEvaluator.evaluate(indicator, period: period, current: value)
                        evaluated += 1
                    }
                }
            }
            times.append(MarketGapBenchmark.milliseconds(elapsed))
            summary = String(format: "%d indicator values over %d scopes (schools, districts, city); SQL and assembly %.0f ms", evaluated, scopes, measuredMs)
        }
        times.sort()
        print(summary)
        print("runs (ms): " + times.map { String(format: "%.0f", $0) }.joined(separator: " "))
        print(String(format: "indicators: %.0f ms median, %.0f ms best — every indicator for every school, district and the city (SQLite; aim < 500 ms)", times[times.count / 2], times[0]))
        try await app.asyncShutdown()
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
