import Foundation
import Registry

/// Who vouches for an outcome as it enters the bank. Only an outcome attested by its issuer
/// (an import by the school or city that awarded it, a pass in an assessment held on the
/// platform) is recognised by rule without a reviewer; what a learner says of themself goes to
/// a reviewer with its evidence.
public enum Attestation: String, Sendable, Hashable, Codable {
    /// Pushed by the issuer, or produced by the platform itself.
    case issuer
    /// Submitted by the holder for their own account.
    case holder
}

extension LearningOutcome {
    /// What makes two submissions the same outcome for one holder: a certificate or
    /// qualification is held once per code; another outcome with a code is the same when its
    /// code and date agree; one without a code when its issuer, title and date agree.
    /// Compared case- and space-insensitively.
    public var identityKey: String {
        func norm(_ s: String) -> String { s.lowercased().filter { !$0.isWhitespace } }
        switch (kind, code.map(norm)) {
        case (.skillLevelCertificate, let code?) where !code.isEmpty, (.vocationalQualification, let code?) where !code.isEmpty:
            return "\(kind.rawValue)|code|\(code)"
        case (_, let code?) where !code.isEmpty:
            return "\(kind.rawValue)|code|\(code)|\(awardedOn)"
        default:
            return "\(kind.rawValue)|\(norm(issuer))|\(norm(title))|\(awardedOn)"
        }
    }
}

extension CreditAccount {
    /// The identity keys of the outcomes that still stand in the account (neither rejected
    /// nor withdrawn): a further submission with one of these keys is a duplicate.
    public var standingKeys: [String: UUID] {
        var keys: [String: UUID] = [:]
        for (id, outcome) in outcomes.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            switch status[id] {
            case .rejected?, .withdrawn?: continue
            default: if keys[outcome.identityKey] == nil { keys[outcome.identityKey] = id }
            }
        }
        return keys
    }

    /// Another outcome in the account, recognised, that is the same as `outcome`.
    public func recognisedDuplicate(of outcome: LearningOutcome) -> UUID? {
        let key = outcome.identityKey
        return outcomes.values.first { $0.id != outcome.id && status[$0.id] == .recognised && $0.identityKey == key }?.id
    }
}

extension RecognitionEngine {
    /// Decides `outcome` on `day` as it enters the bank:
    ///
    /// - what a rule rejects (expired, a score below the line) is rejected;
    /// - the same outcome already standing in the account (`standing`: identity key → outcome
    ///   id) goes to a reviewer flagged as a duplicate, never credited twice;
    /// - an outcome the holder submitted themself that a rule would recognise goes to a
    ///   reviewer with its evidence (the rule is named for them); a rule's rejection stands;
    /// - an outcome attested by its issuer is decided by the rules.
    public func decide(_ outcome: LearningOutcome, on day: CivilDate, attestation: Attestation, standing: [String: UUID]) -> RecognitionDecision {
        let byRule = decide(outcome, on: day)
        // A rejection (expired, a score below the line) credits nothing, whoever sent it.
        if byRule.verdict == .rejected { return byRule }
        if let earlier = standing[outcome.identityKey], earlier != outcome.id {
            return RecognitionDecision(outcomeID: outcome.id, verdict: .needsReview, units: [], ruleID: nil, alsoApplicable: [],
                                       reasonZh: "与账户中已有的学习成果（\(earlier.uuidString)）重复，转人工审核，不重复认定",
                                       reasonEn: "duplicate of outcome \(earlier.uuidString) already in the account; a reviewer decides, it is not credited twice")
        }
        guard attestation == .holder, byRule.verdict == .recognised else { return byRule }
        return RecognitionDecision(outcomeID: outcome.id, verdict: .needsReview, units: [], ruleID: nil, alsoApplicable: byRule.ruleID.map { [$0] } ?? [],
                                   reasonZh: "由学习者本人提交，须审核人员核验证明材料后认定（适用规则：\(byRule.ruleID ?? "无")）",
                                   reasonEn: "submitted by the learner; a reviewer checks the evidence before recognition (rule that would apply: \(byRule.ruleID ?? "none"))")
    }
}
