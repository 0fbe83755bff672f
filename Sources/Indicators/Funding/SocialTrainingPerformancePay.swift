/// 社会培训收入提取绩效 (clause (十九), 附件3 #50): of a public school's income from training
/// for society, after its direct costs, 60 % goes to performance pay, managed outside the
/// approved performance-pay total. A loss gives nothing (and takes nothing from pay).
public struct SocialTrainingPerformancePay: Sendable, Hashable, Codable {
    public static let shareNumerator = 60
    public static let shareDenominator = 100

    public var income: Int
    public var directCosts: Int
    /// Income less direct costs, never below zero.
    public var net: Int
    /// 60 % of net, rounded down to the fen; outside the performance-pay cap (单列管理).
    public var performancePayOutsideCap: Int
    /// The rest of net, for the school's own use.
    public var retained: Int

    /// Amounts in fen.
    public static func compute(income: Int, directCosts: Int) throws(FundingError) -> SocialTrainingPerformancePay {
        try Money.check(income, field: "incomeFen")
        try Money.check(directCosts, field: "directCostsFen")
        let net = max(0, income - directCosts)
        let pay = Money.share(net, shareNumerator, shareDenominator)
        return SocialTrainingPerformancePay(income: income, directCosts: directCosts, net: net, performancePayOutsideCap: pay, retained: net - pay)
    }
}
