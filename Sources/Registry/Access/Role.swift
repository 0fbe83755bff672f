/// The roles of the platform's users (DESIGN.md "Users").
public enum Role: String, LabelledChoice {
    /// 市教育局
    case cityAdmin = "city_admin"
    /// 区教育局
    case districtAdmin = "district_admin"
    /// 学校管理员
    case schoolAdmin = "school_admin"
    /// 教师
    case teacher
    /// 企业
    case enterprise
    /// 学习者
    case learner
    /// 学分银行审核员
    case creditReviewer = "credit_reviewer"
    /// 责任单位: a unit the work list names (a bureau, a district government, a school), which
    /// reports progress on its own tasks.
    case responsibleUnit = "responsible_unit"

    public var labelZh: String {
        switch self {
        case .cityAdmin: "市教育局管理员"
        case .districtAdmin: "区教育局管理员"
        case .schoolAdmin: "学校管理员"
        case .teacher: "教师"
        case .enterprise: "企业用户"
        case .learner: "学习者"
        case .creditReviewer: "学分银行审核员"
        case .responsibleUnit: "责任单位"
        }
    }

    public var labelEn: String {
        switch self {
        case .cityAdmin: "City administrator"
        case .districtAdmin: "District administrator"
        case .schoolAdmin: "School administrator"
        case .teacher: "Teacher"
        case .enterprise: "Enterprise"
        case .learner: "Learner"
        case .creditReviewer: "Credit-bank reviewer"
        case .responsibleUnit: "Responsible unit"
        }
    }

    public static let listName = "角色 role"
}
