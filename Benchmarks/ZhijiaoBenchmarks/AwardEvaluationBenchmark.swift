import CreditBank
import Foundation
import Registry

/// Issue 4's benchmark, on the endpoint's path: `POST /credit-bank/awards/evaluate` reads the
/// ledger, replays it into every learner's account (`LedgerReplay.accounts`) and evaluates each
/// account's units against every qualification (`compactOnce` + `eligibility`), on one core.
/// The ledger here is LEARNERS learners × 20 outcomes, each submitted and then recognised (two
/// entries, one unit), against 50 qualifications. Timed: replay + evaluation, the median of
/// three runs; not timed: reading the entries from the database (the endpoint's first step).
enum AwardEvaluationBenchmark {
    static func run(learners: Int = 200_000, outcomesEach: Int = 20, qualificationCount: Int = 50, runs: Int = 3) throws {
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
        let today = CivilDate(year: 2026, month: 11, day: 25) ?? CivilDate(date: Date())

        // The ledger: learners study around one qualification's units, so some qualify and most nearly do.
        let setupStart = Date()
        var entries: [LedgerEntry] = []
        entries.reserveCapacity(learners * outcomesEach * 2)
        for _ in 0..<learners {
            let learner = UUID()
            let focus = qualifications[Int(rng.next() % UInt64(qualificationCount))]
            let pool = focus.requiredUnits + focus.electiveGroups.flatMap(\.units)
            for k in 0..<outcomesEach {
                let code = k < pool.count && rng.next() % 10 < 8 ? pool[k] : codes[Int(rng.next() % 400)]
                let awarded = CivilDate(year: 2018 + Int(rng.next() % 8), month: 1 + Int(rng.next() % 12), day: 1 + Int(rng.next() % 28)) ?? today
                let outcome = LearningOutcome(learnerID: learner, kind: .academicCredit, issuer: "深圳职业技术大学", title: code, code: code,
                                              credits: Credits(tenths: Int(10 + rng.next() % 40)), awardedOn: awarded)
                let unit = RecognisedUnit(outcomeID: outcome.id, index: 0, unitCode: code, credits: outcome.credits ?? Credits(1),
                                          hubLevel: Int(2 + rng.next() % 4), field: nil, source: .academicCredit, awardedOn: awarded, validUntil: nil)
                entries.append(LedgerEntry(sequence: entries.count + 1, learnerID: learner, event: .submitted(outcome)))
                let decision = RecognitionDecision(outcomeID: outcome.id, verdict: .recognised, units: [unit], ruleID: "R-\(code)", alsoApplicable: [],
                                                   reasonZh: "按规则认定", reasonEn: "recognised by rule")
                entries.append(LedgerEntry(sequence: entries.count + 1, learnerID: learner, event: .decided(decision, reviewer: nil)))
            }
        }
        print(String(format: "setup: a ledger of %d entries: %d learners × %d outcomes (submitted, recognised), %d qualifications (%.1f s)",
                     entries.count, learners, outcomesEach, qualificationCount, Date().timeIntervalSince(setupStart)))

        // MUT: what the endpoint does with the entries — replay, then every account against every qualification.
        var times: [Double] = [], replayTimes: [Double] = []
        var eligibleTotal = 0
        let clock = ContinuousClock()
        for _ in 0..<runs {
            let start = clock.now
            let accounts = try LedgerReplay.accounts(from: entries)
            replayTimes.append(milliseconds(clock.now - start) / 1_000)
            let evaluator = AwardEvaluator(qualifications: qualifications)
            var counts = [Int](repeating: 0, count: qualifications.count)
            for account in accounts.values {
                for (i, ok) in evaluator.eligibility(evaluator.compactOnce(account.units), on: today).enumerated() where ok { counts[i] += 1 }
            }
            times.append(milliseconds(clock.now - start) / 1_000)
            eligibleTotal = counts.reduce(0, +)
            guard accounts.count == learners else { throw BenchmarkFailure("replayed \(accounts.count) accounts of \(learners)") }
        }
        print("runs (s): " + times.map { String(format: "%.2f", $0) }.joined(separator: " ") + String(format: " (replay alone: median %.2f s)", median(replayTimes)))
        print("\(eligibleTotal) learner–qualification awards found of \(learners * qualificationCount) evaluated")
        print(String(format: "award-evaluation: %.0f learners/s, %.2f s median for %d learners from a ledger of %d entries (replay + evaluation, one core, as the endpoint)",
                     Double(learners) / median(times), median(times), learners, entries.count))
    }
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
