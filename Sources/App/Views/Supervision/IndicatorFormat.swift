import Exact
import Indicators

/// How indicator values read on a page: shares as percentages, money in yuan, counts as they are.
enum IndicatorFormat {
    static func value(_ f: Fraction?, unit: IndicatorUnit) -> String {
        guard let f else { return "—" }
        switch unit {
        case .percent: return (f * Fraction(100)).decimal(places: 1) + "%"
        case .fen: return "¥" + Money.yuanText(f.numerator / max(f.denominator, 1))
        case .count: return f.decimal(places: 1)
        }
    }

    static func projection(_ p: LinearProjection?, unit: IndicatorUnit) -> String {
        guard let p else { return "—" }
        switch unit {
        case .percent: return String(format: "%.1f%%", p.valueAtDeadline * 100)
        case .fen: return "¥" + Money.yuanText(Int(p.valueAtDeadline.rounded()))
        case .count: return String(format: "%.1f", p.valueAtDeadline)
        }
    }
}
