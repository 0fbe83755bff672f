import Foundation
import Testing
@testable import Timetabling

@Suite struct TimetableSolverTests {
    /// One day of two periods, one room that fits: both lectures side by side in it cost 0.
    @Test func findsAZeroCostOptimum() throws {
        let instance = try CTTParser.parse("""
        Name: zero
        Courses: 2
        Rooms: 2
        Days: 1
        Periods_per_day: 2
        Curricula: 1
        Constraints: 0

        COURSES:
        A t1 1 1 5
        B t2 1 1 5

        ROOMS:
        R1 10
        R2 3

        CURRICULA:
        q 2 A B

        UNAVAILABILITY_CONSTRAINTS:

        END.
        """)
        let timetable = TimetableSolver.solve(instance.problem, options: SolverOptions(seed: 7, timeLimit: 30, maxIterations: 5_000))
        #expect(timetable.isFeasible)
        #expect(timetable.softCost.total == 0)
        #expect(Set(timetable.placements.map(\.room)) == [0])
    }

    /// Two days of one period and a room of 10 for 20 students: every lecture costs 10 seats and is
    /// isolated (2 each), so 24 is the optimum and no schedule does better.
    @Test func findsAKnownNonZeroOptimum() throws {
        let instance = try CTTParser.parse("""
        Name: forced
        Courses: 1
        Rooms: 1
        Days: 2
        Periods_per_day: 1
        Curricula: 1
        Constraints: 0

        COURSES:
        A t1 2 2 20

        ROOMS:
        R 10

        CURRICULA:
        q 1 A

        UNAVAILABILITY_CONSTRAINTS:

        END.
        """)
        let timetable = TimetableSolver.solve(instance.problem, options: SolverOptions(seed: 1, timeLimit: 30, maxIterations: 2_000))
        #expect(timetable.isFeasible)
        #expect(timetable.softCost == SoftCost(roomCapacity: 20, minWorkingDays: 0, curriculumCompactness: 4, roomStability: 0))
    }

    /// Seeded random instances: whenever the solver says feasible, a from-scratch count finds no
    /// hard violation, the validator-equivalent evaluator agrees, and the costs match.
    @Test(arguments: 1...25)
    func neverReportsFeasibleWithAHardClash(seed: UInt64) {
        let instance = Fixtures.random(seed: seed)
        let problem = instance.problem
        let timetable = TimetableSolver.solve(problem, options: SolverOptions(seed: seed, timeLimit: 30, maxIterations: 4_000))
        let evaluation = UD2Evaluator.evaluate(instance.assignments(timetable.placements), in: instance)
        if timetable.isFeasible {
            #expect(TimetableSolver.hardViolations(of: timetable.placements, in: problem) == 0)
            #expect(evaluation.hardViolations == 0)
        } else {
            #expect(evaluation.lectures == timetable.unplaced.count)
            #expect(evaluation.conflicts + evaluation.availability + evaluation.roomOccupancy == 0)
        }
        #expect(evaluation.soft == timetable.softCost)
        #expect(TimetableSolver.softCost(of: timetable.placements, in: problem) == timetable.softCost)
    }

    @Test func theSameSeedGivesTheSameTimetable() throws {
        let problem = try Fixtures.itc("comp01").problem
        let options = SolverOptions(seed: 42, timeLimit: 120, maxIterations: 15_000)
        let first = TimetableSolver.solve(problem, options: options)
        let second = TimetableSolver.solve(problem, options: options)
        #expect(first.placements == second.placements)
        #expect(first.softCost == second.softCost)
        let other = TimetableSolver.solve(problem, options: SolverOptions(seed: 43, timeLimit: 120, maxIterations: 15_000))
        #expect(other.placements != first.placements)
    }

    @Test func annealingLowersTheCostOfTheStart() throws {
        let problem = try Fixtures.itc("comp01").problem
        let start = TimetableSolver.solve(problem, options: SolverOptions(seed: 5, timeLimit: 60, maxIterations: 1))
        let improved = TimetableSolver.solve(problem, options: SolverOptions(seed: 5, timeLimit: 60, maxIterations: 50_000))
        #expect(improved.isFeasible)
        #expect(improved.softCost.total < start.softCost.total)
    }

    /// A course that needs more periods than its teacher has free cannot be placed, and the
    /// explanation says the periods were blocked by unavailability and by its own lectures.
    @Test func explainsWhatCouldNotBePlaced() throws {
        let instance = try CTTParser.parse("""
        Name: impossible
        Courses: 2
        Rooms: 1
        Days: 1
        Periods_per_day: 3
        Curricula: 0
        Constraints: 1

        COURSES:
        A t1 3 1 5
        B t1 1 1 5

        ROOMS:
        R 10

        CURRICULA:

        UNAVAILABILITY_CONSTRAINTS:
        A 0 2

        END.
        """)
        let timetable = TimetableSolver.solve(instance.problem, options: SolverOptions(seed: 1, timeLimit: 30, maxIterations: 500))
        #expect(!timetable.isFeasible)
        #expect(timetable.unplaced.count == 1)
        let reasons = timetable.unplaced.first?.obstacles ?? [:]
        #expect(reasons[.unavailable] == 1)
        #expect(reasons.values.reduce(0, +) == 3)
        #expect(TimetableSolver.hardViolations(of: timetable.placements, in: instance.problem) == 1)
    }
}
