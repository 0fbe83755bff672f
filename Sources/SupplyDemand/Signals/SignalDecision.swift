import Exact

/// A signal with the numbers and the rule that produced it.
public struct SignalDecision: Sendable, Hashable, Codable {
    public var signal: AdjustmentSignal
    public var market: MarketPosition
    /// Why, in Chinese and English, with the numbers.
    public var reasonZh: String
    public var reasonEn: String

    /// The signal for a program in its market under `policy`.
    ///
    /// - No occupation group, or neither demand nor graduates: no data.
    /// - Demand and no graduates: open new when demand reaches the minimum gap, else hold.
    /// - Ratio ≥ expand ratio and shortage ≥ minimum gap: expand.
    /// - Ratio ≤ shrink ratio and surplus ≥ minimum gap, and the year before (when on record)
    ///   was also at or below the shrink ratio: shrink. One bad year alone only holds.
    /// - Otherwise hold.
    public static func decide(_ market: MarketPosition, policy: SignalPolicy = SignalPolicy()) -> SignalDecision {
        let d = market.demand, s = market.supply.decimal(places: 1)
        func decision(_ signal: AdjustmentSignal, _ zh: String, _ en: String) -> SignalDecision {
            SignalDecision(signal: signal, market: market, reasonZh: zh, reasonEn: en)
        }
        guard !market.occupationGroups.isEmpty else {
            return decision(.noData, "该专业未对应任何职业小类，请先维护专业—职业对应表", "the program maps to no occupation group; map it first")
        }
        guard d > 0 || market.supply > .zero else {
            return decision(.noData, "\(market.year)年对应职业既无需求也无毕业生", "no demand and no graduates in \(market.year) for its occupation groups")
        }
        guard let ratio = market.ratio else {
            if d >= policy.minimumGap {
                return decision(.openNew, "需求\(d)人，毕业生0人", "demand \(d), no graduates")
            }
            return decision(.hold, "需求\(d)人，毕业生0人，低于最小缺口\(policy.minimumGap)人", "demand \(d), no graduates, below the minimum gap of \(policy.minimumGap)")
        }
        let r = ratio.decimal(places: 2)
        let gap = market.gap
        if ratio >= policy.expandRatio, gap >= Fraction(policy.minimumGap) {
            return decision(.expand, "需求\(d)人，毕业生\(s)人，需求是供给的\(r)倍（≥\(policy.expandRatio.decimal(places: 2))）",
                            "demand \(d), graduates \(s), ratio \(r) ≥ \(policy.expandRatio.decimal(places: 2))")
        }
        if ratio <= policy.shrinkRatio, -gap >= Fraction(policy.minimumGap) {
            if let previous = market.previousRatio, previous > policy.shrinkRatio {
                return decision(.hold, "需求\(d)人，毕业生\(s)人，比值\(r)，但上一年比值\(previous.decimal(places: 2))尚未过低，继续观察",
                                "demand \(d), graduates \(s), ratio \(r), but the year before was \(previous.decimal(places: 2)); watch")
            }
            if market.previousDemand != nil, market.previousRatio == nil, (market.previousDemand ?? 0) > 0 {
                // The year before had demand and no graduates: a shortage, not a surplus.
                return decision(.hold, "需求\(d)人，毕业生\(s)人，比值\(r)，但上一年供不应求，继续观察",
                                "demand \(d), graduates \(s), ratio \(r), but the year before was short of graduates; watch")
            }
            return decision(.shrink, "需求\(d)人，毕业生\(s)人，比值\(r)（≤\(policy.shrinkRatio.decimal(places: 2))）",
                            "demand \(d), graduates \(s), ratio \(r) ≤ \(policy.shrinkRatio.decimal(places: 2))")
        }
        return decision(.hold, "需求\(d)人，毕业生\(s)人，比值\(r)", "demand \(d), graduates \(s), ratio \(r)")
    }
}
