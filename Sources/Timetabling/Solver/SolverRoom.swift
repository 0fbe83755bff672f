/// A room as the engine sees it: a name and a capacity (kind is already resolved into each
/// unit's list of allowed rooms).
public struct SolverRoom: Hashable, Sendable {
    public var name: String
    public var capacity: Int
    /// Describes what kind of room it is, for explanations.
    public var kind: String

    public init(name: String, capacity: Int, kind: String = "") {
        self.name = name
        self.capacity = capacity
        self.kind = kind
    }
}
