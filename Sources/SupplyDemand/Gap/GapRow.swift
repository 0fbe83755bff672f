import Exact

/// Demand against supply for one key (an occupation group, a cluster, a district) in one year.
public struct GapRow: Sendable, Hashable, Codable {
    public var key: String
    public var year: Int
    /// People wanted (用工需求人数).
    public var demand: Int
    /// Graduates, shared equally among the occupation groups their program maps to.
    public var supply: Fraction
    /// The previous year's demand and supply, when that year is on record.
    public var previousDemand: Int?
    public var previousSupply: Fraction?

    public init(key: String, year: Int, demand: Int, supply: Fraction, previousDemand: Int? = nil, previousSupply: Fraction? = nil) {
        self.key = key
        self.year = year
        self.demand = demand
        self.supply = supply
        self.previousDemand = previousDemand
        self.previousSupply = previousSupply
    }

    /// Demand minus supply: positive is a shortage of graduates, negative a surplus.
    public var gap: Fraction { Fraction(demand) - supply }
    /// People wanted per graduate; nil when there are no graduates.
    public var ratio: Fraction? { Fraction(demand) / supply }
    public var previousGap: Fraction? {
        guard let previousDemand, let previousSupply else { return nil }
        return Fraction(previousDemand) - previousSupply
    }
    /// How much the gap grew since the previous year (negative: it narrowed).
    public var gapChange: Fraction? { previousGap.map { gap - $0 } }
    public var previousRatio: Fraction? {
        guard let previousDemand, let previousSupply else { return nil }
        return Fraction(previousDemand) / previousSupply
    }
}
