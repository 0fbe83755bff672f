/// A learner's final result in a presentation (最终结果). Fail and Withdrawn count as at risk.
public enum FinalOutcome: String, Sendable, CaseIterable, Equatable {
    case pass = "Pass"
    case distinction = "Distinction"
    case fail = "Fail"
    case withdrawn = "Withdrawn"

    /// The early-warning label: failing or withdrawing is what the warning is for.
    public var isAtRisk: Bool { self == .fail || self == .withdrawn }
}
