import Foundation
import Matching

/// Issue 7's benchmarks: the solver on a problem file (the side-by-side script gives `matching`
/// the same file), and alone at city scale.
enum MatchingBenchmarks {
    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// Solves FILE; prints the solve time alone (instance already in memory), the median of five,
    /// and writes the matching to OUT. The side-by-side script times whole processes instead.
    static func file(_ path: String, output: String?) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchmarkFailure(description: "cannot read \(path)") }
        let problem = try MatchingProblem(json: data)
        let clock = ContinuousClock()
        var matching: Matching?
        var times: [Double] = []
        for _ in 0..<5 {
            times.append(seconds(clock.measure { matching = DeferredAcceptance.solve(problem.instance, optimal: .student) }))
        }
        guard let matching, StabilityCheck.isStable(matching, in: problem.instance) else { throw BenchmarkFailure(description: "unstable result") }
        if let output { try problem.json(matching).write(to: URL(fileURLWithPath: output)) }
        print(String(format: "zhijiao: %.2f ms (solve alone, median of 5)", median(times) * 1000))
    }

    /// 1,000,000 students with 20 choices each over 50,000 enterprise posts (10–30 places,
    /// about a million in all); each post ranks its applicants by a random score.
    static func city(students: Int = 1_000_000, posts: Int = 50_000, choices: Int = 20) throws {
        var rng = SplitMix64(seed: 2020)
        let clock = ContinuousClock()
        let generation = clock.now
        // Popularity skew: low-numbered posts are wanted more, as real employers are.
        var studentOffsets = [0]
        studentOffsets.reserveCapacity(students + 1)
        var studentChoices: [Int32] = []
        studentChoices.reserveCapacity(students * choices)
        var seen = Set<Int32>()
        for _ in 0..<students {
            seen.removeAll(keepingCapacity: true)
            while seen.count < choices {
                let u = Double(rng.next() >> 11) / Double(1 << 53)
                let post = Int32(Double(posts) * u * u)
                if seen.insert(post).inserted { studentChoices.append(post) }
            }
            studentOffsets.append(studentChoices.count)
        }
        // Each post ranks exactly its applicants, ordered by a random score.
        var counts = [Int](repeating: 0, count: posts + 1)
        for p in studentChoices { counts[Int(p) + 1] += 1 }
        for p in 0..<posts { counts[p + 1] += counts[p] }
        let postOffsets = counts
        var fill = counts
        var ranking = [Int32](repeating: 0, count: studentChoices.count)
        var score = [UInt32](repeating: 0, count: studentChoices.count)
        for s in 0..<students {
            for k in studentOffsets[s]..<studentOffsets[s + 1] {
                let p = Int(studentChoices[k])
                ranking[fill[p]] = Int32(s)
                score[fill[p]] = UInt32(truncatingIfNeeded: rng.next())
                fill[p] += 1
            }
        }
        for p in 0..<posts {
            let range = postOffsets[p]..<postOffsets[p + 1]
            let sorted = range.sorted { score[$0] > score[$1] }.map { ranking[$0] }
            ranking.replaceSubrange(range, with: sorted)
        }
        let capacities = (0..<posts).map { _ in Int32(10 + rng.next() % 21) }
        let instance = try MatchingInstance(capacities: capacities, studentOffsets: studentOffsets, studentChoices: studentChoices, postOffsets: postOffsets, postRanking: ranking)
        print(String(format: "generated %d students × %d choices, %d posts with %d places in %.1f s", students, choices, posts, capacities.reduce(0) { $0 + Int($1) }, seconds(clock.now - generation)))

        var matching: Matching?
        let solve = seconds(clock.measure { matching = DeferredAcceptance.solve(instance, optimal: .student) })
        guard let matching else { return }
        let check = seconds(clock.measure { precondition(StabilityCheck.isStable(matching, in: instance)) })
        print(String(format: "match-city: student-optimal stable matching in %.2f s (%d placed, %d unplaced); stability proof %.2f s",
                     solve, students - matching.unmatchedStudents.count, matching.unmatchedStudents.count, check))
    }

    struct BenchmarkFailure: Error, CustomStringConvertible {
        var description: String
    }
}
