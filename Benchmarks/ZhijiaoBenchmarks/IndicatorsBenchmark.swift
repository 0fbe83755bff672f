import App
import Foundation
import Indicators
import Registry
import SQLKit
import Vapor

/// Issue 3's benchmark: a Shenzhen-sized city (300 schools, 40,000 teachers, 500,000
/// students, 20,000 enterprises, their internship posts, designations and spending) imported
/// into SQLite as `zhijiao import` does, with the quarterly indicator snapshots from 2021Q1 to
/// this quarter the demo records. Then, as `GET /api/v1/supervision/dashboard` does for the
/// current quarter, for every scope (each school, each district, the city): the live measurement
/// from the registry (once for all scopes, as one request measures), the scope's snapshot
/// history read from `indicator_snapshots`, and every indicator judged with that history
/// (status, gap, trend, linear projection to the deadline). Prints milliseconds per run and
/// the median.
enum IndicatorsBenchmark {
    static func run(runs: Int = 7) async throws {
        let db = try await BenchmarkDatabase.make("indicators")
        let app = db.app
        let services: AppServices = app.services
        let today = CivilDate(date: Date())

        let started = Date()
        let city = DemoCity.generate(scale: .city, seed: 2020, catalog: services.catalog, thisYear: today.year)
        try await db.load("institutions", InstitutionRecord.fields, city.institutions)
        try await db.load("program-clusters", ProgramClusterRecord.fields, city.clusters)
        try await db.load("programs", ProgramRecord.fields, city.programs)
        try await db.load("teachers", TeacherRecord.fields, city.teachers)
        try await db.load("students", StudentRecord.fields, city.students)
        try await db.load("enterprises", EnterpriseRecord.fields, city.enterprises)
        try await db.load("internship-posts", InternshipPostRecord.fields, city.internshipPosts)
        let sql = try db.sql
        let supervision = DemoSupervision.generate(schools: try await DemoSupervision.schools(sql), seed: 2020, today: today)
        try await db.load("designations", DesignationRecord.fields, supervision.designations)
        try await db.load("spendings", SpendingRecord.fields, supervision.spendings)
        try await DemoSupervision.recordHistory(app)
        var counts: [String] = []
        for table in ["institutions", "teachers", "students", "enterprises", "internship_posts", "designations", "spendings", "indicator_snapshots"] {
            counts.append("\(try await db.count(table: table)) \(table)")
        }
        print("setup: " + counts.joined(separator: ", ") + String(format: " (%.1f s)", Date().timeIntervalSince(started)))

        // MUT: the dashboard's work for every scope: measure live, read each scope's history, judge.
        let period = SupervisionDashboard.currentPeriod()
        let clock = ContinuousClock()
        var times: [Double] = []
        var summary = ""
        for _ in 0..<runs {
            var evaluated = 0, scopes = 0, projected = 0
            var measuredMs = 0.0
            let elapsed = try await clock.measure {
                let measureStart = clock.now
                let facts = try await IndicatorFacts.measure(sql, catalogue: services.indicators, period: period, quota: services.internshipQuota, catalog: services.catalog)
                measuredMs = milliseconds(clock.now - measureStart)
                for scope in facts.measurements.keys {
                    let dashboard = try await SupervisionDashboard.build(scope: scope, scopeName: scope.code, period: period, facts: facts,
                                                                         catalogue: services.indicators, sql: sql)
                    scopes += 1
                    evaluated += dashboard.evaluations.count
                    projected += dashboard.evaluations.filter { $0.projection != nil }.count
                }
            }
            times.append(milliseconds(elapsed))
            summary = String(format: "%d indicator values judged over %d scopes (schools, districts, city), %d with a projection; live measurement %.0f ms of the run",
                             evaluated, scopes, projected, measuredMs)
            guard projected > 0 else { throw BenchmarkFailure("no projection was computed: the history is missing") }
        }
        print(summary)
        print("runs (ms): " + times.sorted().map { String(format: "%.0f", $0) }.joined(separator: " "))
        print(String(format: "indicators: %.0f ms median, %.0f ms best — every scope's dashboard: live measurement, snapshot history, judgement with projections (SQLite; aim < 500 ms)",
                     median(times), times.min() ?? 0))
        try await db.shutdown()
    }
}
