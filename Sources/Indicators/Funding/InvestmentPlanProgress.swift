import Exact

/// 累计投入 (clause (十九), 附件3 #48): ¥10 bn for vocational education by the end of 2022,
/// against the spending recorded year by year.
public struct InvestmentPlanProgress: Sendable, Hashable {
    /// ¥10 bn in fen.
    public static let plannedTotal = 10_000_000_000 * 100
    public static let planYear = 2022

    public struct Year: Sendable, Hashable {
        public var year: Int
        public var spent: Int
        public var cumulative: Int
    }

    public var years: [Year]
    public var planned: Int
    public var cumulative: Int { years.last?.cumulative ?? 0 }
    /// Spent to date ÷ planned, exact.
    public var share: Fraction { Fraction(cumulative, planned) }
    public var remaining: Int { max(0, planned - cumulative) }
    /// Spent by the end of the plan year.
    public var byPlanYear: Int { years.last { $0.year <= InvestmentPlanProgress.planYear }?.cumulative ?? 0 }
    public var metByPlanYear: Bool { byPlanYear >= planned }

    /// `spending`: fen per year (several entries in a year are summed).
    public static func compute(spending: [(year: Int, fen: Int)], planned: Int = plannedTotal) throws(FundingError) -> InvestmentPlanProgress {
        guard planned > 0 else { throw .notPositive(field: "plannedFen") }
        var byYear: [Int: Int] = [:]
        for entry in spending {
            try Money.check(entry.fen, field: "amountFen")
            let (sum, overflow) = byYear[entry.year, default: 0].addingReportingOverflow(entry.fen)
            guard !overflow, sum <= Money.maximum else { throw .tooLarge(field: "amountFen", maximum: Money.maximum) }
            byYear[entry.year] = sum
        }
        var running = 0
        let years = byYear.keys.sorted().map { year -> Year in
            running += byYear[year] ?? 0
            return Year(year: year, spent: byYear[year] ?? 0, cumulative: running)
        }
        return InvestmentPlanProgress(years: years, planned: planned)
    }
}
