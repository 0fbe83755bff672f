import Foundation
import Testing
@testable import Matching

@Suite("Deferred acceptance")
struct DeferredAcceptanceTests {
    /// The textbook instance where the two optimal matchings differ.
    ///   students: a: [X, Y], b: [Y, X]; posts: X ranks [b, a], Y ranks [a, b], capacity 1 each.
    let crossed = try! MatchingInstance(studentChoices: [[0, 1], [1, 0]], postRanking: [[1, 0], [0, 1]], capacities: [1, 1])

    @Test func theTwoSidesGetTheirOwnOptimum() {
        let students = DeferredAcceptance.solve(crossed, optimal: .student)
        let posts = DeferredAcceptance.solve(crossed, optimal: .enterprise)
        #expect(students.postOfStudent == [0, 1]) // each student their first choice
        #expect(posts.postOfStudent == [1, 0])    // each post its first choice
        #expect(StabilityCheck.isStable(students, in: crossed))
        #expect(StabilityCheck.isStable(posts, in: crossed))
    }

    @Test func capacitiesIncompleteListsAndUnacceptablePairs() throws {
        // Post 0 (2 places) ranks s0, s2, s1; post 1 (1 place) ranks only s3.
        // s1 lists post 1, which does not rank s1: unacceptable. s4 lists nothing.
        let instance = try MatchingInstance(
            studentChoices: [[0], [1, 0], [0, 1], [0, 1], []],
            postRanking: [[0, 2, 1], [3]],
            capacities: [2, 1]
        )
        let m = DeferredAcceptance.solve(instance)
        #expect(m.postOfStudent == [0, -1, 0, 1, -1])
        #expect(m.studentsOfPost == [[0, 2], [3]])
        #expect(m.unmatchedStudents == [1, 4])
        #expect(m.unfilledPlaces(in: instance) == [0, 0])
        let why = PlacementExplanation.explain(m, in: instance)
        // s1 ranked post 1 (does not accept s1) and post 0 (full with s0 and s2, ranked higher)
        #expect(why[1].placedAt == nil)
        #expect(why[1].higherChoices.map(\.post) == [1, 0])
        #expect(why[1].higherChoices.map(\.reason) == [.notAcceptable, .fullWithBetterRanked])
        #expect(why[3].higherChoices.map(\.reason) == [.notAcceptable]) // post 0 does not rank s3
        #expect(why[0].higherChoices.isEmpty)
    }

    @Test func theStabilityCheckFindsBlockingPairs() {
        // Swap the student-optimal matching of `crossed` into one where a and Y block.
        let bad = Matching(postOfStudent: [1, 0], studentsOfPost: [[1], [0]])
        #expect(StabilityCheck.isStable(bad, in: crossed))   // the post-optimal one is stable too
        let worse = Matching(postOfStudent: [-1, 1], studentsOfPost: [[], [1]])
        let violations = StabilityCheck.violations(worse, in: crossed)
        #expect(violations.contains(.blocking(.init(student: 0, post: 0))))
        let over = Matching(postOfStudent: [0, 0], studentsOfPost: [[0, 1], []])
        #expect(StabilityCheck.violations(over, in: crossed).contains(.overCapacity(post: 0)))
    }

    @Test func badInstancesAreRefused() {
        #expect(throws: MatchingInstance.Problem.indexOutOfRange(side: "student", owner: 0, value: 5)) {
            try MatchingInstance(studentChoices: [[5]], postRanking: [[0]], capacities: [1])
        }
        #expect(throws: MatchingInstance.Problem.duplicateInList(side: "post", owner: 0, value: 0)) {
            try MatchingInstance(studentChoices: [[0]], postRanking: [[0, 0]], capacities: [1])
        }
        #expect(throws: MatchingInstance.Problem.negativeCapacity(post: 0)) {
            try MatchingInstance(studentChoices: [[0]], postRanking: [[0]], capacities: [-1])
        }
    }
}

@Suite("Deferred acceptance on random instances")
struct MatchingPropertyTests {
    /// Every stable matching of a small instance, by enumerating all assignments.
    func allStableMatchings(_ instance: MatchingInstance) -> [[Int32]] {
        var results: [[Int32]] = []
        var assignment = [Int32](repeating: -1, count: instance.studentCount)
        func place(_ s: Int) {
            if s == instance.studentCount {
                var studentsOfPost = [[Int32]](repeating: [], count: instance.postCount)
                for (student, p) in assignment.enumerated() where p >= 0 { studentsOfPost[Int(p)].append(Int32(student)) }
                let m = Matching(postOfStudent: assignment, studentsOfPost: studentsOfPost)
                if StabilityCheck.isStable(m, in: instance) { results.append(assignment) }
                return
            }
            assignment[s] = -1
            place(s + 1)
            for p in instance.choices(of: s) {
                assignment[s] = p
                place(s + 1)
            }
            assignment[s] = -1
        }
        place(0)
        return results
    }

    func randomInstance(_ rng: inout SplitMix64, students: Int, posts: Int) -> MatchingInstance {
        var choices: [[Int]] = []
        for _ in 0..<students {
            choices.append(Array((0..<posts).shuffled(using: &rng).prefix(Int.random(in: 0...posts, using: &rng))))
        }
        var rankings: [[Int]] = []
        for p in 0..<posts {
            // Mostly the students who applied, sometimes one who did not (unacceptable the other way).
            var applicants = (0..<students).filter { choices[$0].contains(p) && Int.random(in: 0..<6, using: &rng) > 0 }
            if Int.random(in: 0..<3, using: &rng) == 0 { applicants.append(Int.random(in: 0..<students, using: &rng)) }
            rankings.append(Array(Set(applicants)).shuffled(using: &rng))
        }
        let capacities = (0..<posts).map { _ in Int.random(in: 0...2, using: &rng) }
        return try! MatchingInstance(studentChoices: choices, postRanking: rankings, capacities: capacities)
    }

    func rank(_ instance: MatchingInstance, student s: Int, post p: Int32) -> Int {
        p < 0 ? Int.max : (instance.choices(of: s).firstIndex(of: p).map { $0 - instance.studentOffsets[s] } ?? Int.max)
    }

    @Test(arguments: 0..<300)
    func resultsAreStableWithinCapacityAndOptimal(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let instance = randomInstance(&rng, students: Int.random(in: 1...6, using: &rng), posts: Int.random(in: 1...4, using: &rng))
        let stable = allStableMatchings(instance)
        #expect(!stable.isEmpty) // a stable matching always exists

        let best = DeferredAcceptance.solve(instance, optimal: .student)
        #expect(StabilityCheck.violations(best, in: instance).isEmpty)
        // Student-optimal: no stable matching gives any student a post they rank higher.
        for other in stable {
            for s in 0..<instance.studentCount {
                #expect(rank(instance, student: s, post: best.postOfStudent[s]) <= rank(instance, student: s, post: other[s]))
            }
        }
        let enterprise = DeferredAcceptance.solve(instance, optimal: .enterprise)
        #expect(StabilityCheck.violations(enterprise, in: instance).isEmpty)
        // Enterprise-optimal is student-pessimal (lattice property): every student does worst there.
        for other in stable {
            for s in 0..<instance.studentCount {
                #expect(rank(instance, student: s, post: enterprise.postOfStudent[s]) >= rank(instance, student: s, post: other[s]))
            }
        }
        // Rural hospitals theorem: the same students are placed in every stable matching.
        #expect(Set(best.unmatchedStudents) == Set(enterprise.unmatchedStudents))
    }
}
