/// The top-level areas of the site (站点导航), in menu order.
public enum MenuArea: String, CaseIterable, Sendable {
    /// 实习配额
    case internshipQuotas
    /// 实习分配
    case internshipRounds
    /// 我的实习志愿: a learner's own choices and result
    case internshipChoices
    /// 岗位申请者: the applicants of the posts the caller may rank
    case internshipApplicants
    /// 产教供需
    case market
    /// 督导监测
    case supervision
    /// 工作任务
    case workList
    /// 学分银行
    case creditBank
    /// 学习记录
    case learningRecords
    /// 证件号码批量查看授权
    case revealGrants
    /// 在线课程
    case courses
    /// 资源库
    case library
}

extension AccessPolicy {
    /// The areas `caller` may open, in menu order: an area appears only when its first page
    /// answers the caller with something other than a refusal, so a menu never offers a 403.
    /// Registry lists come from `registryMenu(for:)`.
    public static func menu(for caller: CallerScope) -> [MenuArea] {
        MenuArea.allCases.filter { area in
            switch area {
            // The quota report lists enterprises: as many as the caller may read.
            case .internshipQuotas: readFilter(.enterprise, for: caller) != .none
            case .internshipRounds: internshipPlacementFilter(caller: caller) != nil
            case .internshipChoices: mayChooseOwnInternships(caller: caller)
            case .internshipApplicants: mayRankSomeInternshipApplicants(caller: caller)
            // The city's supply and demand is aggregate data (no person in it); open to the roles
            // that plan programs, offer posts or choose them.
            case .market: caller.role != .creditReviewer && caller.role != .responsibleUnit
            case .supervision: mayReadSupervision(caller: caller)
            case .workList: mayUseWorkList(caller: caller)
            case .creditBank: creditBankHome(caller: caller) != nil
            case .learningRecords: statementFilter(for: caller) != .none
            case .revealGrants: canRequestRevealGrants(caller: caller) || canReviewRevealGrants(caller: caller)
            case .courses: mayBrowseCourses(caller: caller)
            // Shared resources are every signed-in caller's.
            case .library: true
            }
        }
    }

    /// The registry lists `caller` sees in the menu: those with at least some row to show.
    public static func registryMenu(for caller: CallerScope) -> [RegistryEntity] {
        RegistryEntity.allCases.filter { readFilter($0, for: caller) != .none }
    }
}
