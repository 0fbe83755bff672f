/// 专业技术职称 level of a teacher. 高级职称 means associate senior or senior.
public enum TitleLevel: String, LabelledChoice {
    case none
    /// 初级
    case junior
    /// 中级
    case intermediate
    /// 副高级
    case associateSenior = "associate_senior"
    /// 正高级
    case senior

    public var labelZh: String {
        switch self {
        case .none: "无"
        case .junior: "初级"
        case .intermediate: "中级"
        case .associateSenior: "副高级"
        case .senior: "正高级"
        }
    }

    public var labelEn: String {
        switch self {
        case .none: "none"
        case .junior: "junior"
        case .intermediate: "intermediate"
        case .associateSenior: "associate senior"
        case .senior: "senior"
        }
    }

    /// 高级职称, counted by the ≥ 60 % target for public 高职.
    public var isSenior: Bool { self == .associateSenior || self == .senior }

    public static let listName = "职称 title level"
}
