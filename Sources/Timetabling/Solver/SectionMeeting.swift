/// 一次上课: one weekly meeting of a section — its period and room (nil when online).
public struct SectionMeeting: Hashable, Sendable, Codable {
    public var sectionID: String
    public var period: Int
    public var roomID: String?
    public var weeks: WeekPattern

    public init(sectionID: String, period: Int, roomID: String?, weeks: WeekPattern) {
        self.sectionID = sectionID
        self.period = period
        self.roomID = roomID
        self.weeks = weeks
    }
}
