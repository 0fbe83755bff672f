// Zhijiao benchmarks. Run in release:
//   swift run -c release ZhijiaoBenchmarks import-students [rows]
//   swift run -c release ZhijiaoBenchmarks market-gaps [demand rows]
//   swift run -c release ZhijiaoBenchmarks indicators
//   swift run -c release ZhijiaoBenchmarks award-evaluation [learners]
//   swift run -c release ZhijiaoBenchmarks credentials [count]
// The App declarations they drive are `package` (not `@testable`), so a plain release build
// of the package builds them.
// Each benchmark prints its figure; README's performance section quotes them.
import App
import Foundation
import Registry
import Spreadsheet
import Vapor

@main
enum Benchmarks {
    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch arguments.first ?? "import-students" {
        case "import-students":
            try await ImportStudentsBenchmark.run(rows: arguments.count > 1 ? Int(arguments[1]) ?? 500_000 : 500_000)
        case "match-file":
            guard arguments.count > 1 else { print("usage: ZhijiaoBenchmarks match-file FILE [OUT]"); return }
            try MatchingBenchmarks.file(arguments[1], output: arguments.count > 2 ? arguments[2] : nil)
        case "match-city":
            try MatchingBenchmarks.city()
        case "market-gaps":
            try await MarketGapBenchmark.run(demandRows: arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000, programs: 5_000)
        case "indicators":
            try await IndicatorsBenchmark.run()
        case "award-evaluation":
            try AwardEvaluationBenchmark.run(learners: arguments.count > 1 ? Int(arguments[1]) ?? 200_000 : 200_000)
        case "credentials":
            try await CredentialBenchmark.run(count: arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000)
        case "micro":
            try await MicroBenchmarks.run()
        case "timetabling":
            TimetablingBenchmark.run(students: arguments.count > 1 ? Int(arguments[1]) ?? 20_000 : 20_000, seconds: arguments.count > 2 ? Double(arguments[2]) ?? 20 : 20)
        case "analytics":
            AnalyticsBenchmark.run(learners: arguments.count > 1 ? Int(arguments[1]) ?? 500_000 : 500_000, eventsPerLearner: arguments.count > 2 ? Int(arguments[2]) ?? 100 : 100)
        default:
            print("usage: ZhijiaoBenchmarks import-students [rows] | match-file FILE [OUT] | match-city | market-gaps [demand rows] | indicators | award-evaluation [learners] | credentials [count] | micro | timetabling [students] [seconds]")
        }
    }
}
