/// 教师: a teacher and the periods they cannot teach (an enterprise teacher who only comes on
/// fixed days is unavailable on all the others).
public struct Teacher: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    /// Period numbers of the term's `PeriodGrid`.
    public var unavailable: Set<Int>

    public init(id: String, unavailable: Set<Int> = []) {
        self.id = id
        self.unavailable = unavailable
    }
}
