/// 课表: the engine's answer — placed lectures, the lectures it could not place with why, and
/// the soft cost of what it placed.
public struct Timetable: Hashable, Sendable {
    public var placements: [Placement]
    public var unplaced: [UnplacedLecture]
    public var softCost: SoftCost
    /// Search statistics, for benchmarks.
    public var iterations: Int
    public var secondsToFeasible: Double?

    public init(placements: [Placement], unplaced: [UnplacedLecture], softCost: SoftCost, iterations: Int, secondsToFeasible: Double?) {
        self.placements = placements
        self.unplaced = unplaced
        self.softCost = softCost
        self.iterations = iterations
        self.secondsToFeasible = secondsToFeasible
    }

    public var isFeasible: Bool { unplaced.isEmpty }
}
