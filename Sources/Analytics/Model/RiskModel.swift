import Foundation

/// A trained early-warning model (预警模型): the probability that a learner fails or withdraws,
/// and each feature's share of that learner's score (log-odds) for the explanation.
public protocol RiskModel: Sendable {
    /// The log-odds of being at risk.
    func logOdds(_ x: [Double]) -> Double
    /// Each feature's contribution to `logOdds(x)` beyond the model's base value.
    func contributions(_ x: [Double]) -> [Double]
}

extension RiskModel {
    /// The probability of being at risk.
    public func risk(_ x: [Double]) -> Double { 1 / (1 + Foundation.exp(-logOdds(x))) }

    public func risks(_ rows: [[Double]]) -> [Double] { rows.map(risk) }
}
