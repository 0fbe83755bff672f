/// 达成状态: where an indicator stands against its target.
public enum IndicatorStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// The target is reached.
    case met
    /// Not reached yet; the trend reaches it by the deadline.
    case onTrack = "on_track"
    /// Not reached; the trend (or the lack of one) does not reach it by the deadline.
    case atRisk = "at_risk"
    /// Past the deadline (or a standing requirement) and not reached.
    case notMet = "not_met"
    /// Nothing to measure: no rows, or a share of nothing.
    case noData = "no_data"
    /// A district's part of a count the policy sets for the whole city only (50家产教融合型企业):
    /// shown, not judged — the policy gives the district no target of its own.
    case cityTarget = "city_target"

    public var labelZh: String {
        switch self {
        case .met: "已达成"
        case .onTrack: "按期可达"
        case .atRisk: "存在风险"
        case .notMet: "未达成"
        case .noData: "无数据"
        case .cityTarget: "计入全市目标"
        }
    }

    public var labelEn: String {
        switch self {
        case .met: "met"
        case .onTrack: "on track"
        case .atRisk: "at risk"
        case .notMet: "not met"
        case .noData: "no data"
        case .cityTarget: "counts toward the city target"
        }
    }

    /// Dashboard colour.
    public var colour: String {
        switch self {
        case .met: "#2e7d32"
        case .onTrack: "#1565c0"
        case .atRisk: "#ef6c00"
        case .notMet: "#c62828"
        case .noData: "#757575"
        case .cityTarget: "#455a64"
        }
    }
}
