/// 院校类型: the kinds of institution the vocational system registers.
public enum InstitutionKind: String, LabelledChoice {
    /// 中等职业学校
    case secondaryVocational = "secondary_vocational"
    /// 高职专科
    case higherVocational = "higher_vocational"
    /// 职业本科
    case vocationalUndergraduate = "vocational_undergraduate"
    /// 技工院校
    case technicianCollege = "technician_college"
    /// 开放大学
    case openUniversity = "open_university"
    /// 应用型本科 (深圳技术大学 recruits vocational graduates, clause (十三))
    case appliedUndergraduate = "applied_undergraduate"

    public var labelZh: String {
        switch self {
        case .secondaryVocational: "中职"
        case .higherVocational: "高职专科"
        case .vocationalUndergraduate: "职业本科"
        case .technicianCollege: "技工院校"
        case .openUniversity: "开放大学"
        case .appliedUndergraduate: "应用型本科"
        }
    }

    public var labelEn: String {
        switch self {
        case .secondaryVocational: "Secondary vocational school"
        case .higherVocational: "Higher vocational college"
        case .vocationalUndergraduate: "Vocational university"
        case .technicianCollege: "Technician college"
        case .openUniversity: "Open university"
        case .appliedUndergraduate: "Applied university"
        }
    }

    public static let listName = "院校类型 institution kind"
}

/// 办学性质: public (公办) or private (民办).
public enum InstitutionOwnership: String, LabelledChoice {
    case publicOwned = "public"
    case privateOwned = "private"

    public var labelZh: String { self == .publicOwned ? "公办" : "民办" }
    public var labelEn: String { self == .publicOwned ? "public" : "private" }
    public static let listName = "办学性质 ownership"
}
