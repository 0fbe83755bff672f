import Foundation
import Registry

/// 撤销认定: a final decision undone by an authority above the reviewer who made it (the city
/// administrator; never the reviewer themself), always with a reason. The reversal is a ledger
/// event like any other: replaying it takes the decision's units out of the account and sends
/// the outcome back to the reviewers' queue for a fresh decision, which is again made once.
public struct DecisionReversal: Sendable, Hashable, Codable {
    public var outcomeID: UUID
    /// What was reversed: recognised or rejected.
    public var reversedVerdict: RecognitionDecision.Verdict
    /// The credit the reversed decision had granted (zero for a rejection).
    public var creditsRemoved: Credits
    public var reasonZh: String
    public var reasonEn: String
    /// Who reversed it, as the audit log names actors.
    public var by: String

    public init(outcomeID: UUID, reversedVerdict: RecognitionDecision.Verdict, creditsRemoved: Credits, reasonZh: String, reasonEn: String, by: String) {
        self.outcomeID = outcomeID
        self.reversedVerdict = reversedVerdict
        self.creditsRemoved = creditsRemoved
        self.reasonZh = reasonZh
        self.reasonEn = reasonEn
        self.by = by
    }

    /// A reason is at least this many characters (after trimming), at most `maximumReason`.
    public static let minimumReason = 5
    public static let maximumReason = 500

    /// The trimmed reason, or the error naming `field` in both languages.
    public static func checkedReason(_ text: String?, field: String = "reason") -> Result<String, FieldError> {
        let reason = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { return .failure(.required(field)) }
        if reason.count < minimumReason {
            return .failure(FieldError(field: field, zh: "撤销理由至少\(minimumReason)个字", en: "a reversal needs a reason of at least \(minimumReason) characters"))
        }
        if reason.count > maximumReason { return .failure(.tooLong(field, max: maximumReason)) }
        return .success(reason)
    }
}

/// Why a decision cannot be reversed, in both languages.
public struct ReversalRefusal: Sendable, Hashable {
    public var zh: String
    public var en: String
}

extension CreditAccount {
    /// Why the decision on `outcomeID` cannot be reversed, or nil when it can: only a final
    /// decision (recognised, rejected) is reversed — an outcome still waiting for one is simply
    /// decided — and never once a unit it granted has been used for a transfer.
    public func reversalRefusal(_ outcomeID: UUID) -> ReversalRefusal? {
        switch status[outcomeID] {
        case .recognised?, .rejected?: break
        case .withdrawn?:
            return ReversalRefusal(zh: "该成果已由颁发机构撤回，无认定可撤销", en: "the outcome was withdrawn by its issuer; there is no decision to reverse")
        case nil:
            return ReversalRefusal(zh: "没有这项学习成果", en: "no such outcome")
        default:
            return ReversalRefusal(zh: "该成果尚无最终认定结论，可直接认定，无需撤销", en: "the outcome has no final decision yet; decide it instead of reversing")
        }
        if let spent = units.first(where: { $0.outcomeID == outcomeID && used.contains($0.id) }) {
            return ReversalRefusal(zh: "该认定的学分单元（\(spent.unitCode)）已用于学分转换，不能撤销", en: "unit \(spent.unitCode) of this decision has been used for a transfer; the decision cannot be reversed")
        }
        return nil
    }

    /// The credit the decision in force on `outcomeID` grants.
    public func credits(of outcomeID: UUID) -> Credits {
        units.filter { $0.outcomeID == outcomeID }.reduce(.zero) { $0 + $1.credits }
    }
}
