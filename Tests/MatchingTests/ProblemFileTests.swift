import Foundation
import Testing
@testable import Matching

@Suite("The solver's JSON file interface, rankings and quotas")
struct ProblemFileTests {
    @Test func theIssuesExampleSolves() throws {
        let json = #"{"students": {"s1": ["p2", "p1"], "s2": ["p1"], "s3": ["p1", "p2"]}, "posts": {"p1": {"capacity": 2, "ranking": ["s1", "s3", "s2"]}, "p2": {"capacity": 1, "ranking": ["s3", "s1"]}}}"#
        let problem = try MatchingProblem(json: Data(json.utf8))
        let matching = DeferredAcceptance.solve(problem.instance)
        let out = try JSONSerialization.jsonObject(with: problem.json(matching)) as? [String: [String]]
        // s1 gets p2 (first choice; p2 ranks s1 second but has room), s3 and s2 share p1
        #expect(out == ["p1": ["s3", "s2"], "p2": ["s1"]])
    }

    @Test func badFilesAreNamed() {
        #expect(throws: MatchingProblem.Problem.missing("posts")) { try MatchingProblem(json: Data(#"{"students": {}}"#.utf8)) }
        #expect(throws: MatchingProblem.Problem.unknownPost(student: "s1", post: "p9")) {
            try MatchingProblem(json: Data(#"{"students": {"s1": ["p9"]}, "posts": {}}"#.utf8))
        }
        #expect(throws: MatchingProblem.Problem.unknownStudent(post: "p1", student: "x")) {
            try MatchingProblem(json: Data(#"{"students": {}, "posts": {"p1": {"capacity": 1, "ranking": ["x"]}}}"#.utf8))
        }
        #expect(throws: MatchingProblem.Problem.duplicate(owner: "s1", name: "p1")) {
            try MatchingProblem(json: Data(#"{"students": {"s1": ["p1", "p1"]}, "posts": {"p1": {"capacity": 1, "ranking": []}}}"#.utf8))
        }
        #expect(throws: (any Error).self) { try MatchingProblem(json: Data("not json".utf8)) }
    }

    @Test func scoringRulesGiveAStrictSeededRanking() {
        let rule = ApplicantRanking(programMatchWeight: 100, gradeWeight: 1, distanceWeight: 1)
        let applicants = [
            ApplicantRanking.Applicant(studentID: "a", programMatches: false, grade: 95, distanceKilometres: 0),
            .init(studentID: "b", programMatches: true, grade: 60, distanceKilometres: 10),
            .init(studentID: "c", programMatches: true, grade: 60, distanceKilometres: 10),
            .init(studentID: "d", programMatches: true, grade: 70, distanceKilometres: 30),
        ]
        // scores: a 95, b 150, c 150, d 140 → b/c tie broken by the seeded hash
        let first = rule.rank(applicants, seed: 1)
        #expect(first.count == 4)
        #expect(Set(first.prefix(2)) == ["b", "c"])
        #expect(Array(first.suffix(2)) == ["d", "a"])
        #expect(rule.rank(applicants.reversed(), seed: 1) == first) // input order does not matter
        let seeds = Set((0..<32).map { rule.rank(applicants, seed: UInt64($0)).prefix(2).joined() })
        #expect(seeds == ["bc", "cb"]) // the seed, not the name, decides ties
    }

    @Test(arguments: [
        (49, true, InternshipQuota.Rounding.up, 1), (50, true, .up, 1), (51, true, .up, 2), (1_000, true, .up, 20),
        (1_001, true, .up, 21), (1_001, true, .down, 20), (1_025, true, .nearest, 21), (1_024, true, .nearest, 20),
        (5_000, false, .up, 0), (0, true, .up, 0),
    ])
    func theTwoPercentQuota(employees: Int, aboveScale: Bool, rounding: InternshipQuota.Rounding, places: Int) {
        #expect(InternshipQuota(rounding: rounding).requiredPlaces(employees: employees, aboveScale: aboveScale) == places)
    }
}
