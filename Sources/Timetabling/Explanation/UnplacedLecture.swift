/// 未排课说明: a lecture the solver could not place and, for each obstacle, in how many periods it
/// was the first hard constraint in the way (judged against the final timetable).
public struct UnplacedLecture: Hashable, Sendable, CustomStringConvertible {
    public var unitName: String
    public var index: Int
    public var obstacles: [Obstacle: Int]

    public init(unitName: String, index: Int, obstacles: [Obstacle: Int]) {
        self.unitName = unitName
        self.index = index
        self.obstacles = obstacles
    }

    /// The obstacle that blocks the most periods.
    public var mainObstacle: Obstacle? {
        obstacles.max { a, b in a.value != b.value ? a.value < b.value : a.key.description > b.key.description }?.key
    }

    public var description: String {
        let parts = obstacles.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.description < $1.key.description }
            .map { "\($0.key) ×\($0.value)" }
        return "未能排课 could not place \(unitName) lecture \(index + 1): " + parts.joined(separator: "; ")
    }
}
