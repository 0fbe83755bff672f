import Exact
import Indicators

/// "Which schools are short?": an indicator's rows summed by school, worst first.
extension IndicatorDrillDown {
    /// One school's part of the indicator.
    struct SchoolLine: Sendable {
        var code: String
        var name: String
        var district: String
        var numerator: Int
        /// For shares: the school's denominator.
        var denominator: Int?
        /// For shares: numerator ÷ denominator.
        var value: Fraction?
        /// For share targets: how far the school's value is below the target (0 when it is met).
        var gap: Fraction?
        /// Below a share target.
        var short: Bool
    }

    /// Every school the rows name, worst first: for shares the lowest value (the largest
    /// denominator first among equals), otherwise the smallest contribution. A school's value
    /// is judged against a share target (不低于 x%, 全部) — the same target the policy sets for
    /// the city applies to each school; counts and sums are city targets and not judged per school.
    var schools: [SchoolLine] {
        var sums: [String: (numerator: Int, denominator: Int)] = [:]
        for row in rows {
            guard let code = row.school else { continue }
            sums[code, default: (0, 0)].numerator += row.numerator
            sums[code, default: (0, 0)].denominator += row.denominator ?? 0
        }
        let share = indicator.measure.isShare
        let judged: Fraction? = switch indicator.target {
        case .atLeastShare(let s): s
        case .all: Fraction(1)
        default: nil
        }
        let lines = sums.map { code, sum -> SchoolLine in
            let value = share && sum.denominator > 0 ? Fraction(sum.numerator, sum.denominator) : nil
            var gap: Fraction?
            if let judged, let value { gap = value < judged ? judged - value : Fraction(0) }
            return SchoolLine(code: code, name: schoolNames[code]?.name ?? "", district: schoolNames[code]?.district ?? "",
                              numerator: sum.numerator, denominator: share ? sum.denominator : nil, value: value, gap: gap, short: (gap.map { !$0.isZero }) ?? false)
        }
        return lines.sorted { a, b in
            if share {
                switch (a.value, b.value) {
                case let (x?, y?) where x != y: return x < y
                case (nil, _?): return false
                case (_?, nil): return true
                default: break
                }
                if a.denominator != b.denominator { return (a.denominator ?? 0) > (b.denominator ?? 0) }
            } else if a.numerator != b.numerator {
                return a.numerator < b.numerator
            }
            return a.code < b.code
        }
    }
}
