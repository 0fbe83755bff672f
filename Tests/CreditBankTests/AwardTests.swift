import Foundation
import Registry
import Testing
@testable import CreditBank

@Suite struct AwardTests {
    let qualification = Qualification(
        id: "Q-WEB", nameZh: "Web应用开发专项资历", nameEn: "Web application development", totalCredits: Credits(20),
        levelMinimums: [.init(level: 4, credits: Credits(8))], requiredUnits: ["WEB-101", "WEB-102"],
        electiveGroups: [.init(units: ["DB", "NET", "UI"], pick: 2)], validityYears: 5
    )
    let today = day("2026-11-25")

    func unit(_ code: String, _ tenths: Int, level: Int, awarded: String = "2024-01-01") -> RecognisedUnit {
        RecognisedUnit(outcomeID: UUID(), index: 0, unitCode: code, credits: Credits(tenths: tenths), hubLevel: level, field: nil, source: .academicCredit,
                       awardedOn: day(awarded), validUntil: nil)
    }

    @Test func eligibleOrTheExactListOfWhatIsMissing() {
        let evaluator = AwardEvaluator(qualifications: [qualification])
        let full = [unit("WEB-101", 40, level: 4), unit("WEB-102", 40, level: 4), unit("DB", 40, level: 3), unit("UI", 40, level: 3), unit("X", 40, level: 5)]
        #expect(evaluator.evaluate(full, on: today)[0].missing.isEmpty)
        #expect(evaluator.eligibility(full.map(evaluator.compact), on: today) == [true])
        // Missing WEB-102, one elective, and credit: 4 + 4 + 4 = 12 of 20; at level 4+: 4 of 8.
        // (The old unit from 2020-06-30 is outside five years.)
        let partial = [unit("WEB-101", 40, level: 4), unit("DB", 40, level: 3), unit("OTHER", 40, level: 2), unit("NET", 50, level: 4, awarded: "2020-06-30")]
        let missing = evaluator.evaluate(partial, on: today)[0].missing
        #expect(missing == [
            .totalCredits(have: Credits(12), need: Credits(20)),
            .creditsAtLevel(level: 4, have: Credits(4), need: Credits(8)),
            .unit("WEB-102"),
            .electives(group: 0, have: 1, need: 2, options: ["NET", "UI"]),
        ])
        #expect(missing[0].textZh == "总学分12，还差8（需20）")
        #expect(evaluator.eligibility(partial.map(evaluator.compact), on: today) == [false])
        // The same units five years and a day later: the 2024 units have lapsed too.
        #expect(evaluator.evaluate(full, on: day("2029-01-02"))[0].missing.contains(.totalCredits(have: Credits(0), need: Credits(20))))
    }

    @Test func theBulkPathAgreesWithTheDetailedOne() {
        // Random learners against several qualifications: eligibility == no missing items.
        var rng = SystemRandomNumberGenerator()
        let codes = ["WEB-101", "WEB-102", "DB", "NET", "UI", "AI", "OPS", "X"]
        let qualifications = [qualification,
                              Qualification(id: "Q-OPS", nameZh: "运维", nameEn: "ops", totalCredits: Credits(10), requiredUnits: ["OPS"],
                                            electiveGroups: [.init(units: ["NET", "AI"], pick: 1)]),
                              Qualification(id: "Q-ANY", nameZh: "通用", nameEn: "any", totalCredits: Credits(tenths: 55), levelMinimums: [.init(level: 5, credits: Credits(2))])]
        let evaluator = AwardEvaluator(qualifications: qualifications)
        var eligibleSeen = 0
        for _ in 0..<500 {
            let units = (0..<Int.random(in: 0...8, using: &rng)).map { _ in
                unit(codes.randomElement(using: &rng)!, Int.random(in: 5...60, using: &rng), level: Int.random(in: 2...6, using: &rng),
                     awarded: "\(Int.random(in: 2019...2026, using: &rng))-0\(Int.random(in: 1...9, using: &rng))-15")
            }
            // Units repeat here (a code drawn twice): both paths count each unit once.
            let bulk = evaluator.eligibility(evaluator.compactOnce(units), on: today)
            let detailed = evaluator.evaluate(units, on: today).map(\.missing.isEmpty)
            #expect(bulk == detailed)
            eligibleSeen += bulk.filter { $0 }.count
        }
        #expect(eligibleSeen > 0)
    }

    @Test func aUnitHeldSeveralTimesCountsOnce() {
        // The forgery: one certificate submitted three times gave WEB-101 three times, enough
        // credit for a qualification that one copy does not reach.
        let evaluator = AwardEvaluator(qualifications: [qualification])
        let copies = (0..<3).flatMap { _ in [unit("WEB-101", 40, level: 4), unit("WEB-102", 40, level: 4)] } + [unit("DB", 40, level: 3), unit("UI", 40, level: 3)]
        let missing = evaluator.evaluate(copies, on: today)[0].missing
        #expect(missing == [.totalCredits(have: Credits(16), need: Credits(20))])
        #expect(evaluator.eligibility(evaluator.compactOnce(copies), on: today) == [false])
        // The latest award of a unit is the one kept; order of first holding is kept.
        let once = AwardEvaluator.eachUnitOnce([unit("A", 10, level: 2, awarded: "2020-01-01"), unit("B", 10, level: 2), unit("A", 5, level: 3, awarded: "2025-01-01")])
        #expect(once.map(\.unitCode) == ["A", "B"] && once[0].credits == Credits(tenths: 5))
    }
}
