/// 性别, as recorded on identity documents.
public enum Sex: String, LabelledChoice {
    case male, female

    public var labelZh: String { self == .male ? "男" : "女" }
    public var labelEn: String { self == .male ? "male" : "female" }
    public static let listName = "性别 sex"
}
