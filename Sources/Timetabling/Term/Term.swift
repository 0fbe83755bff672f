/// 学期排课数据: everything the school timetable is built from.
public struct Term: Hashable, Sendable, Codable {
    public var grid: PeriodGrid
    public var rooms: [Room]
    public var teachers: [Teacher]
    public var courses: [Course]
    public var sections: [Section]

    public init(grid: PeriodGrid, rooms: [Room], teachers: [Teacher], courses: [Course], sections: [Section]) {
        self.grid = grid
        self.rooms = rooms
        self.teachers = teachers
        self.courses = courses
        self.sections = sections
    }
}
