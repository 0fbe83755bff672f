import App
import Foundation
import Matching
import Registry
import SQLKit
import SupplyDemand
import Vapor

/// Issue 6's benchmark: 1,000,000 demand rows and 5,000 programs (three years of graduates
/// each) stored in SQLite through the registry's write path; then the whole city's gap table
/// recomputed from storage — demand summed in SQL, graduates and the occupation map read,
/// the table built for occupation, cluster, district and city, and a signal for every
/// program. Prints milliseconds for each run and the median.
enum MarketGapBenchmark {
    static func run(demandRows: Int, programs programTarget: Int, runs: Int = 7) async throws {
        let db = try await BenchmarkDatabase.make("market")
        let app = db.app
        let catalog = app.services.catalog
        let thisYear = CivilDate(date: Date()).year

        let started = Date()
        var city = DemoCity.generate(scale: .city, seed: 2020, catalog: catalog, thisYear: thisYear)
        city.students = []
        city.teachers = []
        topUpPrograms(&city, to: programTarget, catalog: catalog)
        let market = DemoMarket.generate(city: &city, catalog: catalog, seed: 2020, thisYear: thisYear)
        try await db.load("institutions", InstitutionRecord.fields, city.institutions)
        try await db.load("program-clusters", ProgramClusterRecord.fields, city.clusters)
        try await db.load("programs", ProgramRecord.fields, city.programs)
        try await db.load("enterprises", EnterpriseRecord.fields, city.enterprises)
        try await db.load("program-occupations", OccupationMappingRecord.fields, market.occupationMappings)
        try await db.load("program-years", ProgramYearRecord.fields, market.programYears)
        let programCount = try await db.count(table: "programs")

        // Demand: the demo's mix (mostly occupations the city teaches), scaled to `demandRows`.
        var rng = SplitMix64(seed: 6)
        let taught = Array(Set(market.occupationMappings.compactMap { $0["occupationCode"] })).sorted()
        let groups = catalog.occupations.entries.values.filter { $0.level == "small" }.map(\.code).sorted()
        let skills = DemoMarket.skills
        let clusters = catalog.industryClusters.map(\.code)
        var written = 0
        while written < demandRows {
            let batch = min(100_000, demandRows - written)
            var rows: [FieldValues] = []
            rows.reserveCapacity(batch)
            for n in written..<(written + batch) {
                let enterprise = city.enterprises[n % city.enterprises.count]
                let year = thisYear - n % 3
                var row: FieldValues = [
                    "enterpriseCode": enterprise["creditCode"] ?? "", "title": "岗位\(n)", "occupationCode": rng.chance(0.8) ? rng.pick(taught) : rng.pick(groups),
                    "educationLevel": rng.chance(0.6) ? "associate" : "secondary", "headcount": String(Int.random(in: 1...60, using: &rng)),
                    "periodStart": "\(year)-0\(Int.random(in: 1...9, using: &rng))", "periodEnd": "\(year)-12", "districtCode": enterprise["districtCode"] ?? "",
                    "skills": "\(rng.pick(skills));\(rng.pick(skills))",
                ]
                if rng.chance(0.7) { row["industryCluster"] = rng.pick(clusters) }
                rows.append(row)
            }
            try await db.load("labour-demands", LabourDemandRecord.fields, rows)
            written += batch
        }
        let stored = try await db.count(table: "labour_demands")
        print("setup: \(stored) demand rows, \(programCount) programs, \(market.programYears.count) program-years, \(market.occupationMappings.count) occupation mappings, \(city.enterprises.count) enterprises (\(String(format: "%.1f", Date().timeIntervalSince(started))) s)")
        let sql = try db.sql

        // MUT: from storage to every gap table and every program's signal.
        let clock = ContinuousClock()
        var times: [Double] = []
        var summary = ""
        for _ in 0..<runs {
            var cells = 0, signals = 0, demandTotal = 0
            var phases: (load: Double, tables: Double) = (0, 0)
            let elapsed = try await clock.measure {
                let loadStart = clock.now
                let snapshot = try await MarketSnapshot.load(sql, catalog: catalog)
                phases.load = milliseconds(clock.now - loadStart)
                let tableStart = clock.now
                for dimension in GapDimension.allCases { cells += snapshot.table(dimension).rows.count }
                let programSignals = snapshot.signals
                if let year = programSignals.table.latestYear {
                    signals = programSignals.signals(for: snapshot.supply, year: year).count
                }
                demandTotal = (snapshot.demand[.city] ?? []).reduce(0) { $0 + $1.headcount }
                phases.tables = milliseconds(clock.now - tableStart)
            }
            times.append(milliseconds(elapsed))
            summary = String(format: "%d gap cells over 4 dimensions, %d program signals, demand headcount %d (SQL aggregate %.0f ms, tables and signals %.0f ms)", cells, signals, demandTotal, phases.load, phases.tables)
        }
        times.sort()
        print(summary)
        print("runs (ms): " + times.map { String(format: "%.0f", $0) }.joined(separator: " "))
        print(String(format: "market-gaps: %.0f ms median, %.0f ms best — city gap table from %d demand rows and %d programs (SQLite; aim < 1000 ms)", times[times.count / 2], times[0], stored, programCount))
        try await db.shutdown()
    }

    /// Adds catalogue programs at each school's level, round the schools, until the city runs
    /// `target` programs.
    static func topUpPrograms(_ city: inout DemoCity, to target: Int, catalog: ReferenceCatalog) {
        var running = Dictionary(grouping: city.programs, by: { $0["institutionCode"] ?? "" }).mapValues { Set($0.compactMap { $0["catalogCode"] }) }
        let byLevel = Dictionary(grouping: catalog.programs.entries.values.sorted { $0.code < $1.code }, by: \.level)
        let schools = running.keys.sorted()
        var index = 0
        while city.programs.count < target, !schools.isEmpty {
            let school = schools[index % schools.count]
            index += 1
            guard let first = running[school]?.first, let level = catalog.programs[first]?.level else { continue }
            guard let entry = byLevel[level]?.first(where: { running[school]?.contains($0.code) == false }) else { continue }
            running[school, default: []].insert(entry.code)
            city.programs.append(["institutionCode": school, "catalogCode": entry.code])
        }
    }
}

extension SplitMix64 {
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
}
