import Exact

/// The thresholds that turn a demand/graduate ratio into a signal. The defaults are the
/// platform's: the policy asks for dynamic adjustment (附件3 #11) without numbers.
public struct SignalPolicy: Sendable, Hashable, Codable {
    /// Expand when demand is at least this many times the graduates...
    public var expandRatio: Fraction
    /// ...shrink when it is at most this many times...
    public var shrinkRatio: Fraction
    /// ...and only when the difference is at least this many people, so that small
    /// markets do not swing signals on a handful of posts.
    public var minimumGap: Int

    public init(expandRatio: Fraction = Fraction(3, 2), shrinkRatio: Fraction = Fraction(1, 2), minimumGap: Int = 10) {
        self.expandRatio = expandRatio
        self.shrinkRatio = shrinkRatio
        self.minimumGap = minimumGap
    }
}
