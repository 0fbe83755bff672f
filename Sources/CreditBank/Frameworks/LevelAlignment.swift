/// 资历级别对照: which level of each framework corresponds to which level of the Guangdong
/// lifelong-education framework (the hub every other framework is aligned to). The city edits
/// the table; `validated` refuses a table under which a conversion could rise in level.
public struct LevelAlignment: Sendable, Hashable, Codable {
    /// The hub framework's id.
    public static let hub = "gd-lqf"

    public struct Pair: Sendable, Hashable, Codable {
        public var level: LevelRef
        /// The hub level it corresponds to.
        public var hubLevel: Int

        public init(_ level: LevelRef, hubLevel: Int) {
            self.level = level
            self.hubLevel = hubLevel
        }
    }

    public var pairs: [Pair]

    public init(pairs: [Pair]) { self.pairs = pairs }

    public enum Problem: Error, Equatable, Sendable {
        /// Within one framework a higher level is aligned below a lower one.
        case notMonotone(framework: String, lower: Int, higher: Int)
        /// A level aligned twice.
        case duplicate(LevelRef)
        case unknownLevel(LevelRef)
    }

    /// Checks the table against the frameworks: every level known, one hub level each, and
    /// order kept within each framework (so no chain of alignments can raise a level).
    public func validated(against frameworks: [QualificationsFramework]) throws(Problem) -> LevelAlignment {
        var seen = Set<LevelRef>()
        for pair in pairs {
            guard seen.insert(pair.level).inserted else { throw .duplicate(pair.level) }
            guard frameworks.first(where: { $0.id == pair.level.framework })?.level(pair.level.level) != nil,
                  frameworks.first(where: { $0.id == LevelAlignment.hub })?.level(pair.hubLevel) != nil else { throw .unknownLevel(pair.level) }
        }
        for (framework, group) in Dictionary(grouping: pairs, by: \.level.framework) {
            let sorted = group.sorted { $0.level.level < $1.level.level }
            for (a, b) in zip(sorted, sorted.dropFirst()) where b.hubLevel < a.hubLevel {
                throw .notMonotone(framework: framework, lower: a.level.level, higher: b.level.level)
            }
        }
        return self
    }

    /// The hub level of `ref`: its own if it is a hub level; its aligned level; or, for a level
    /// not in the table, the hub level of the highest aligned level below it (never higher).
    public func hubLevel(of ref: LevelRef) -> Int? {
        if ref.framework == LevelAlignment.hub { return ref.level }
        if let exact = pairs.first(where: { $0.level == ref }) { return exact.hubLevel }
        return pairs.filter { $0.level.framework == ref.framework && $0.level.level < ref.level }
            .max { $0.level.level < $1.level.level }?.hubLevel
    }

    /// `ref` expressed in `framework`: a level of `framework` whose hub level does not exceed
    /// `ref`'s — the nearest hub level below or at it, and where several levels of `framework`
    /// share that hub level (a tie the city may enter), the lowest of them. A level in its own
    /// framework is itself. Never rises: however a level is converted, and back, it comes back
    /// at the same level or lower (ties included; property-tested over random tables).
    public func convert(_ ref: LevelRef, to framework: String) -> LevelRef? {
        if ref.framework == framework { return ref }
        guard let hub = hubLevel(of: ref) else { return nil }
        if framework == LevelAlignment.hub { return LevelRef(framework, hub) }
        let below = pairs.filter { $0.level.framework == framework && $0.hubLevel <= hub }
        guard let nearest = below.map(\.hubLevel).max() else { return nil }
        return below.filter { $0.hubLevel == nearest }.min { $0.level.level < $1.level.level }?.level
    }
}
