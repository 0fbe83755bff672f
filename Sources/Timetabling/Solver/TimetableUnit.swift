/// 排课单元: what the engine schedules — an ITC course or a school section: `lectures` meetings,
/// each in a distinct period and one of `allowedRooms`.
public struct TimetableUnit: Hashable, Sendable {
    public var name: String
    public var lectures: Int
    public var students: Int
    public var minWorkingDays: Int
    /// Periods this unit may not use (teacher's or its own unavailability), hard.
    public var unavailable: Set<Int>
    /// Indices into the problem's rooms; empty means no room fits (every lecture is then unplaceable).
    public var allowedRooms: [Int]
    /// Indices into the problem's groups.
    public var groups: [Int]
    public var weekMask: UInt8
    /// What the unit needs of a room, for explanations ("实训室(CNC) ≥ 40").
    public var roomRequirement: String

    public init(name: String, lectures: Int, students: Int, minWorkingDays: Int, unavailable: Set<Int>,
                allowedRooms: [Int], groups: [Int], weekMask: UInt8 = 0b11, roomRequirement: String = "") {
        self.name = name
        self.lectures = lectures
        self.students = students
        self.minWorkingDays = minWorkingDays
        self.unavailable = unavailable
        self.allowedRooms = allowedRooms
        self.groups = groups
        self.weekMask = weekMask
        self.roomRequirement = roomRequirement
    }
}
