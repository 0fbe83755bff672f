/// The one input of the timetabling engine. Both the school model (`SchoolTimetabling`) and
/// ITC 2007 instances (`CurriculumInstance.problem`) are translated into it, so one engine
/// serves both.
public struct TimetableProblem: Hashable, Sendable {
    public var grid: PeriodGrid
    public var rooms: [SolverRoom]
    public var units: [TimetableUnit]
    public var groups: [ConflictGroup]
    public var weights: SoftWeights

    public init(grid: PeriodGrid, rooms: [SolverRoom], units: [TimetableUnit], groups: [ConflictGroup], weights: SoftWeights) {
        self.grid = grid
        self.rooms = rooms
        self.units = units
        self.groups = groups
        self.weights = weights
    }
}
