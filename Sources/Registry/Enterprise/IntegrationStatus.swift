/// 产教融合型企业 status of an enterprise.
public enum IntegrationStatus: String, LabelledChoice {
    case none
    /// 入库培育
    case candidate
    /// 已认定
    case certified

    public var labelZh: String {
        switch self {
        case .none: "否"
        case .candidate: "入库培育"
        case .certified: "已认定"
        }
    }

    public var labelEn: String {
        switch self {
        case .none: "none"
        case .candidate: "candidate"
        case .certified: "certified"
        }
    }

    public static let listName = "产教融合型企业 integration status"
}

/// 实训基地类型.
public enum TrainingBaseKind: String, LabelledChoice {
    /// 校内实训基地
    case onCampus = "on_campus"
    /// 校外实训基地
    case offCampus = "off_campus"
    /// 公共实训基地
    case publicBase = "public"
    /// 生产性实训基地
    case production

    public var labelZh: String {
        switch self {
        case .onCampus: "校内实训基地"
        case .offCampus: "校外实训基地"
        case .publicBase: "公共实训基地"
        case .production: "生产性实训基地"
        }
    }

    public var labelEn: String {
        switch self {
        case .onCampus: "on-campus"
        case .offCampus: "off-campus"
        case .publicBase: "public"
        case .production: "production"
        }
    }

    public static let listName = "实训基地类型 training base kind"
}

/// Who runs a training base.
public enum TrainingBaseOwner: String, LabelledChoice {
    case institution
    case enterprise

    public var labelZh: String { self == .institution ? "院校" : "企业" }
    public var labelEn: String { rawValue }
    public static let listName = "举办方 owner kind"
}
