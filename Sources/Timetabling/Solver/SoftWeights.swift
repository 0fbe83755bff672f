/// 软约束权重: weights of the soft costs. `.ud2` are the ITC 2007 track 3 weights.
public struct SoftWeights: Hashable, Sendable, Codable {
    /// Per student over a room's capacity, per lecture.
    public var roomCapacity: Int
    /// Per day short of a course's minimum working days.
    public var minWorkingDays: Int
    /// Per lecture of a curriculum (class) with no adjacent lecture on the same day.
    public var curriculumCompactness: Int
    /// Per room beyond the first that a course uses.
    public var roomStability: Int

    public init(roomCapacity: Int, minWorkingDays: Int, curriculumCompactness: Int, roomStability: Int) {
        self.roomCapacity = roomCapacity
        self.minWorkingDays = minWorkingDays
        self.curriculumCompactness = curriculumCompactness
        self.roomStability = roomStability
    }

    public static let ud2 = SoftWeights(roomCapacity: 1, minWorkingDays: 5, curriculumCompactness: 2, roomStability: 1)
}
