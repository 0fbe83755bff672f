/// 冲突组: a set of units no two of which may meet in the same period — a teacher's units, a
/// class's (行政班) or an ITC curriculum's. Curricula and classes also count for compactness.
public struct ConflictGroup: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case teacher
        /// 行政班 or ITC curriculum.
        case curriculum
    }

    public var name: String
    public var kind: Kind

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}
