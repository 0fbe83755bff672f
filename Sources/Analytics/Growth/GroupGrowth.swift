import Foundation

/// A group's growth (群体增值): the median growth percentile of a class, programme or school with a
/// 95 % interval for it; no figure at all for fewer than 20 learners, whose median says too little
/// and could point at individuals.
public struct GroupGrowth: Sendable, Equatable {
    public var group: String
    public var learners: Int
    /// Nil when the group is too small to show.
    public var median: Double?
    public var lower: Double?
    public var upper: Double?

    /// The fewest learners a figure is shown for.
    public static let minimumLearners = 20

    public var isSuppressed: Bool { median == nil }

    /// The median and its distribution-free interval: the order statistics at n/2 ∓ 1.96·√n/2
    /// (the binomial interval for the median, normal approximation).
    public static func of(group: String, percentiles: [Int]) -> GroupGrowth {
        let n = percentiles.count
        guard n >= minimumLearners else { return GroupGrowth(group: group, learners: n, median: nil, lower: nil, upper: nil) }
        let sorted = percentiles.sorted().map(Double.init)
        let median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        let half = 1.96 * Double(n).squareRoot() / 2
        let lowerRank = max(1, Int((Double(n) / 2 - half).rounded(.down)))
        let upperRank = min(n, Int((Double(n) / 2 + half).rounded(.up)) + 1)
        return GroupGrowth(group: group, learners: n, median: median, lower: sorted[lowerRank - 1], upper: sorted[upperRank - 1])
    }

    /// Every group's growth, sorted by group name.
    public static func byGroup(groups: [String], percentiles: [Int]) -> [GroupGrowth] {
        var members: [String: [Int]] = [:]
        for (g, p) in zip(groups, percentiles) { members[g, default: []].append(p) }
        return members.keys.sorted().map { of(group: $0, percentiles: members[$0] ?? []) }
    }
}
