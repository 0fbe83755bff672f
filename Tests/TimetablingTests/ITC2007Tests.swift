import Foundation
import Testing
@testable import Timetabling

@Suite struct CTTParserTests {
    @Test func readsComp01AsItsHeaderSays() throws {
        let instance = try Fixtures.itc("comp01")
        #expect(instance.name == "Fis0506-1")
        #expect(instance.courses.count == 30)
        #expect(instance.rooms.count == 6)
        #expect(instance.grid == PeriodGrid(days: 5, periodsPerDay: 6))
        #expect(instance.curricula.count == 14)
        #expect(instance.unavailabilities.count == 53)
        #expect(instance.courses.first == .init(id: "c0001", teacher: "t000", lectures: 6, minWorkingDays: 4, students: 130))
        #expect(instance.rooms.first == .init(id: "rB", capacity: 200))
        #expect(instance.curricula.first?.courses == ["c0001", "c0002", "c0004", "c0005"])
        #expect(instance.lectureCount == 160)
    }

    @Test func readsAllTwentyOneInstances() throws {
        for i in 1...21 {
            let instance = try Fixtures.itc(String(format: "comp%02d", i))
            #expect(instance.courses.count > 0 && instance.rooms.count > 0)
        }
    }

    @Test func namesTheLineOfAMalformedCourse() {
        let broken = Fixtures.small.replacingOccurrences(of: "B t1 1 1 10", with: "B t1 one 1 10")
        #expect(throws: CTTParseError.self) { try CTTParser.parse(broken) }
        do {
            _ = try CTTParser.parse(broken)
        } catch {
            #expect(error.line == 11)
            #expect(error.description.contains("lectures"))
        }
    }

    @Test func refusesACountThatDisagreesWithTheHeader() {
        let broken = Fixtures.small.replacingOccurrences(of: "Rooms: 2", with: "Rooms: 3")
        do {
            _ = try CTTParser.parse(broken)
            Issue.record("parsed a file whose header disagrees with ROOMS")
        } catch {
            #expect(error.message.contains("Rooms: 3"))
        }
    }

    @Test func refusesAnUnknownCourseInACurriculum() {
        let broken = Fixtures.small.replacingOccurrences(of: "q1 2 A C", with: "q1 2 A Z")
        do {
            _ = try CTTParser.parse(broken)
            Issue.record("parsed a curriculum naming an unknown course")
        } catch {
            #expect(error.line == 19)
        }
    }

    @Test func solutionFormatRoundTrips() throws {
        let assignments = [CTTAssignment(course: "A", room: "R1", day: 0, slot: 2), CTTAssignment(course: "C", room: "R2", day: 1, slot: 0)]
        let text = CTTAssignment.format(assignments)
        #expect(text == "A R1 0 2\nC R2 1 0\n")
        #expect(try CTTAssignment.parse(text) == assignments)
    }
}

@Suite struct UD2EvaluatorTests {
    /// Worked by hand from the validator's definitions:
    /// hard — C has 1 of 2 lectures (1); A–B share t1 at (0,0) and A–C share q1 at (0,0) (2);
    /// C at its unavailable (0,0) (1); R1 holds A and C at (0,0) (1).
    /// soft — C (50) in R1 (40): 10; C on 1 of 2 days: 5; q1's lecture at (1,2) is isolated: 2;
    /// A uses R1 and R2: 1. Total 18. The repeated entry is skipped.
    @Test func scoresAHandComputedSolution() throws {
        let instance = try CTTParser.parse(Fixtures.small)
        let solution = try CTTAssignment.parse("""
        A R1 0 0
        A R1 0 1
        A R2 1 2
        B R2 0 0
        C R1 0 0
        A R2 0 1
        """)
        let result = UD2Evaluator.evaluate(solution, in: instance)
        #expect(result.lectures == 1)
        #expect(result.conflicts == 2)
        #expect(result.availability == 1)
        #expect(result.roomOccupancy == 1)
        #expect(result.skippedEntries == 1)
        #expect(result.soft == SoftCost(roomCapacity: 10, minWorkingDays: 5, curriculumCompactness: 2, roomStability: 1))
        #expect(result.soft.total == 18)
    }

    @Test func theEngineCostsASolutionAsTheEvaluatorDoes() throws {
        let instance = try Fixtures.itc("comp01")
        let timetable = TimetableSolver.solve(instance.problem, options: SolverOptions(seed: 3, timeLimit: 60, maxIterations: 20_000))
        let evaluation = UD2Evaluator.evaluate(instance.assignments(timetable.placements), in: instance)
        #expect(timetable.isFeasible)
        #expect(evaluation.hardViolations == 0)
        #expect(evaluation.soft == timetable.softCost)
    }
}
