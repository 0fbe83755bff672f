/// 评价器: scores a solution exactly as the competition's validator (`ctt-validator.cc`) does,
/// from scratch and without the solver's bookkeeping, so the solver can be checked against it.
/// Entries naming an unknown course or room, a day or slot outside the grid, or a course and
/// period already given are skipped, as the validator skips them.
public enum UD2Evaluator {
    public static func evaluate(_ assignments: [CTTAssignment], in instance: CurriculumInstance,
                                weights: SoftWeights = .ud2) -> UD2Evaluation {
        let grid = instance.grid
        let periods = grid.periodCount
        let courseIndex = Dictionary(instance.courses.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let roomIndex = Dictionary(instance.rooms.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var result = UD2Evaluation()
        // roomOf[c][p]: the room of course c in period p, or -1.
        var roomOf = Array(repeating: Array(repeating: -1, count: periods), count: instance.courses.count)
        for a in assignments {
            guard let c = courseIndex[a.course], let r = roomIndex[a.room], a.day >= 0, a.day < grid.days,
                  a.slot >= 0, a.slot < grid.periodsPerDay else { result.skippedEntries += 1; continue }
            let p = grid.period(day: a.day, slot: a.slot)
            guard roomOf[c][p] < 0 else { result.skippedEntries += 1; continue }
            roomOf[c][p] = r
        }
        let courseCount = instance.courses.count
        var conflict = Array(repeating: Array(repeating: false, count: courseCount), count: courseCount)
        for curriculum in instance.curricula {
            let members = curriculum.courses.compactMap { courseIndex[$0] }
            for a in members { for b in members where a != b { conflict[a][b] = true } }
        }
        for a in 0..<courseCount { for b in 0..<courseCount where a != b && instance.courses[a].teacher == instance.courses[b].teacher { conflict[a][b] = true } }
        var available = Array(repeating: Array(repeating: true, count: periods), count: courseCount)
        for u in instance.unavailabilities {
            if let c = courseIndex[u.course], u.day < grid.days, u.slot < grid.periodsPerDay { available[c][grid.period(day: u.day, slot: u.slot)] = false }
        }
        for (c, course) in instance.courses.enumerated() {
            let count = roomOf[c].filter { $0 >= 0 }.count
            result.lectures += abs(course.lectures - count)
            for p in 0..<periods where roomOf[c][p] >= 0 {
                if !available[c][p] { result.availability += 1 }
                let capacity = instance.rooms[roomOf[c][p]].capacity
                if capacity < course.students { result.soft.roomCapacity += (course.students - capacity) * weights.roomCapacity }
            }
            for c2 in (c + 1)..<max(c + 1, courseCount) where conflict[c][c2] {
                for p in 0..<periods where roomOf[c][p] >= 0 && roomOf[c2][p] >= 0 { result.conflicts += 1 }
            }
            let workingDays = (0..<grid.days).filter { d in (0..<grid.periodsPerDay).contains { roomOf[c][grid.period(day: d, slot: $0)] >= 0 } }.count
            result.soft.minWorkingDays += max(0, course.minWorkingDays - workingDays) * weights.minWorkingDays
            let roomsUsed = Set(roomOf[c].filter { $0 >= 0 }).count
            result.soft.roomStability += max(0, roomsUsed - 1) * weights.roomStability
        }
        for p in 0..<periods {
            var inRoom = Array(repeating: 0, count: instance.rooms.count)
            for c in 0..<courseCount where roomOf[c][p] >= 0 { inRoom[roomOf[c][p]] += 1 }
            result.roomOccupancy += inRoom.reduce(0) { $0 + max(0, $1 - 1) }
        }
        for curriculum in instance.curricula {
            let members = Set(curriculum.courses.compactMap { courseIndex[$0] })
            let lecturesAt = (0..<periods).map { p in members.filter { roomOf[$0][p] >= 0 }.count }
            for p in 0..<periods where lecturesAt[p] > 0 {
                let slot = grid.slot(of: p)
                let before = slot > 0 ? lecturesAt[p - 1] : 0
                let after = slot + 1 < grid.periodsPerDay ? lecturesAt[p + 1] : 0
                if before == 0 && after == 0 { result.soft.curriculumCompactness += lecturesAt[p] * weights.curriculumCompactness }
            }
        }
        return result
    }
}
