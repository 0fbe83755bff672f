import Registry

/// Where a menu entry (`NavigationEntry`) leads and what it is called, in both languages.
struct NavigationLink: Sendable, Hashable {
    var path: String
    var zh: String
    var en: String

    init(path: String, zh: String, en: String) {
        self.path = path
        self.zh = zh
        self.en = en
    }

    init(_ entry: NavigationEntry) {
        switch entry {
        case .home: self.init(path: "/", zh: "首页", en: "Home")
        case .area(let area): self.init(area)
        case .registry(let entity):
            // Every registry entity has a list page (`RegistryResources.all`); the entity's name is a fallback only.
            let item = RegistryPages.navigation.first { $0.entity == entity }
            self.init(path: "/registry/\(item?.path ?? entity.rawValue)", zh: item?.zh ?? entity.rawValue, en: item?.en ?? entity.rawValue)
        }
    }

    init(_ area: MenuArea) {
        switch area {
        case .internshipQuotas: self.init(path: "/internships/quotas", zh: "实习配额", en: "Quotas")
        case .internshipRounds: self.init(path: "/internships/rounds", zh: "实习分配", en: "Allocation")
        case .internshipChoices: self.init(path: "/internships/choices", zh: "实习志愿", en: "My choices")
        case .internshipApplicants: self.init(path: "/internships/posts", zh: "岗位申请者", en: "Applicants")
        case .market: self.init(path: "/market", zh: "产教供需", en: "Market")
        case .supervision: self.init(path: "/supervision", zh: "督导监测", en: "Supervision")
        case .workList: self.init(path: "/work-tasks", zh: "工作任务", en: "Work list")
        case .creditBank: self.init(path: "/credit-bank", zh: "学分银行", en: "Credit bank")
        case .learningRecords: self.init(path: "/learning-records", zh: "学习记录", en: "Learning records")
        case .revealGrants: self.init(path: "/reveal-grants", zh: "查看授权", en: "Reveal grants")
        case .courses: self.init(path: "/courses", zh: "在线课程", en: "Courses")
        case .library: self.init(path: "/library", zh: "资源库", en: "Library")
        }
    }

    /// Every link in `caller`'s menu, in menu order.
    static func menu(for caller: CallerScope) -> [NavigationLink] {
        Navigation.entries(for: caller).map(NavigationLink.init)
    }

    func label(_ language: Language) -> String { language.t(zh, en) }
}
