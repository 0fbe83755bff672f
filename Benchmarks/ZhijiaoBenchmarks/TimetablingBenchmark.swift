import Foundation
import Timetabling

/// 一人一课表 at school scale: a generated vocational school of 20,000 students in 500 classes
/// (行政班) of 40, 600 courses, 2,000 sections, 8 requests per student (3 class-bound required
/// sections, 5 electives by priority with one alternative each). Required sections (4 meetings a
/// week, two classes together) go anywhere in the morning periods; electives meet in 走班 blocks
/// of two afternoon periods, the way schools run 选课走班, each course's sections in distinct
/// blocks. 186 rooms (150 classrooms, 36 workshops of 6 kinds), 10 % online electives, one teacher
/// in ten an enterprise teacher who comes three days a week. Uses the Timetabling target's public
/// API only. Prints timetable time, sectioning time, hard violations, requests met and the time to
/// re-section one student.
enum TimetablingBenchmark {
    struct School {
        var term: Term
        var students: [StudentRequests]
    }

    static func school(students studentCount: Int = 20_000, seed: UInt64 = 2026) -> School {
        var rng = SplitMix64(seed: seed)
        func below(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        let grid = PeriodGrid(days: 5, periodsPerDay: 8)
        let morning = Set((0..<5).flatMap { d in (0..<4).map { grid.period(day: d, slot: $0) } })
        let afternoon = (4..<8).flatMap { s in (0..<5).map { grid.period(day: $0, slot: s) } }
        let blocks = (0..<10).map { Set([afternoon[$0], afternoon[$0 + 10]]) }
        let allPeriods = Set(0..<grid.periodCount)
        let kinds = ["CNC", "电工", "焊接", "PLC", "汽修", "护理"]
        var rooms = (0..<150).map { Room(id: "R\($0)", capacity: 100) }
        for (k, kind) in kinds.enumerated() { rooms += (0..<6).map { Room(id: "W\(k)-\($0)", capacity: 100, kind: .workshop(kind)) } }

        let classes = max(10, studentCount / 40)
        let programs = classes / 10
        var courses: [Course] = [], sections: [Section] = [], teachers: [Teacher] = []
        // Required: 3 courses per program, one section per pair of classes, 4 meetings in the morning.
        var teacherLoad = 0
        func requiredTeacher() -> String {
            // A teacher takes 3 sections (12 of 20 morning periods); an enterprise teacher 2.
            let enterprise = teachers.count % 10 == 9
            if teachers.isEmpty || teacherLoad >= (teachers.last?.unavailable.isEmpty == false ? 2 : 3) {
                let unavailable = enterprise ? Set((3..<5).flatMap { d in (0..<8).map { grid.period(day: d, slot: $0) } }) : []
                teachers.append(Teacher(id: "T\(teachers.count)", unavailable: unavailable))
                teacherLoad = 0
            }
            teacherLoad += 1
            return teachers[teachers.count - 1].id
        }
        var classSections: [[String]] = Array(repeating: [], count: classes)
        for program in 0..<programs {
            for k in 0..<3 {
                let index = courses.count
                let kind: RoomKind = index % 7 == 0 ? .workshop(kinds[index % kinds.count]) : .classroom
                let course = Course(id: "P\(program)-\(k)", roomKind: kind, minWorkingDays: 3)
                courses.append(course)
                for pair in 0..<5 {
                    let a = program * 10 + pair * 2
                    let id = "\(course.id)/\(pair)"
                    sections.append(Section(id: id, courseID: course.id, teacherIDs: [requiredTeacher()], meetingsPerWeek: 4, capacity: 80,
                                            classIDs: ["C\(a)", "C\(a + 1)"], unavailable: allPeriods.subtracting(morning)))
                    classSections[a].append(id)
                    classSections[a + 1].append(id)
                }
            }
        }
        // Electives fill the course and section counts up to 600 and 2,000 (scaled with the school).
        let electiveCourses = max(1, programs * 9), electiveSections = max(electiveCourses * 2, programs * 25)
        var electiveTeachers: [(id: String, blocks: Set<Int>)] = []
        var cursor = 0
        var weighted: [String] = []
        for i in 0..<electiveCourses {
            let kind: RoomKind = i % 10 == 0 ? .online : i % 10 == 5 ? .workshop(kinds[(i / 10) % kinds.count]) : .classroom
            let course = Course(id: "E\(i)", roomKind: kind, minWorkingDays: 1)
            courses.append(course)
            let count = i < electiveSections - 2 * electiveCourses ? 3 : 2
            for k in 0..<count {
                let block = (i * 7 + i / 10 + k * 3) % 10
                // The first teacher from the cursor on who is free in that block and has fewer than 5 sections.
                var t = cursor
                while t < electiveTeachers.count && (electiveTeachers[t].blocks.contains(block) || electiveTeachers[t].blocks.count >= 5) { t += 1 }
                if t == electiveTeachers.count { electiveTeachers.append(("ET\(t)", [])) }
                electiveTeachers[t].blocks.insert(block)
                while cursor < electiveTeachers.count && electiveTeachers[cursor].blocks.count >= 5 { cursor += 1 }
                sections.append(Section(id: "\(course.id)/\(k)", courseID: course.id, teacherIDs: [electiveTeachers[t].id], meetingsPerWeek: 2,
                                        capacity: 95, unavailable: allPeriods.subtracting(blocks[block])))
                weighted.append(course.id)
            }
        }
        teachers += electiveTeachers.map { Teacher(id: $0.id) }
        // Students: a class's sections, and 5 electives each with an alternative, popular in
        // proportion to the seats a course offers.
        var students: [StudentRequests] = []
        for s in 0..<(classes * 40) {
            var picked: [String] = []
            while picked.count < 10 {
                let course = weighted[below(weighted.count)]
                if !picked.contains(course) { picked.append(course) }
            }
            let electives = (0..<5).map { StudentRequests.Elective(priority: $0 + 1, alternatives: [picked[$0], picked[$0 + 5]]) }
            students.append(StudentRequests(studentID: "S\(s)", classSections: classSections[s / 40], required: [], electives: electives))
        }
        return School(term: Term(grid: grid, rooms: rooms, teachers: teachers, courses: courses, sections: sections), students: students)
    }

    static func run(students: Int = 20_000, seconds: Double = 20) {
        let clock = ContinuousClock()
        func elapsed(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
        let generated = clock.now
        let school = school(students: students)
        let term = school.term
        print("school: \(school.students.count) students, \(term.courses.count) courses, \(term.sections.count) sections, \(term.rooms.count) rooms, \(term.teachers.count) teachers, \(school.students.reduce(0) { $0 + $1.requestCount }) requests (generated in \(String(format: "%.2f", elapsed(clock.now - generated))) s)")

        let timetableStart = clock.now
        let timetable = SchoolTimetabling.solve(term, options: SolverOptions(seed: 1, timeLimit: seconds))
        let timetableTime = elapsed(clock.now - timetableStart)
        print(String(format: "timetable: %.2f s (limit %.0f s), %d meetings, hard violations %d, unplaced %d, ", timetableTime, seconds,
                     timetable.meetings.count, timetable.hardViolations, timetable.unplaced.count) + timetable.softCost.description)
        for unplaced in timetable.unplaced.prefix(5) { print("  \(unplaced)") }

        let sectioningStart = clock.now
        var sectioning = StudentSectioning(offerings: SectionOffering.from(term, timetable: timetable), periodCount: term.grid.periodCount)
        sectioning.sectionAll(school.students)
        let sectioningTime = elapsed(clock.now - sectioningStart)
        let total = school.students.reduce(0) { $0 + $1.requestCount }
        let unmet = sectioning.allUnmet
        let unsatisfiable = unmet.filter { $0.reason == .noSection }.count
        let met = total - unmet.count
        let byReason = Dictionary(grouping: unmet, by: \.reason).mapValues(\.count)
        let overfull = sectioning.enrolled.indices.filter { sectioning.enrolled[$0] > sectioning.offerings[$0].capacity }.count
        print(String(format: "sectioning: %.2f s, %d of %d requests met (%.2f %% of satisfiable), sections over capacity %d, unmet by reason: ",
                     sectioningTime, met, total, 100 * Double(met) / Double(max(1, total - unsatisfiable)), overfull)
              + byReason.map { "\($0.key.rawValue) \($0.value)" }.sorted().joined(separator: ", "))

        // Add/drop for 100 students: each drops their first elective and takes another course.
        var worst = 0.0, sum = 0.0
        for k in 0..<100 {
            var student = school.students[(k * 197) % school.students.count]
            student.electives[0] = .init(priority: 1, alternatives: ["E\(k % 50)"])
            let start = clock.now
            sectioning.resection(student)
            let t = elapsed(clock.now - start)
            worst = max(worst, t)
            sum += t
        }
        print(String(format: "re-sectioning one student: mean %.3f ms, worst %.3f ms (100 add/drops)", sum * 10, worst * 1000))
        print(String(format: "total timetable + sectioning: %.2f s", timetableTime + sectioningTime))
    }
}
