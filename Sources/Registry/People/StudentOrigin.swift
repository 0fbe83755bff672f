/// 生源: where a learner comes from; Hong Kong and Macau learners matter to the credit bank.
public enum StudentOrigin: String, LabelledChoice {
    case mainland
    case hongKong = "hong_kong"
    case macau
    case taiwan
    case other

    public var labelZh: String {
        switch self {
        case .mainland: "内地"
        case .hongKong: "香港"
        case .macau: "澳门"
        case .taiwan: "台湾"
        case .other: "其他"
        }
    }

    public var labelEn: String {
        switch self {
        case .mainland: "mainland"
        case .hongKong: "Hong Kong"
        case .macau: "Macau"
        case .taiwan: "Taiwan"
        case .other: "other"
        }
    }

    public static let listName = "生源 origin"
}
