/// 评价结果: hard violations by kind and the UD2 soft cost of a solution.
public struct UD2Evaluation: Hashable, Sendable, CustomStringConvertible {
    /// Lectures missing or in excess, per course.
    public var lectures = 0
    /// Pairs of lectures of conflicting courses (same curriculum or teacher) in one period.
    public var conflicts = 0
    /// Lectures in a period their course is unavailable.
    public var availability = 0
    /// Lectures beyond the first in a room and period.
    public var roomOccupancy = 0
    /// Entries the validator skips (unknown course or room, outside the grid, repeated course and period).
    public var skippedEntries = 0
    public var soft = SoftCost()

    public var hardViolations: Int { lectures + conflicts + availability + roomOccupancy }

    public var description: String {
        "hard violations \(hardViolations) (Lectures \(lectures), Conflicts \(conflicts), Availability \(availability), RoomOccupancy \(roomOccupancy)); \(soft)"
    }
}
