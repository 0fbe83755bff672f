/// 学校排课: the school model onto the engine. A section is a unit; its allowed rooms are those of
/// the course's kind that seat the whole section (hard); its teachers and its classes (行政班) are
/// conflict groups; its unavailable periods are its own and its teachers'. An online section gets
/// a room of its own that nothing else uses, so it never clashes on a room.
public enum SchoolTimetabling {
    public static func problem(for term: Term) -> TimetableProblem {
        var rooms = term.rooms.map { SolverRoom(name: $0.id, capacity: $0.capacity, kind: $0.kind.description) }
        var groups: [ConflictGroup] = []
        var teacherGroup: [String: Int] = [:], classGroup: [String: Int] = [:]
        for teacher in term.teachers {
            teacherGroup[teacher.id] = groups.count
            groups.append(ConflictGroup(name: teacher.id, kind: .teacher))
        }
        let teachers = Dictionary(term.teachers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let courses = Dictionary(term.courses.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var units: [TimetableUnit] = []
        for section in term.sections {
            let course = courses[section.courseID] ?? Course(id: section.courseID)
            var unitGroups: [Int] = []
            var unavailable = section.unavailable
            for id in section.teacherIDs {
                if teacherGroup[id] == nil {
                    teacherGroup[id] = groups.count
                    groups.append(ConflictGroup(name: id, kind: .teacher))
                }
                unitGroups.append(teacherGroup[id] ?? 0)
                unavailable.formUnion(teachers[id]?.unavailable ?? [])
            }
            for id in section.classIDs {
                if classGroup[id] == nil {
                    classGroup[id] = groups.count
                    groups.append(ConflictGroup(name: id, kind: .curriculum))
                }
                unitGroups.append(classGroup[id] ?? 0)
            }
            let allowed: [Int]
            if course.roomKind == .online {
                allowed = [rooms.count]
                rooms.append(SolverRoom(name: "online:\(section.id)", capacity: section.capacity, kind: RoomKind.online.description))
            } else {
                allowed = term.rooms.indices.filter { term.rooms[$0].kind == course.roomKind && term.rooms[$0].capacity >= section.capacity }
            }
            units.append(TimetableUnit(name: section.id, lectures: section.meetingsPerWeek, students: section.capacity,
                                       minWorkingDays: min(max(1, course.minWorkingDays), section.meetingsPerWeek),
                                       unavailable: unavailable, allowedRooms: allowed, groups: unitGroups,
                                       weekMask: section.weeks.mask, roomRequirement: "\(course.roomKind) ≥ \(section.capacity)"))
        }
        return TimetableProblem(grid: term.grid, rooms: rooms, units: units, groups: groups, weights: .ud2)
    }

    public static func solve(_ term: Term, options: SolverOptions = SolverOptions()) -> SchoolTimetable {
        let problem = problem(for: term)
        let timetable = TimetableSolver.solve(problem, options: options)
        let physical = term.rooms.count
        let meetings = timetable.placements.map { p in
            SectionMeeting(sectionID: term.sections[p.unit].id, period: p.period,
                           roomID: p.room < physical ? problem.rooms[p.room].name : nil, weeks: term.sections[p.unit].weeks)
        }
        return SchoolTimetable(meetings: meetings, unplaced: timetable.unplaced, softCost: timetable.softCost,
                               hardViolations: hardViolations(of: timetable.placements, in: problem))
    }

    /// Hard violations by counters (the pairwise check in `TimetableSolver.hardViolations` is
    /// quadratic; this one is linear, for school-sized timetables).
    static func hardViolations(of placements: [Placement], in problem: TimetableProblem) -> Int {
        let periods = problem.grid.periodCount
        var violations = 0
        var count = Array(repeating: 0, count: problem.units.count)
        var roomUse = [Int: Int](), groupUse = [Int: Int]()
        for p in placements {
            count[p.unit] += 1
            let unit = problem.units[p.unit]
            if unit.unavailable.contains(p.period) || !unit.allowedRooms.contains(p.room) { violations += 1 }
            for bit in 0..<2 where unit.weekMask & (1 << bit) != 0 {
                let roomKey = (p.room * periods + p.period) * 2 + bit
                if roomUse[roomKey, default: 0] > 0 { violations += 1 }
                roomUse[roomKey, default: 0] += 1
                for g in unit.groups + [problem.groups.count + p.unit] {
                    let key = (g * periods + p.period) * 2 + bit
                    if groupUse[key, default: 0] > 0 { violations += 1 }
                    groupUse[key, default: 0] += 1
                }
            }
        }
        for (u, unit) in problem.units.enumerated() { violations += abs(unit.lectures - count[u]) }
        return violations
    }
}
