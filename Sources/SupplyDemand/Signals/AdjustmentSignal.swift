/// 专业动态调整信号: what the market says a program (or the city) should do.
public enum AdjustmentSignal: String, Sendable, Codable, CaseIterable {
    /// 扩大: demand well above graduates.
    case expand
    /// 保持: demand and graduates roughly in balance.
    case hold
    /// 缩减: graduates well above demand, two years running where two years are on record.
    case shrink
    /// 新设: demand with no graduates at all; a program should open.
    case openNew = "open_new"
    /// 无法判断: the program maps to no occupation group, or the market has no numbers.
    case noData = "no_data"

    public var labelZh: String {
        switch self {
        case .expand: "扩大"
        case .hold: "保持"
        case .shrink: "缩减"
        case .openNew: "新设"
        case .noData: "无法判断"
        }
    }

    public var labelEn: String {
        switch self {
        case .expand: "expand"
        case .hold: "hold"
        case .shrink: "shrink"
        case .openNew: "open new"
        case .noData: "no data"
        }
    }
}
