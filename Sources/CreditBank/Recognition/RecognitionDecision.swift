import Foundation

/// 认定结论: what happened to an outcome, with the reason and the rule (or reviewer) behind it.
public struct RecognitionDecision: Sendable, Hashable, Codable {
    public enum Verdict: String, Sendable, Hashable, Codable {
        case recognised
        case rejected
        /// No rule decides it: a reviewer must.
        case needsReview = "needs_review"
        /// A reviewer asked the learner or issuer for more evidence.
        case evidenceRequested = "evidence_requested"
    }

    public var outcomeID: UUID
    public var verdict: Verdict
    public var units: [RecognisedUnit]
    public var ruleID: String?
    /// Other rules that also applied and lost on priority or credit.
    public var alsoApplicable: [String]
    public var reasonZh: String
    public var reasonEn: String

    public init(outcomeID: UUID, verdict: Verdict, units: [RecognisedUnit], ruleID: String?, alsoApplicable: [String], reasonZh: String, reasonEn: String) {
        self.outcomeID = outcomeID
        self.verdict = verdict
        self.units = units
        self.ruleID = ruleID
        self.alsoApplicable = alsoApplicable
        self.reasonZh = reasonZh
        self.reasonEn = reasonEn
    }
}
