import CreditBank
import Dispatch
import Foundation
import Registry

/// Issue 4's benchmark: award evaluation for 1,000,000 learners with 20 recognised outcomes
/// each against 50 qualifications, on every core. Prints learners per second.
enum AwardEvaluationBenchmark {
    static func run(learners: Int = 1_000_000, outcomesEach: Int = 20, qualificationCount: Int = 50, runs: Int = 3) {
        var rng = SeededRandom(seed: 44)
        let codes = (0..<400).map { String(format: "U%03d", $0) }
        let qualifications = (0..<qualificationCount).map { q -> Qualification in
            let base = (q * 7) % 360
            return Qualification(
                id: "Q\(q)", nameZh: "资历\(q)", nameEn: "Qualification \(q)", totalCredits: Credits(20 + q % 5 * 10),
                levelMinimums: [.init(level: 3 + q % 3, credits: Credits(8))],
                requiredUnits: (0..<(3 + q % 4)).map { codes[base + $0] },
                electiveGroups: [.init(units: (0..<6).map { codes[(base + 10 + $0) % 400] }, pick: 2 + q % 2)],
                validityYears: q % 3 == 0 ? 5 : nil
            )
        }
        let evaluator = AwardEvaluator(qualifications: qualifications)
        let today = CivilDate(year: 2026, month: 11, day: 25) ?? CivilDate(date: Date())
        let first = (CivilDate(year: 2018, month: 1, day: 1) ?? today).dayNumber, last = today.dayNumber

        // Learners study around one qualification's units, so some qualify and most nearly do.
        let setupStart = Date()
        var all = [AwardEvaluator.CompactUnit]()
        all.reserveCapacity(learners * outcomesEach)
        for _ in 0..<learners {
            let focus = qualifications[Int(rng.next() % UInt64(qualificationCount))]
            let pool = focus.requiredUnits + focus.electiveGroups.flatMap(\.units)
            for k in 0..<outcomesEach {
                let code = k < pool.count && rng.next() % 10 < 8 ? pool[k] : codes[Int(rng.next() % 400)]
                all.append(AwardEvaluator.CompactUnit(
                    unit: Int32(evaluator.unitIndex(of: code) ?? -1), hubLevel: Int8(2 + rng.next() % 4), tenths: Int32(10 + rng.next() % 40),
                    awardedDay: Int32(first + Int(rng.next() % UInt64(last - first)))))
            }
        }
        print(String(format: "setup: %d learners × %d outcomes, %d qualifications, %d distinct units named (%.1f s)",
                     learners, outcomesEach, qualificationCount, 400, Date().timeIntervalSince(setupStart)))

        let cores = ProcessInfo.processInfo.activeProcessorCount
        var times: [Double] = []
        var eligibleTotal = 0
        for _ in 0..<runs {
            let counts = Counts(workers: cores)
            let data = all
            let start = DispatchTime.now()
            DispatchQueue.concurrentPerform(iterations: cores) { worker in
                let lower = learners * worker / cores, upper = learners * (worker + 1) / cores
                var eligible = 0
                for learner in lower..<upper {
                    for ok in evaluator.eligibility(data[(learner * outcomesEach)..<((learner + 1) * outcomesEach)], on: today) where ok { eligible += 1 }
                }
                counts.set(worker, eligible)
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            times.append(seconds)
            eligibleTotal = counts.total
        }
        times.sort()
        let median = times[times.count / 2]
        print("runs (s): " + times.map { String(format: "%.2f", $0) }.joined(separator: " ") + " on \(cores) cores")
        print("\(eligibleTotal) learner–qualification awards found of \(learners * qualificationCount) evaluated")
        print(String(format: "award-evaluation: %.0f learners/s, %.2f s median for %d learners (aim: 1,000,000 in under 10 s)", Double(learners) / median, median, learners))
    }
}

/// Per-worker results of a parallel loop.
final class Counts: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int]
    init(workers: Int) { values = Array(repeating: 0, count: workers) }
    func set(_ worker: Int, _ value: Int) { lock.withLock { values[worker] = value } }
    var total: Int { lock.withLock { values.reduce(0, +) } }
}

/// SplitMix64: a fixed sequence for benchmark data.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
