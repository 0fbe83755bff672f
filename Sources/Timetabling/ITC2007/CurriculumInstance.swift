/// ITC 2007 track 3 课程表实例 (curriculum-based course timetabling, `.ctt`).
public struct CurriculumInstance: Hashable, Sendable {
    public struct Course: Hashable, Sendable {
        public var id: String
        public var teacher: String
        public var lectures: Int
        public var minWorkingDays: Int
        public var students: Int
    }

    public struct Room: Hashable, Sendable {
        public var id: String
        public var capacity: Int
    }

    /// A curriculum: courses with students in common, so no two may share a period.
    public struct Curriculum: Hashable, Sendable {
        public var id: String
        public var courses: [String]
    }

    /// Course `course` may not be taught in `period` (day × periods per day + slot).
    public struct Unavailability: Hashable, Sendable {
        public var course: String
        public var day: Int
        public var slot: Int
    }

    public var name: String
    public var grid: PeriodGrid
    public var courses: [Course]
    public var rooms: [Room]
    public var curricula: [Curriculum]
    public var unavailabilities: [Unavailability]

    public init(name: String, grid: PeriodGrid, courses: [Course], rooms: [Room], curricula: [Curriculum], unavailabilities: [Unavailability]) {
        self.name = name
        self.grid = grid
        self.courses = courses
        self.rooms = rooms
        self.curricula = curricula
        self.unavailabilities = unavailabilities
    }

    public var lectureCount: Int { courses.reduce(0) { $0 + $1.lectures } }
}
