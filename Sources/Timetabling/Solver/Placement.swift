/// 排课结果中的一节课: lecture `index` of unit `unit` in `period` and `room` (indices into the problem).
public struct Placement: Hashable, Sendable, Codable {
    public var unit: Int
    public var index: Int
    public var period: Int
    public var room: Int

    public init(unit: Int, index: Int, period: Int, room: Int) {
        self.unit = unit
        self.index = index
        self.period = period
        self.room = room
    }
}
