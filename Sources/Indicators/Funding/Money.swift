import Exact

/// Money is kept in fen (分) as whole integers; shares of it are rounded down to the fen, so a
/// computed credit or allocation never exceeds what the rule allows.
public enum Money {
    /// The largest amount a calculator accepts: ¥10 trillion (10¹⁵ fen). Products of amounts and
    /// rates then stay far inside an `Int`.
    public static let maximum = 1_000_000_000_000_000

    /// Checks an amount in fen: not negative, not above `maximum`.
    public static func check(_ fen: Int, field: String) throws(FundingError) {
        if fen < 0 { throw .negative(field: field) }
        if fen > maximum { throw .tooLarge(field: field, maximum: maximum) }
    }

    /// `fen × numerator ÷ denominator` for non-negative amounts, rounded down to the fen.
    /// Amounts in this domain stay far below the ±9.2 × 10¹⁸ fen an `Int` holds; an overflow
    /// would be a caller's bug, so it traps rather than wraps.
    public static func share(_ fen: Int, _ numerator: Int, _ denominator: Int) -> Int {
        precondition(fen >= 0 && numerator >= 0 && denominator > 0, "shares of money are taken of non-negative amounts")
        return fen * numerator / denominator
    }

    /// `12345678` fen → `123456.78`.
    public static func yuanText(_ fen: Int) -> String {
        let sign = fen < 0 ? "-" : ""
        let a = fen.magnitude
        let cents = a % 100
        return "\(sign)\(a / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// An amount as people read it, rounded half up to two decimals of its unit: ¥1 亿 and
    /// more in 亿元 (English: ¥ bn), ¥1 万 and more in 万元 (¥ m from ¥1 million), less in 元 with
    /// thousands separated — the same units the plan's targets are written in.
    public static func readable(_ fen: Int, english: Bool = false) -> String {
        let yuan = fen.magnitude / 100
        let sign = fen < 0 ? "-" : ""
        if english {
            if yuan >= 1_000_000_000 { return sign + "¥" + Fraction(Int(fen.magnitude), 100 * 1_000_000_000).decimal(places: 2) + " bn" }
            if yuan >= 1_000_000 { return sign + "¥" + Fraction(Int(fen.magnitude), 100 * 1_000_000).decimal(places: 2) + " m" }
            return sign + "¥" + grouped(yuanText(Int(fen.magnitude)))
        }
        if yuan >= 100_000_000 { return sign + Fraction(Int(fen.magnitude), 100 * 100_000_000).decimal(places: 2) + " 亿元" }
        if yuan >= 10_000 { return sign + Fraction(Int(fen.magnitude), 100 * 10_000).decimal(places: 2) + " 万元" }
        return sign + grouped(yuanText(Int(fen.magnitude))) + " 元"
    }

    /// `1234567.5` → `1,234,567.5`: thousands separated in the whole part.
    public static func grouped(_ number: String) -> String {
        let negative = number.hasPrefix("-")
        let body = negative ? String(number.dropFirst()) : number
        let parts = body.split(separator: ".", maxSplits: 1)
        guard let whole = parts.first else { return number }
        var out = ""
        for (index, digit) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (negative ? "-" : "") + out + (parts.count > 1 ? "." + parts[1] : "")
    }
}

