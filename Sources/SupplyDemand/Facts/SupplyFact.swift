/// Graduates of one program at one institution in one year: the supply side.
public struct SupplyFact: Sendable, Hashable {
    public var institutionCode: String
    public var catalogCode: String
    public var districtCode: String
    /// The industry cluster the program's cluster serves, if it belongs to one.
    public var industryCluster: String?
    public var year: Int
    public var enrolled: Int
    public var graduated: Int

    public init(institutionCode: String, catalogCode: String, districtCode: String, industryCluster: String?, year: Int, enrolled: Int, graduated: Int) {
        self.institutionCode = institutionCode
        self.catalogCode = catalogCode
        self.districtCode = districtCode
        self.industryCluster = industryCluster
        self.year = year
        self.enrolled = enrolled
        self.graduated = graduated
    }
}
