/// 校企合作形式: the forms of school–enterprise cooperation clause (十) names.
public enum CooperationKind: String, LabelledChoice {
    /// 共建产业学院
    case industryCollege = "industry_college"
    /// 订单班
    case orderClass = "order_class"
    /// 共建实训基地
    case trainingBase = "training_base"
    /// 现代学徒制
    case apprenticeship

    public var labelZh: String {
        switch self {
        case .industryCollege: "共建产业学院"
        case .orderClass: "订单班"
        case .trainingBase: "实训基地"
        case .apprenticeship: "现代学徒制"
        }
    }

    public var labelEn: String {
        switch self {
        case .industryCollege: "industry college"
        case .orderClass: "order class"
        case .trainingBase: "training base"
        case .apprenticeship: "modern apprenticeship"
        }
    }

    public static let listName = "校企合作形式 cooperation kind"
}

extension FieldReader {
    /// A calendar date, `YYYY-MM-DD` (also `YYYY/MM/DD`), or a date cell Excel formatted with
    /// a time of day, read as `YYYY-MM-DDT00:00:00` (the time must be midnight).
    public mutating func date(_ field: String, _ value: String?) -> CivilDate? {
        guard var text = required(field, value, maxLength: 19) else { return nil }
        if text.count == 19, text.hasSuffix("T00:00:00") { text = String(text.prefix(10)) }
        guard text.count <= 10, let date = CivilDate(iso: text.replacingOccurrences(of: "/", with: "-")) else {
            fail(FieldError(field: field, zh: "日期“\(text)”格式应为YYYY-MM-DD", en: "'\(text)' must be a date as YYYY-MM-DD"))
            return nil
        }
        return date
    }
}
