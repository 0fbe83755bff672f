/// 办学层次: the three levels of the 2021 vocational program catalogue.
public enum EducationLevel: String, LabelledChoice {
    /// 中等职业教育 (codes 61–79xxxx)
    case secondary
    /// 高等职业教育专科 (codes 41–59xxxx)
    case associate
    /// 高等职业教育本科 (codes 21–39xxxx)
    case undergraduate

    public var labelZh: String {
        switch self {
        case .secondary: "中职"
        case .associate: "高职专科"
        case .undergraduate: "职业本科"
        }
    }

    public var labelEn: String {
        switch self {
        case .secondary: "secondary"
        case .associate: "associate"
        case .undergraduate: "undergraduate"
        }
    }

    public static let listName = "办学层次 education level"
}
