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
}
