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
