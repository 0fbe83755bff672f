/// 开课: a timetabled section as sectioning sees it — its course, seats and the periods it meets
/// (with the weeks), taken from the school timetable.
public struct SectionOffering: Hashable, Sendable, Codable {
    public var sectionID: String
    public var courseID: String
    public var capacity: Int
    public var periods: [Int]
    public var weeks: WeekPattern

    public init(sectionID: String, courseID: String, capacity: Int, periods: [Int], weeks: WeekPattern = .every) {
        self.sectionID = sectionID
        self.courseID = courseID
        self.capacity = capacity
        self.periods = periods
        self.weeks = weeks
    }

    /// Offerings from a solved school timetable.
    public static func from(_ term: Term, timetable: SchoolTimetable) -> [SectionOffering] {
        let meetings = timetable.periodsBySection
        return term.sections.map { section in
            SectionOffering(sectionID: section.id, courseID: section.courseID, capacity: section.capacity,
                            periods: (meetings[section.id] ?? []).map(\.period).sorted(), weeks: section.weeks)
        }
    }
}
