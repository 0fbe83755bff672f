import Foundation

/// The three phases of a run: construction, repair, annealing; and the explanation of whatever
/// stayed unplaced.
extension TimetableSearch {
    mutating func run(options: SolverOptions) -> Timetable {
        let clock = ContinuousClock()
        let start = clock.now
        func elapsed() -> Double {
            let d = clock.now - start
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        var iterations = 0
        var unplaced = construct()
        // Repair: a bounded ejection search, checking the clock every 128 steps.
        var tabuUntil = [Int: Int]()
        var ejections = Array(repeating: 0, count: period.count)
        while !unplaced.isEmpty && iterations < options.maxIterations {
            if iterations & 127 == 0 && elapsed() > options.timeLimit { break }
            iterations += 1
            let pick = rng.below(unplaced.count)
            let l = unplaced[pick]
            unplaced.swapAt(pick, unplaced.count - 1)
            unplaced.removeLast()
            if let ejected = ejectAndPlace(l, iteration: iterations, tabuUntil: &tabuUntil, ejections: &ejections) {
                unplaced.append(contentsOf: ejected)
            } else {
                unplaced.append(l)
                if unplaced.count == 1 && !hasAnyOption(l) { break }
            }
        }
        // Whatever the repair left, place greedily where it still fits.
        unplaced = unplaced.filter { !placeGreedily($0) }
        let secondsToFeasible = unplaced.isEmpty ? elapsed() : nil
        if unplaced.isEmpty { iterations = anneal(options: options, startIteration: iterations, elapsed: elapsed) }
        let explanations = unplaced.sorted().map(explain)
        return Timetable(placements: placements, unplaced: explanations, softCost: fullCost(),
                         iterations: iterations, secondsToFeasible: secondsToFeasible)
    }

    // MARK: construction

    /// Places units hardest first: fewest usable (period, room) pairs per lecture, then most
    /// conflict groups. Returns the lectures that found no free place.
    mutating func construct() -> [Int] {
        let order = problem.units.indices.sorted { a, b in
            let da = difficulty(a), db = difficulty(b)
            return da != db ? da < db : a < b
        }
        var unplaced: [Int] = []
        for u in order {
            for l in lecturesOf[u] where !placeGreedily(l) { unplaced.append(l) }
        }
        return unplaced
    }

    func difficulty(_ u: Int) -> Double {
        let unit = problem.units[u]
        let freePeriods = (0..<periods).filter { !unavailable[u * periods + $0] }.count
        let options = Double(freePeriods * max(1, unit.allowedRooms.count)) / Double(max(1, unit.lectures))
        return options / Double(1 + unitGroups[u].count)
    }

    /// Puts `l` in the free (period, room) of least immediate cost; false if there is none.
    mutating func placeGreedily(_ l: Int) -> Bool {
        let u = unitOf[l]
        let unit = problem.units[u]
        var best: (period: Int, room: Int, score: Int)?
        let offset = rng.below(periods)
        for k in 0..<periods {
            let p = (k + offset) % periods
            guard !unavailable[u * periods + p], isTimeFree(u, period: p) else { continue }
            guard let r = bestRoom(u, period: p) else { continue }
            let d = p / perDay, s = p % perDay
            var score = unitDay[u * days + d] > 0 ? 10 : 0
            for g in unitCurricula[u] {
                let base = g * periods + d * perDay
                if (s > 0 && groupLectures[base + s - 1] > 0) || (s + 1 < perDay && groupLectures[base + s + 1] > 0) { score -= 2 }
            }
            score += max(0, unit.students - problem.rooms[r].capacity) + (unitRoom[u * roomCount + r] > 0 ? 0 : 1)
            if best == nil || score < best?.score ?? .max { best = (p, r, score) }
        }
        guard let best else { return false }
        place(l, period: best.period, room: best.room)
        return true
    }

    /// A free allowed room in `p`: one the unit already uses if it fits, else the smallest that
    /// holds everyone, else the largest.
    func bestRoom(_ u: Int, period p: Int) -> Int? {
        let students = problem.units[u].students, mask = masks[u]
        var smallestFitting: Int?, largest: Int?
        for r in problem.units[u].allowedRooms where isRoomFree(r, period: p, mask: mask) {
            let capacity = problem.rooms[r].capacity
            if unitRoom[u * roomCount + r] > 0 && capacity >= students { return r }
            if capacity >= students {
                if smallestFitting.map({ capacity < problem.rooms[$0].capacity }) ?? true { smallestFitting = r }
            } else if largest.map({ capacity > problem.rooms[$0].capacity }) ?? true {
                largest = r
            }
        }
        return smallestFitting ?? largest
    }

    func hasAnyOption(_ l: Int) -> Bool {
        let u = unitOf[l]
        return !problem.units[u].allowedRooms.isEmpty && (0..<periods).contains { !unavailable[u * periods + $0] }
    }

    // MARK: repair

    /// Places `l` where it clashes with the fewest placed lectures (not moving a lecture back
    /// where it was just ejected from), unplaces those, and returns them; nil when `l` has no
    /// period or room at all. A lecture ejected often weighs more, so the search stops cycling
    /// through the same few hard lectures.
    mutating func ejectAndPlace(_ l: Int, iteration: Int, tabuUntil: inout [Int: Int], ejections: inout [Int]) -> [Int]? {
        let u = unitOf[l], mask = masks[u]
        let mine = Set(unitGroups[u])
        var best: (period: Int, room: Int, victims: [Int], score: Int)?
        for p in 0..<periods where !unavailable[u * periods + p] {
            if let until = tabuUntil[l * periods + p], until > iteration { continue }
            var clashing: [Int] = []
            if !isTimeFree(u, period: p) {
                for other in periodLectures[p] where masks[unitOf[other]] & mask != 0 {
                    if unitGroups[unitOf[other]].contains(where: mine.contains) { clashing.append(other) }
                }
            }
            for r in problem.units[u].allowedRooms {
                var victims = clashing
                let base = (r * periods + p) * 2
                for bit in 0..<2 where mask & (1 << bit) != 0 {
                    let owner = roomOwner[base + bit]
                    if owner >= 0 && !victims.contains(owner) { victims.append(owner) }
                }
                let score = victims.reduce(0) { $0 + 16 + min(ejections[$1], 256) } + max(0, problem.units[u].students - problem.rooms[r].capacity) / 8 + rng.below(12)
                if best == nil || score < best?.score ?? .max { best = (p, r, victims, score) }
            }
        }
        guard let best else { return nil }
        for victim in best.victims {
            let from = period[victim]
            ejections[victim] += 1
            remove(victim)
            tabuUntil[victim * periods + from] = iteration + 8 + rng.below(8)
        }
        place(l, period: best.period, room: best.room)
        return best.victims
    }

    // MARK: annealing

    /// Simulated annealing over feasible moves and swaps; keeps the best timetable seen.
    /// Returns the iteration count reached.
    mutating func anneal(options: SolverOptions, startIteration: Int, elapsed: () -> Double) -> Int {
        let lectureCount = period.count
        guard lectureCount > 0 else { return startIteration }
        var current = fullCost().total
        var bestCost = current
        var bestPeriod = period, bestRoom = room
        let startTemperature = 2.0, endTemperature = 0.02
        let byIterations = options.maxIterations != .max
        let budget = byIterations ? max(1, options.maxIterations - startIteration) : 0
        let startTime = elapsed()
        var temperature = startTemperature
        var iteration = startIteration
        var sinceBest = 0
        while iteration < options.maxIterations {
            if iteration & 255 == 0 {
                let fraction: Double
                if byIterations {
                    fraction = Double(iteration - startIteration) / Double(budget)
                    if elapsed() > options.timeLimit { break }
                } else {
                    let now = elapsed()
                    if now > options.timeLimit { break }
                    fraction = (now - startTime) / max(1e-9, options.timeLimit - startTime)
                }
                temperature = startTemperature * pow(endTemperature / startTemperature, min(1, max(0, fraction)))
                if bestCost == 0 { break }
            }
            iteration += 1
            sinceBest += 1
            // After a long stretch without progress, go back to the best and search from there.
            if sinceBest > 200_000 && current > bestCost {
                restore(period: bestPeriod, room: bestRoom)
                current = bestCost
                sinceBest = 0
            }
            guard let delta = tryMove(temperature: temperature) else { continue }
            current += delta
            if current < bestCost {
                bestCost = current
                bestPeriod = period
                bestRoom = room
                sinceBest = 0
            }
        }
        if current != bestCost { restore(period: bestPeriod, room: bestRoom) }
        return iteration
    }

    mutating func restore(period targetPeriod: [Int], room targetRoom: [Int]) {
        for l in period.indices { remove(l) }
        for l in period.indices where targetPeriod[l] >= 0 { place(l, period: targetPeriod[l], room: targetRoom[l]) }
    }

    /// One random move (a lecture to another period and room) or swap (with the lecture in that
    /// room then); applied and its cost change returned when accepted, undone and nil otherwise.
    mutating func tryMove(temperature: Double) -> Int? {
        let l = rng.below(period.count)
        let u = unitOf[l]
        let rooms = problem.units[u].allowedRooms
        guard !rooms.isEmpty else { return nil }
        let p1 = period[l], r1 = room[l]
        // Half the moves keep the room (time moves), a quarter keep the period (room moves).
        let kind = rng.below(4)
        let p2 = kind == 3 ? p1 : rng.below(periods)
        let r2 = kind <= 1 ? r1 : rooms[rng.below(rooms.count)]
        if p2 == p1 && r2 == r1 { return nil }
        if unavailable[u * periods + p2] { return nil }
        let mask = masks[u]
        let base = (r2 * periods + p2) * 2
        var other = -1
        for bit in 0..<2 where mask & (1 << bit) != 0 {
            let owner = roomOwner[base + bit]
            if owner >= 0 && owner != l {
                if other >= 0 && other != owner { return nil }
                other = owner
            }
        }
        var u2 = -1
        if other >= 0 {
            u2 = unitOf[other]
            if masks[u2] != mask || !allowed[u2 * roomCount + r1] || unavailable[u2 * periods + p1] { return nil }
        }
        let before = localCost(l, other, days: p1 / perDay, p2 / perDay)
        remove(l)
        if other >= 0 { remove(other) }
        guard canPlace(l, period: p2, room: r2) else {
            if other >= 0 { place(other, period: p2, room: r2) }
            place(l, period: p1, room: r1)
            return nil
        }
        place(l, period: p2, room: r2)
        if other >= 0 {
            guard canPlace(other, period: p1, room: r1) else {
                remove(l)
                place(other, period: p2, room: r2)
                place(l, period: p1, room: r1)
                return nil
            }
            place(other, period: p1, room: r1)
        }
        let delta = localCost(l, other, days: p1 / perDay, p2 / perDay) - before
        if delta <= 0 || rng.unit() < exp(-Double(delta) / temperature) { return delta }
        remove(l)
        if other >= 0 { remove(other); place(other, period: p2, room: r2) }
        place(l, period: p1, room: r1)
        return nil
    }

    /// The part of the soft cost that a move of `a` (and `b`, or -1) between days `d1` and `d2`
    /// can change.
    func localCost(_ a: Int, _ b: Int, days d1: Int, _ d2: Int) -> Int {
        let ua = unitOf[a]
        var cost = unitCost(ua) + capacityCost(ua, room: room[a])
        var curricula = unitCurricula[ua]
        if b >= 0 {
            let ub = unitOf[b]
            cost += capacityCost(ub, room: room[b])
            if ub != ua {
                cost += unitCost(ub)
                for g in unitCurricula[ub] where !curricula.contains(g) { curricula.append(g) }
            }
        }
        for g in curricula {
            cost += dayCost(g, day: d1)
            if d2 != d1 { cost += dayCost(g, day: d2) }
        }
        return cost
    }

    // MARK: explanation

    /// Why `l` fits nowhere in the final timetable: for each period, the first hard constraint
    /// in the way.
    func explain(_ l: Int) -> UnplacedLecture {
        let u = unitOf[l]
        let unit = problem.units[u]
        var obstacles: [Obstacle: Int] = [:]
        let mask = masks[u]
        for p in 0..<periods {
            let obstacle: Obstacle
            if unit.allowedRooms.isEmpty {
                obstacle = .noRoom(unit.roomRequirement)
            } else if unavailable[u * periods + p] {
                obstacle = .unavailable
            } else if let g = ([problem.groups.count + u] + unitGroups[u]).first(where: { g in
                let base = (g * periods + p) * 2
                return (mask & 1 != 0 && groupOcc[base] != 0) || (mask & 2 != 0 && groupOcc[base + 1] != 0)
            }) {
                if g >= problem.groups.count {
                    obstacle = .sameUnit
                } else {
                    let group = problem.groups[g]
                    obstacle = group.kind == .teacher ? .teacherBusy(group.name) : .classClash(group.name)
                }
            } else if !unit.allowedRooms.contains(where: { isRoomFree($0, period: p, mask: mask) }) {
                obstacle = .roomsTaken
            } else {
                continue
            }
            obstacles[obstacle, default: 0] += 1
        }
        return UnplacedLecture(unitName: unit.name, index: indexInUnit[l], obstacles: obstacles)
    }
}
