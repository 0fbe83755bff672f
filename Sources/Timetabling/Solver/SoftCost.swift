/// 软约束代价: the weighted soft cost by component.
public struct SoftCost: Hashable, Sendable, Codable, CustomStringConvertible {
    public var roomCapacity = 0
    public var minWorkingDays = 0
    public var curriculumCompactness = 0
    public var roomStability = 0

    public init(roomCapacity: Int = 0, minWorkingDays: Int = 0, curriculumCompactness: Int = 0, roomStability: Int = 0) {
        self.roomCapacity = roomCapacity
        self.minWorkingDays = minWorkingDays
        self.curriculumCompactness = curriculumCompactness
        self.roomStability = roomStability
    }

    public var total: Int { roomCapacity + minWorkingDays + curriculumCompactness + roomStability }

    public var description: String {
        "soft cost \(total) (RoomCapacity \(roomCapacity), MinWorkingDays \(minWorkingDays), CurriculumCompactness \(curriculumCompactness), RoomStability \(roomStability))"
    }
}
