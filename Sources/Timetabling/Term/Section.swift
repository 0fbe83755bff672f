/// 教学班: one taught group of a course, with its teachers, its size, how many meetings a week,
/// odd/even weeks, and the administrative classes (行政班) that attend it as a whole.
public struct Section: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var courseID: String
    public var teacherIDs: [String]
    /// 周课时: meetings per week, each one period long.
    public var meetingsPerWeek: Int
    /// Seats: the room must hold this many (hard) and sectioning fills at most this many.
    public var capacity: Int
    public var weeks: WeekPattern
    /// 行政班: classes that take this section together; their other sections may not clash with it.
    public var classIDs: [String]
    /// Periods this section may not use (on top of its teachers').
    public var unavailable: Set<Int>

    public init(id: String, courseID: String, teacherIDs: [String], meetingsPerWeek: Int, capacity: Int,
                weeks: WeekPattern = .every, classIDs: [String] = [], unavailable: Set<Int> = []) {
        self.id = id
        self.courseID = courseID
        self.teacherIDs = teacherIDs
        self.meetingsPerWeek = meetingsPerWeek
        self.capacity = capacity
        self.weeks = weeks
        self.classIDs = classIDs
        self.unavailable = unavailable
    }
}
