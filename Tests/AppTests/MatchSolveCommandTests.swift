@testable import App
import Foundation
import Matching
import Testing

/// `zhijiao match solve` reads its file with the shared JSON pull reader; its answers and its
/// refusals must be those of `MatchingProblem(json:)` (Foundation's reader), which the solver's
/// own tests cover.
@Suite("match solve's file path")
struct MatchSolveCommandTests {
    /// A random instance as the problem file's JSON; names with escapes and non-ASCII text too.
    static func instance(seed: UInt64, students: Int, posts: Int) -> Data {
        var rng = SplitMix64(seed: seed)
        let postNames = (0..<posts).map { $0 % 3 == 0 ? "岗位\($0)" : $0 % 3 == 1 ? "p\"\($0)\\" : "p\($0)" }
        let studentNames = (0..<students).map { $0 % 2 == 0 ? "学生\($0)" : "s\($0)" }
        var applicants = [[String]](repeating: [], count: posts)
        var studentsJSON: [String: Any] = [:]
        for s in studentNames {
            let choices = Array(postNames.indices.shuffled(using: &rng).prefix(Int(rng.next() % 4)))
            studentsJSON[s] = choices.map { postNames[$0] }
            for p in choices { applicants[p].append(s) }
        }
        var postsJSON: [String: Any] = [:]
        for (p, name) in postNames.enumerated() {
            postsJSON[name] = ["capacity": Int(rng.next() % 3), "ranking": applicants[p].shuffled(using: &rng), "note": ["ignored": [1, 2.5, NSNull()] as [Any]]] as [String: Any]
        }
        return (try? JSONSerialization.data(withJSONObject: ["students": studentsJSON, "posts": postsJSON, "version": 1])) ?? Data()
    }

    @Test(arguments: 0..<20) func answersAsFoundationsReaderDoes(seed: Int) throws {
        let data = Self.instance(seed: UInt64(seed), students: 60, posts: 12)
        let reference = try MatchingProblem(json: data)
        let ours = try MatchSolveCommand.read(data)
        for side in OptimalSide.allCases {
            let expected = try JSONSerialization.jsonObject(with: reference.json(DeferredAcceptance.solve(reference.instance, optimal: side))) as? [String: [String]]
            let written = Data(MatchSolveCommand.write(DeferredAcceptance.solve(ours.instance, optimal: side), of: ours))
            let got = try JSONSerialization.jsonObject(with: written) as? [String: [String]]
            #expect(got == expected)
            #expect(written.last == 0x0a)
        }
    }

    @Test(arguments: [
        #"{"students": {"s1": ["p9"]}, "posts": {}}"#,
        #"{"students": {}, "posts": {"p1": {"capacity": 1, "ranking": ["x"]}}}"#,
        #"{"students": {"s1": ["p1", "p1"]}, "posts": {"p1": {"capacity": 1, "ranking": ["s1"]}}}"#,
        #"{"students": {"s1": []}, "posts": {"p1": {"capacity": 1, "ranking": ["s1", "s1"]}}}"#,
        #"{"students": {}}"#,
        #"{"posts": {}}"#,
        #"{"students": {"s1": [1]}, "posts": {}}"#,
        #"{"students": {}, "posts": {"p1": {"capacity": 1.5, "ranking": []}}}"#,
        #"{"students": {}, "posts": {"p1": {"ranking": []}}}"#,
        #"{"students": {}, "posts": {"p1": {"capacity": -1, "ranking": []}}}"#,
    ]) func refusesWhatFoundationsReaderRefuses(text: String) {
        var reference: MatchingProblem.Problem?
        do { _ = try MatchingProblem(json: Data(text.utf8)) } catch { reference = error }
        var ours: MatchingProblem.Problem?
        do { _ = try MatchSolveCommand.read(Data(text.utf8)) } catch { ours = error }
        #expect(reference != nil)
        #expect(ours == reference)
    }

    @Test func refusesTextThatIsNotJSON() {
        for text in ["not json", #"{"students": {}, "posts": {}"#, "[1, 2]"] {
            #expect(throws: MatchingProblem.Problem.self) { try MatchSolveCommand.read(Data(text.utf8)) }
        }
    }
}
