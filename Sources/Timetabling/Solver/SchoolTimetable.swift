/// 学校课表: every section's meetings, what could not be placed and why, and the soft cost.
public struct SchoolTimetable: Hashable, Sendable {
    public var meetings: [SectionMeeting]
    public var unplaced: [UnplacedLecture]
    public var softCost: SoftCost
    /// Hard violations recounted from scratch over the placed meetings and missing ones.
    public var hardViolations: Int

    public init(meetings: [SectionMeeting], unplaced: [UnplacedLecture], softCost: SoftCost, hardViolations: Int) {
        self.meetings = meetings
        self.unplaced = unplaced
        self.softCost = softCost
        self.hardViolations = hardViolations
    }

    /// Meetings of each section, for sectioning.
    public var periodsBySection: [String: [SectionMeeting]] { Dictionary(grouping: meetings, by: \.sectionID) }
}
