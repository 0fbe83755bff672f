/// Demand headcount aggregated by the keys gaps are computed over. Many demand rows with the
/// same keys may be summed into one fact before they reach the gap table (SQL `GROUP BY`).
public struct DemandFact: Sendable, Hashable {
    /// 小类 code (`4-04-05`).
    public var occupationGroup: String
    public var districtCode: String
    public var industryCluster: String?
    public var year: Int
    public var headcount: Int

    public init(occupationGroup: String, districtCode: String, industryCluster: String?, year: Int, headcount: Int) {
        self.occupationGroup = occupationGroup
        self.districtCode = districtCode
        self.industryCluster = industryCluster
        self.year = year
        self.headcount = headcount
    }
}

/// Demand headcount for one key of one dimension in one year: what the gap table reads.
/// Storage can sum straight to these (one GROUP BY per dimension) instead of handing over
/// every combination of keys.
public struct DemandTotal: Sendable, Hashable {
    public var key: String
    public var year: Int
    public var headcount: Int

    public init(key: String, year: Int, headcount: Int) {
        self.key = key
        self.year = year
        self.headcount = headcount
    }
}

extension DemandFact {
    /// The fact's key in `dimension`.
    public func key(for dimension: GapDimension) -> String {
        switch dimension {
        case .occupation: occupationGroup
        case .industryCluster: industryCluster ?? GapDimension.noCluster
        case .district: districtCode
        case .city: GapDimension.cityKey
        }
    }
}
