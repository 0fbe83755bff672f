import Testing
@testable import Timetabling

@Suite struct SchoolTimetablingTests {
    static let grid = PeriodGrid(days: 2, periodsPerDay: 2)

    @Test func respectsRoomKindsTeacherDaysAndClasses() {
        let term = Term(
            grid: Self.grid,
            rooms: [Room(id: "101", capacity: 40), Room(id: "CNC-1", capacity: 20, kind: .workshop("CNC"))],
            // The enterprise teacher comes on day 1 only.
            teachers: [Teacher(id: "wang"), Teacher(id: "li", unavailable: [0, 1])],
            courses: [Course(id: "math"), Course(id: "cnc", roomKind: .workshop("CNC"))],
            sections: [
                Section(id: "math-A", courseID: "math", teacherIDs: ["wang"], meetingsPerWeek: 2, capacity: 35, classIDs: ["A"]),
                Section(id: "cnc-A", courseID: "cnc", teacherIDs: ["li"], meetingsPerWeek: 2, capacity: 18, classIDs: ["A"]),
            ])
        let timetable = SchoolTimetabling.solve(term, options: SolverOptions(seed: 1, timeLimit: 30, maxIterations: 2_000))
        #expect(timetable.unplaced.isEmpty)
        #expect(timetable.hardViolations == 0)
        let cnc = timetable.meetings.filter { $0.sectionID == "cnc-A" }
        #expect(Set(cnc.map(\.period)) == [2, 3])
        #expect(cnc.allSatisfy { $0.roomID == "CNC-1" })
        let math = timetable.meetings.filter { $0.sectionID == "math-A" }
        #expect(Set(math.map(\.period)) == [0, 1])
        #expect(math.allSatisfy { $0.roomID == "101" })
    }

    @Test func explainsAMissingWorkshop() {
        let term = Term(grid: Self.grid, rooms: [Room(id: "101", capacity: 40)], teachers: [Teacher(id: "li")],
                        courses: [Course(id: "weld", roomKind: .workshop("焊接"))],
                        sections: [Section(id: "weld-1", courseID: "weld", teacherIDs: ["li"], meetingsPerWeek: 1, capacity: 20)])
        let timetable = SchoolTimetabling.solve(term, options: SolverOptions(seed: 1, timeLimit: 30, maxIterations: 200))
        #expect(timetable.unplaced.count == 1)
        #expect(timetable.unplaced.first?.mainObstacle == .noRoom("实训室(焊接) workshop 焊接 ≥ 20"))
        #expect(timetable.hardViolations == 1)
    }

    @Test func explainsATeacherWhoIsAlwaysBusy() {
        // One teacher, four periods, five meetings: one cannot go anywhere and the teacher is why.
        let term = Term(grid: Self.grid, rooms: [Room(id: "101", capacity: 40), Room(id: "102", capacity: 40)], teachers: [Teacher(id: "wang")],
                        courses: [Course(id: "math")],
                        sections: [
                            Section(id: "m1", courseID: "math", teacherIDs: ["wang"], meetingsPerWeek: 3, capacity: 30, classIDs: ["A"]),
                            Section(id: "m2", courseID: "math", teacherIDs: ["wang"], meetingsPerWeek: 2, capacity: 30, classIDs: ["B"]),
                        ])
        let timetable = SchoolTimetabling.solve(term, options: SolverOptions(seed: 2, timeLimit: 30, maxIterations: 500))
        #expect(timetable.unplaced.count == 1)
        #expect(timetable.unplaced.first?.obstacles[.teacherBusy("wang")] ?? 0 >= 1)
        #expect(timetable.meetings.count == 4)
        #expect(timetable.hardViolations == 1)
    }

    @Test func oddAndEvenWeekSectionsShareARoom() {
        let term = Term(grid: PeriodGrid(days: 1, periodsPerDay: 1), rooms: [Room(id: "lab", capacity: 30, kind: .workshop("PLC"))],
                        teachers: [Teacher(id: "zhao")], courses: [Course(id: "plc", roomKind: .workshop("PLC"))],
                        sections: [
                            Section(id: "plc-odd", courseID: "plc", teacherIDs: ["zhao"], meetingsPerWeek: 1, capacity: 25, weeks: .odd),
                            Section(id: "plc-even", courseID: "plc", teacherIDs: ["zhao"], meetingsPerWeek: 1, capacity: 25, weeks: .even),
                        ])
        let timetable = SchoolTimetabling.solve(term, options: SolverOptions(seed: 1, timeLimit: 30, maxIterations: 100))
        #expect(timetable.unplaced.isEmpty)
        #expect(timetable.meetings.count == 2)
        #expect(timetable.hardViolations == 0)
    }
}
