import Exact

/// A measured value as the registry gives it: a count or sum, or a share as numerator over
/// denominator. Kept as integers so the value is exact and the drill-down can be summed back.
public struct MeasuredValue: Sendable, Hashable, Codable {
    public var numerator: Int
    /// nil for counts and sums.
    public var denominator: Int?

    public init(numerator: Int, denominator: Int? = nil) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public static func count(_ n: Int) -> MeasuredValue { MeasuredValue(numerator: n) }
    public static func share(_ n: Int, of d: Int) -> MeasuredValue { MeasuredValue(numerator: n, denominator: d) }

    /// The exact value; nil for a share of nothing (no teachers, no enterprises).
    public var value: Fraction? {
        guard let denominator else { return Fraction(numerator) }
        return denominator == 0 ? nil : Fraction(numerator, denominator)
    }
}
