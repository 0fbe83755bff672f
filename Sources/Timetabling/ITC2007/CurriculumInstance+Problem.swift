/// ITC 2007 onto the engine: a course is a unit, every room is allowed (capacity is soft), a
/// teacher's courses and a curriculum's courses are conflict groups, curricula count for compactness.
extension CurriculumInstance {
    public var problem: TimetableProblem {
        var groups: [ConflictGroup] = []
        var teacherGroup: [String: Int] = [:]
        for course in courses where teacherGroup[course.teacher] == nil {
            teacherGroup[course.teacher] = groups.count
            groups.append(ConflictGroup(name: course.teacher, kind: .teacher))
        }
        var curriculaOf: [String: [Int]] = [:]
        for curriculum in curricula {
            for course in Set(curriculum.courses) { curriculaOf[course, default: []].append(groups.count) }
            groups.append(ConflictGroup(name: curriculum.id, kind: .curriculum))
        }
        var unavailableOf: [String: Set<Int>] = [:]
        for u in unavailabilities { unavailableOf[u.course, default: []].insert(grid.period(day: u.day, slot: u.slot)) }
        let allRooms = Array(rooms.indices)
        let units = courses.map { course in
            TimetableUnit(name: course.id, lectures: course.lectures, students: course.students, minWorkingDays: course.minWorkingDays,
                          unavailable: unavailableOf[course.id] ?? [], allowedRooms: allRooms,
                          groups: [teacherGroup[course.teacher] ?? 0] + (curriculaOf[course.id] ?? []),
                          roomRequirement: "any room")
        }
        return TimetableProblem(grid: grid, rooms: rooms.map { SolverRoom(name: $0.id, capacity: $0.capacity) },
                                units: units, groups: groups, weights: .ud2)
    }

    /// The engine's placements in the competition's terms.
    public func assignments(_ placements: [Placement]) -> [CTTAssignment] {
        placements.sorted { ($0.unit, $0.period) < ($1.unit, $1.period) }.map {
            CTTAssignment(course: courses[$0.unit].id, room: rooms[$0.room].id, day: grid.day(of: $0.period), slot: grid.slot(of: $0.period))
        }
    }
}
