/// 排课引擎: one engine for school timetables and ITC 2007 instances. It builds a start by
/// placing the hardest units first, repairs what is left with an ejection search (place a
/// lecture, unplace whatever clashes, tabu on moving back), then lowers the soft cost by simulated
/// annealing over moves and swaps whose cost change is computed incrementally. Once every lecture
/// is placed no move that breaks a hard constraint is ever made.
public enum TimetableSolver {
    public static func solve(_ problem: TimetableProblem, options: SolverOptions = SolverOptions()) -> Timetable {
        var search = TimetableSearch(problem: problem, seed: options.seed)
        return search.run(options: options)
    }

    /// The soft cost of a complete or partial set of placements, computed from scratch.
    public static func softCost(of placements: [Placement], in problem: TimetableProblem) -> SoftCost {
        var search = TimetableSearch(problem: problem, seed: 0)
        for placement in placements {
            let lecture = search.lecturesOf[placement.unit][placement.index]
            search.place(lecture, period: placement.period, room: placement.room)
        }
        return search.fullCost()
    }

    /// Hard violations among placements (each clash pair, room double use, unavailable period or
    /// disallowed room counts once) plus lectures missing — computed from scratch, independent of
    /// the search's bookkeeping, so tests can hold the engine to it.
    public static func hardViolations(of placements: [Placement], in problem: TimetableProblem) -> Int {
        var violations = 0
        var count = Array(repeating: 0, count: problem.units.count)
        for p in placements { count[p.unit] += 1 }
        for (u, unit) in problem.units.enumerated() { violations += abs(unit.lectures - count[u]) }
        for p in placements {
            let unit = problem.units[p.unit]
            if unit.unavailable.contains(p.period) { violations += 1 }
            if !unit.allowedRooms.contains(p.room) { violations += 1 }
        }
        for i in placements.indices {
            for j in placements.indices where j > i {
                let a = placements[i], b = placements[j]
                guard a.period == b.period,
                      problem.units[a.unit].weekMask & problem.units[b.unit].weekMask != 0 else { continue }
                if a.room == b.room { violations += 1 }
                if a.unit == b.unit || !Set(problem.units[a.unit].groups).isDisjoint(with: problem.units[b.unit].groups) {
                    violations += 1
                }
            }
        }
        return violations
    }
}
