import Exact
import Indicators

/// How indicator values read on a page and in exports: shares as percentages to one decimal,
/// money in 元 / 万元 / 亿元 (the units the targets are written in), counts as whole numbers with
/// thousands separated. One rounding — half up, from the exact fraction — everywhere.
enum IndicatorFormat {
    static func value(_ f: Fraction?, unit: IndicatorUnit, english: Bool = false) -> String {
        guard let f else { return "—" }
        switch unit {
        case .percent: return (f * Fraction(100)).decimal(places: 1) + "%"
        case .fen: return Money.readable(rounded(f), english: english)
        case .count: return Money.grouped(f.decimal(places: f.denominator == 1 ? 0 : 1))
        }
    }

    /// A change between two values: percentages in percentage points, with a sign.
    static func change(_ f: Fraction, unit: IndicatorUnit, english: Bool = false) -> String {
        let sign = f.numerator > 0 ? "+" : ""
        switch unit {
        case .percent:
            let points = (f * Fraction(100)).decimal(places: 1)
            return english ? "\(sign)\(points) pp" : "\(sign)\(points) 个百分点"
        case .fen, .count: return sign + value(f, unit: unit, english: english)
        }
    }

    static func projection(_ p: LinearProjection?, unit: IndicatorUnit, english: Bool = false) -> String {
        guard let p else { return "—" }
        switch unit {
        case .percent: return String(format: "%.1f%%", p.valueAtDeadline * 100)
        case .fen: return Money.readable(Int(p.valueAtDeadline.rounded()), english: english)
        case .count: return Money.grouped(String(format: "%.1f", p.valueAtDeadline))
        }
    }

    /// A fraction of fen to the nearest fen, half up.
    static func rounded(_ f: Fraction) -> Int { Int(f.decimal(places: 0)) ?? f.numerator / max(f.denominator, 1) }
}
