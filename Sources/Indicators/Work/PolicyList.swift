/// The three lists attached to the policy.
public enum PolicyList: String, Sendable, Hashable, Codable, CaseIterable {
    /// 附件1 教育部支持政策清单
    case moe
    /// 附件2 广东省支持政策清单
    case province
    /// 附件3 深圳市工作任务清单
    case city

    public var labelZh: String {
        switch self {
        case .moe: "附件1 教育部支持政策清单"
        case .province: "附件2 广东省支持政策清单"
        case .city: "附件3 深圳市工作任务清单"
        }
    }

    public var labelEn: String {
        switch self {
        case .moe: "Annex 1: Ministry of Education support"
        case .province: "Annex 2: Guangdong support"
        case .city: "Annex 3: Shenzhen work list"
        }
    }

    /// Short prefix for a task's reference: `C25` is 附件3 #25.
    public var prefix: String {
        switch self {
        case .moe: "M"
        case .province: "P"
        case .city: "C"
        }
    }
}
