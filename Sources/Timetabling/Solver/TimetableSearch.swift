/// The engine's mutable state: where each lecture is, and counters from which every hard check
/// and every soft-cost change is read in time independent of the timetable's size.
struct TimetableSearch {
    let problem: TimetableProblem
    let periods: Int, days: Int, perDay: Int, roomCount: Int
    /// Conflict groups: the problem's, then one per unit (two lectures of a unit never share a period).
    let groupCount: Int
    let isCurriculum: [Bool]
    let unitOf: [Int]
    let indexInUnit: [Int]
    let lecturesOf: [[Int]]
    let unitGroups: [[Int]]
    let unitCurricula: [[Int]]
    let unavailable: [Bool]
    let allowed: [Bool]
    let masks: [UInt8]
    var rng: SplitMix64

    var period: [Int]
    var room: [Int]
    /// Lectures per (group, period, week parity).
    var groupOcc: [Int32]
    /// Lectures per (curriculum group, period), parities together: what compactness counts.
    var groupLectures: [Int32]
    /// The lecture in (room, period, parity), or -1.
    var roomOwner: [Int]
    var unitDay: [Int32], workingDays: [Int32], unitRoom: [Int32], roomsUsed: [Int32]
    var periodLectures: [[Int]]
    var positionInPeriod: [Int]

    init(problem: TimetableProblem, seed: UInt64) {
        self.problem = problem
        periods = problem.grid.periodCount
        days = problem.grid.days
        perDay = problem.grid.periodsPerDay
        roomCount = problem.rooms.count
        let unitCount = problem.units.count
        groupCount = problem.groups.count + unitCount
        isCurriculum = problem.groups.map { $0.kind == .curriculum } + Array(repeating: false, count: unitCount)
        var unitOf: [Int] = [], indexInUnit: [Int] = [], lecturesOf: [[Int]] = []
        var unitGroups: [[Int]] = [], unitCurricula: [[Int]] = []
        var unavailable = Array(repeating: false, count: unitCount * problem.grid.periodCount)
        var allowed = Array(repeating: false, count: unitCount * problem.rooms.count)
        for (u, unit) in problem.units.enumerated() {
            var mine: [Int] = []
            for i in 0..<unit.lectures {
                mine.append(unitOf.count)
                unitOf.append(u)
                indexInUnit.append(i)
            }
            lecturesOf.append(mine)
            let groups = Array(Set(unit.groups)).sorted()
            unitGroups.append(groups + [problem.groups.count + u])
            unitCurricula.append(groups.filter { problem.groups[$0].kind == .curriculum })
            for p in unit.unavailable where p >= 0 && p < problem.grid.periodCount { unavailable[u * problem.grid.periodCount + p] = true }
            for r in unit.allowedRooms { allowed[u * problem.rooms.count + r] = true }
        }
        self.unitOf = unitOf
        self.indexInUnit = indexInUnit
        self.lecturesOf = lecturesOf
        self.unitGroups = unitGroups
        self.unitCurricula = unitCurricula
        self.unavailable = unavailable
        self.allowed = allowed
        masks = problem.units.map { $0.weekMask & 0b11 == 0 ? 0b11 : $0.weekMask & 0b11 }
        rng = SplitMix64(seed: seed)
        let lectureCount = unitOf.count
        period = Array(repeating: -1, count: lectureCount)
        room = Array(repeating: -1, count: lectureCount)
        groupOcc = Array(repeating: 0, count: groupCount * periods * 2)
        groupLectures = Array(repeating: 0, count: groupCount * periods)
        roomOwner = Array(repeating: -1, count: roomCount * periods * 2)
        unitDay = Array(repeating: 0, count: unitCount * days)
        workingDays = Array(repeating: 0, count: unitCount)
        unitRoom = Array(repeating: 0, count: unitCount * roomCount)
        roomsUsed = Array(repeating: 0, count: unitCount)
        periodLectures = Array(repeating: [], count: periods)
        positionInPeriod = Array(repeating: -1, count: lectureCount)
    }

    // MARK: hard constraints

    /// Whether lecture `l` may go to (`p`, `r`) given everything else placed.
    func canPlace(_ l: Int, period p: Int, room r: Int) -> Bool {
        let u = unitOf[l]
        guard !unavailable[u * periods + p], allowed[u * roomCount + r] else { return false }
        return isTimeFree(u, period: p) && isRoomFree(r, period: p, mask: masks[u])
    }

    func isTimeFree(_ u: Int, period p: Int) -> Bool {
        let mask = masks[u]
        for g in unitGroups[u] {
            let base = (g * periods + p) * 2
            if mask & 1 != 0 && groupOcc[base] != 0 { return false }
            if mask & 2 != 0 && groupOcc[base + 1] != 0 { return false }
        }
        return true
    }

    func isRoomFree(_ r: Int, period p: Int, mask: UInt8) -> Bool {
        let base = (r * periods + p) * 2
        if mask & 1 != 0 && roomOwner[base] >= 0 { return false }
        if mask & 2 != 0 && roomOwner[base + 1] >= 0 { return false }
        return true
    }

    mutating func place(_ l: Int, period p: Int, room r: Int) {
        let u = unitOf[l], mask = masks[u]
        period[l] = p
        room[l] = r
        for g in unitGroups[u] {
            let base = (g * periods + p) * 2
            if mask & 1 != 0 { groupOcc[base] += 1 }
            if mask & 2 != 0 { groupOcc[base + 1] += 1 }
            groupLectures[g * periods + p] += 1
        }
        let roomBase = (r * periods + p) * 2
        if mask & 1 != 0 { roomOwner[roomBase] = l }
        if mask & 2 != 0 { roomOwner[roomBase + 1] = l }
        let d = p / perDay
        unitDay[u * days + d] += 1
        if unitDay[u * days + d] == 1 { workingDays[u] += 1 }
        unitRoom[u * roomCount + r] += 1
        if unitRoom[u * roomCount + r] == 1 { roomsUsed[u] += 1 }
        positionInPeriod[l] = periodLectures[p].count
        periodLectures[p].append(l)
    }

    mutating func remove(_ l: Int) {
        let p = period[l], r = room[l]
        guard p >= 0 else { return }
        let u = unitOf[l], mask = masks[u]
        for g in unitGroups[u] {
            let base = (g * periods + p) * 2
            if mask & 1 != 0 { groupOcc[base] -= 1 }
            if mask & 2 != 0 { groupOcc[base + 1] -= 1 }
            groupLectures[g * periods + p] -= 1
        }
        let roomBase = (r * periods + p) * 2
        if mask & 1 != 0 && roomOwner[roomBase] == l { roomOwner[roomBase] = -1 }
        if mask & 2 != 0 && roomOwner[roomBase + 1] == l { roomOwner[roomBase + 1] = -1 }
        let d = p / perDay
        unitDay[u * days + d] -= 1
        if unitDay[u * days + d] == 0 { workingDays[u] -= 1 }
        unitRoom[u * roomCount + r] -= 1
        if unitRoom[u * roomCount + r] == 0 { roomsUsed[u] -= 1 }
        let position = positionInPeriod[l]
        let last = periodLectures[p].removeLast()
        if last != l {
            periodLectures[p][position] = last
            positionInPeriod[last] = position
        }
        positionInPeriod[l] = -1
        period[l] = -1
        room[l] = -1
    }

    // MARK: soft cost, by component

    func capacityCost(_ u: Int, room r: Int) -> Int {
        max(0, problem.units[u].students - problem.rooms[r].capacity) * problem.weights.roomCapacity
    }

    /// MinWorkingDays and RoomStability of one unit.
    func unitCost(_ u: Int) -> Int {
        max(0, problem.units[u].minWorkingDays - Int(workingDays[u])) * problem.weights.minWorkingDays
            + max(0, Int(roomsUsed[u]) - 1) * problem.weights.roomStability
    }

    /// CurriculumCompactness of curriculum `g` on day `d`: every lecture with no lecture of the
    /// curriculum in the period before or after on the same day.
    func dayCost(_ g: Int, day d: Int) -> Int {
        var cost = 0
        let base = g * periods + d * perDay
        for s in 0..<perDay {
            let here = groupLectures[base + s]
            guard here > 0 else { continue }
            let before = s > 0 ? groupLectures[base + s - 1] : 0
            let after = s + 1 < perDay ? groupLectures[base + s + 1] : 0
            if before == 0 && after == 0 { cost += Int(here) }
        }
        return cost * problem.weights.curriculumCompactness
    }

    func fullCost() -> SoftCost {
        var cost = SoftCost()
        for l in period.indices where period[l] >= 0 { cost.roomCapacity += capacityCost(unitOf[l], room: room[l]) }
        for u in problem.units.indices {
            cost.minWorkingDays += max(0, problem.units[u].minWorkingDays - Int(workingDays[u])) * problem.weights.minWorkingDays
            cost.roomStability += max(0, Int(roomsUsed[u]) - 1) * problem.weights.roomStability
        }
        for g in 0..<groupCount where isCurriculum[g] {
            for d in 0..<days { cost.curriculumCompactness += dayCost(g, day: d) }
        }
        return cost
    }

    var placements: [Placement] {
        period.indices.compactMap { l in
            period[l] >= 0 ? Placement(unit: unitOf[l], index: indexInUnit[l], period: period[l], room: room[l]) : nil
        }
    }
}
