/// What a gap table is broken down by.
public enum GapDimension: String, Sendable, CaseIterable, Codable {
    /// 职业小类
    case occupation
    /// 产业集群 (demand rows and program clusters outside any cluster share the key `none`)
    case industryCluster = "industry_cluster"
    /// 区
    case district
    /// The whole city, one row a year.
    case city

    /// The key used for rows with no industry cluster.
    public static let noCluster = "none"
    /// The one key of the city dimension.
    public static let cityKey = "city"
}
