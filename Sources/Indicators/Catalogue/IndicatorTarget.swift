import Exact

/// A target as the policy states it. Every target reduces to a threshold the value must reach.
public enum IndicatorTarget: Sendable, Hashable {
    /// 不低于 a share: `value ≥ share`.
    case atLeastShare(Fraction)
    /// Every unit (全部): a share of 1.
    case all
    /// At least `n` things (建设20个, 50家以上).
    case atLeast(Int)
    /// A range (6—8所): reached at `min`; above `max` is reported, not penalised.
    case range(min: Int, max: Int)
    /// About `n` (20个左右): reached at 90 % of `n`, rounded up — the tolerance is the
    /// platform's reading of 左右, stated in the README.
    case about(Int)
    /// A sum of money, in fen.
    case atLeastAmount(Int)

    /// The value at which the target is met.
    public var threshold: Fraction {
        switch self {
        case .atLeastShare(let share): share
        case .all: Fraction(1)
        case .atLeast(let n): Fraction(n)
        case .range(let min, _): Fraction(min)
        case .about(let n): Fraction((n * 9 + 9) / 10)
        case .atLeastAmount(let fen): Fraction(fen)
        }
    }

    /// Whether the target is a number of things (or a sum) for the whole city, which the policy
    /// does not divide among districts; a share or "every one" holds at every level as it is.
    public var isCityWideCount: Bool {
        switch self {
        case .atLeastShare, .all: false
        case .atLeast, .range, .about, .atLeastAmount: true
        }
    }

    /// The upper end of a range, where there is one.
    public var ceiling: Int? {
        if case .range(_, let max) = self { return max }
        return nil
    }

    public func isMet(by value: Fraction) -> Bool { value >= threshold }

    /// How the target reads, in Chinese and English.
    public func text(unit: IndicatorUnit) -> (zh: String, en: String) {
        switch self {
        case .atLeastShare(let share):
            let p = (share * Fraction(100)).decimal(places: 1)
            return ("≥ \(p)%", "≥ \(p)%")
        case .all: return ("100%（全部）", "100% (every one)")
        case .atLeast(let n): return ("≥ \(n)", "≥ \(n)")
        case .range(let min, let max): return ("\(min)—\(max)", "\(min)–\(max)")
        case .about(let n): return ("约 \(n)（≥ \(threshold.decimal(places: 0))）", "about \(n) (≥ \(threshold.decimal(places: 0)))")
        case .atLeastAmount(let fen):
            let yi = Fraction(fen, 100_000_000 * 100).decimal(places: 2)
            return ("≥ \(yi) 亿元", "≥ ¥\(Fraction(fen, 100 * 1_000_000_000).decimal(places: 2)) bn")
        }
    }
}

extension IndicatorTarget: Codable {
    private enum Key: String, CodingKey { case kind, share, count, min, max, fen }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "at_least_share":
            let text = try c.decode(String.self, forKey: .share)
            let parts = text.split(separator: "/").compactMap { Int($0) }
            guard parts.count == 2, parts[1] > 0 else {
                throw DecodingError.dataCorruptedError(forKey: .share, in: c, debugDescription: "share must be n/d: \(text)")
            }
            self = .atLeastShare(Fraction(parts[0], parts[1]))
        case "all": self = .all
        case "at_least": self = .atLeast(try c.decode(Int.self, forKey: .count))
        case "range": self = .range(min: try c.decode(Int.self, forKey: .min), max: try c.decode(Int.self, forKey: .max))
        case "about": self = .about(try c.decode(Int.self, forKey: .count))
        case "at_least_amount": self = .atLeastAmount(try c.decode(Int.self, forKey: .fen))
        case let other: throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown target kind \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .atLeastShare(let share):
            try c.encode("at_least_share", forKey: .kind)
            try c.encode("\(share.numerator)/\(share.denominator)", forKey: .share)
        case .all: try c.encode("all", forKey: .kind)
        case .atLeast(let n):
            try c.encode("at_least", forKey: .kind)
            try c.encode(n, forKey: .count)
        case .range(let min, let max):
            try c.encode("range", forKey: .kind)
            try c.encode(min, forKey: .min)
            try c.encode(max, forKey: .max)
        case .about(let n):
            try c.encode("about", forKey: .kind)
            try c.encode(n, forKey: .count)
        case .atLeastAmount(let fen):
            try c.encode("at_least_amount", forKey: .kind)
            try c.encode(fen, forKey: .fen)
        }
    }
}
