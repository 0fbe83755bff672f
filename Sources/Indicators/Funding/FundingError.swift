/// Bad input to a funding calculator, naming the field.
public enum FundingError: Error, Equatable, Sendable {
    case negative(field: String)
    case belowMinimumRate(field: String, minimum: Int)
    case notPositive(field: String)
    case tooLarge(field: String, maximum: Int)

    public var field: String {
        switch self {
        case .negative(let f), .belowMinimumRate(let f, _), .notPositive(let f), .tooLarge(let f, _): f
        }
    }

    public var messageZh: String {
        switch self {
        case .negative: "金额不能为负数"
        case .belowMinimumRate(_, let minimum): "生均标准不得低于\(Money.yuanText(minimum))元"
        case .notPositive: "应为正整数"
        case .tooLarge(_, let maximum): "不能超过\(maximum)"
        }
    }

    public var messageEn: String {
        switch self {
        case .negative: "must not be negative"
        case .belowMinimumRate(_, let minimum): "must be at least ¥\(Money.yuanText(minimum)) per place"
        case .notPositive: "must be a positive whole number"
        case .tooLarge(_, let maximum): "must not exceed \(maximum)"
        }
    }
}
