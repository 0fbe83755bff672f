/// 投资抵免 (clause (九), 附件3 #20): a pilot 产教融合型企业 may credit 30 % of its qualifying
/// investment in vocational education against the 教育费附加 and 地方教育附加 it owes that year.
///
/// The policy does not say what happens to credit beyond what is due. Zhijiao carries it
/// forward to later years (the national pilot rules for 产教融合型企业 do the same, as we read
/// them); nothing lapses. The credit is applied to 教育费附加 first, then 地方教育附加.
public struct InvestmentCredit: Sendable, Hashable, Codable {
    public static let rateNumerator = 30
    public static let rateDenominator = 100

    /// This year's new credit: 30 % of the investment, rounded down to the fen.
    public var earned: Int
    /// Credit carried in from earlier years.
    public var carriedIn: Int
    public var appliedToEducationSurcharge: Int
    public var appliedToLocalEducationSurcharge: Int
    /// Left to pay after the credit.
    public var educationSurchargePayable: Int
    public var localEducationSurchargePayable: Int
    /// Credit not used this year, carried to the next.
    public var carriedForward: Int

    public var applied: Int { appliedToEducationSurcharge + appliedToLocalEducationSurcharge }

    /// All amounts in fen.
    public static func compute(investment: Int, educationSurchargeDue: Int, localEducationSurchargeDue: Int,
                               carriedIn: Int = 0) throws(FundingError) -> InvestmentCredit {
        try Money.check(investment, field: "investmentFen")
        try Money.check(educationSurchargeDue, field: "educationSurchargeDueFen")
        try Money.check(localEducationSurchargeDue, field: "localEducationSurchargeDueFen")
        try Money.check(carriedIn, field: "carriedInFen")
        let earned = Money.share(investment, rateNumerator, rateDenominator)
        let available = earned + carriedIn   // both ≤ 10¹⁵: no overflow
        let education = min(available, educationSurchargeDue)
        let local = min(available - education, localEducationSurchargeDue)
        return InvestmentCredit(
            earned: earned, carriedIn: carriedIn,
            appliedToEducationSurcharge: education, appliedToLocalEducationSurcharge: local,
            educationSurchargePayable: educationSurchargeDue - education, localEducationSurchargePayable: localEducationSurchargeDue - local,
            carriedForward: available - education - local
        )
    }

    /// Several years in order, each year's unused credit carried into the next.
    public static func schedule(_ years: [(investment: Int, educationSurchargeDue: Int, localEducationSurchargeDue: Int)]) throws(FundingError) -> [InvestmentCredit] {
        var carried = 0
        var out: [InvestmentCredit] = []
        for year in years {
            let credit = try compute(investment: year.investment, educationSurchargeDue: year.educationSurchargeDue,
                                     localEducationSurchargeDue: year.localEducationSurchargeDue, carriedIn: carried)
            carried = credit.carriedForward
            out.append(credit)
        }
        return out
    }
}
