import Foundation
@testable import Timetabling

/// Instances shared by the suites: the competition's comp01 from Benchmarks/itc2007 and small
/// hand-built ones whose answers were worked out by hand.
enum Fixtures {
    static let itcDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Benchmarks/itc2007")

    static func itc(_ name: String) throws -> CurriculumInstance {
        let text = try String(contentsOf: itcDirectory.appendingPathComponent("\(name).ctt"), encoding: .utf8)
        return try CTTParser.parse(text)
    }

    /// 2 days × 3 periods; A and B share teacher t1; curriculum q1 = {A, C}; C unavailable at day 0 slot 0.
    static let small = """
    Name: small
    Courses: 3
    Rooms: 2
    Days: 2
    Periods_per_day: 3
    Curricula: 1
    Constraints: 1

    COURSES:
    A t1 3 2 30
    B t1 1 1 10
    C t2 2 2 50

    ROOMS:
    R1 40
    R2 60

    CURRICULA:
    q1 2 A C

    UNAVAILABILITY_CONSTRAINTS:
    C 0 0

    END.
    """

    /// A seeded random instance: `courses` courses with 1–4 lectures, a few teachers and
    /// curricula, some unavailability, on a 5 × 4 grid with `rooms` rooms.
    static func random(seed: UInt64, courses: Int = 12, rooms: Int = 3) -> CurriculumInstance {
        var rng = SplitMix64(seed: seed)
        let grid = PeriodGrid(days: 5, periodsPerDay: 4)
        let list = (0..<courses).map { i in
            CurriculumInstance.Course(id: "c\(i)", teacher: "t\(rng.below(max(1, courses / 2)))", lectures: 1 + rng.below(4),
                                      minWorkingDays: 1 + rng.below(3), students: 10 + rng.below(60))
        }
        let roomList = (0..<rooms).map { CurriculumInstance.Room(id: "r\($0)", capacity: 20 + rng.below(50)) }
        let curricula = (0..<(courses / 3)).map { q in
            CurriculumInstance.Curriculum(id: "q\(q)", courses: Array(Set((0..<3).map { _ in "c\(rng.below(courses))" })).sorted())
        }
        let unavailable = (0..<courses).map { _ in
            CurriculumInstance.Unavailability(course: "c\(rng.below(courses))", day: rng.below(5), slot: rng.below(4))
        }
        return CurriculumInstance(name: "random\(seed)", grid: grid, courses: list, rooms: roomList, curricula: curricula,
                                  unavailabilities: Array(Set(unavailable)))
    }
}
