/// 课程: a course of a program plan (人才培养方案), the room kind it needs and how many days a
/// week its meetings should spread over (soft).
public struct Course: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var roomKind: RoomKind
    /// 最少上课天数: meetings should fall on at least this many days (soft).
    public var minWorkingDays: Int

    public init(id: String, roomKind: RoomKind = .classroom, minWorkingDays: Int = 1) {
        self.id = id
        self.roomKind = roomKind
        self.minWorkingDays = minWorkingDays
    }
}
