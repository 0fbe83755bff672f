import Foundation

/// The credit bank's city-wide acts (学分银行) and signed credentials (数字凭证), beside the
/// per-learner decisions of `canActOnCreditLearner`.
extension AccessPolicy {
    /// Whether `caller` may open a credit-bank account (开户): the city, reviewers, and schools
    /// for their students.
    public static func canCreateCreditLearner(caller: CallerScope) -> Bool {
        [.cityAdmin, .creditReviewer, .schoolAdmin].contains(caller.role)
    }

    /// Whether `caller` may read the review queue (待审队列): the outcomes no rule decided, of
    /// every learner, so only those who decide them.
    public static func canReadCreditReviewQueue(caller: CallerScope) -> Bool {
        mayUseCreditBank(.decideOutcome, caller: caller)
    }

    /// Whether `caller` may change the city's rules and the framework alignment table
    /// (认定规则、资历框架对照): the city's act.
    public static func canEditCreditRules(caller: CallerScope) -> Bool {
        caller.role == .cityAdmin
    }

    /// Whether `caller` may evaluate every learner against every qualification at once, or
    /// replay and check the whole ledger (账本校验): city-wide reads, the city's.
    public static func canAuditCreditBank(caller: CallerScope) -> Bool {
        caller.role == .cityAdmin
    }

    /// Whether `caller` may run skill assessments (技能考核): create sessions, add candidates,
    /// record results — the city and its reviewers, who attest what the platform assessed.
    public static func canRunAssessments(caller: CallerScope) -> Bool {
        [.cityAdmin, .creditReviewer].contains(caller.role)
    }

    /// Whether what `caller` submits is the holder's own word (持有人自报) rather than an
    /// issuer's attestation: a learner's submission always goes to a reviewer.
    public static func submitsAsHolder(caller: CallerScope) -> Bool {
        caller.role == .learner
    }

    /// The institution a caller pushes outcomes as (a school is the issuer of what it awards),
    /// or nil when the caller names the issuer in each outcome.
    public static func issuingInstitution(caller: CallerScope) -> UUID? {
        caller.role == .schoolAdmin ? caller.institutionID : nil
    }

    /// The caller's own student record when the caller is a learner: their account is found by
    /// it (本人账户).
    public static func ownStudentRecord(caller: CallerScope) -> UUID? {
        caller.role == .learner ? caller.studentID : nil
    }

    /// Whether `caller` may revoke, suspend or reinstate an issued credential (吊销、暂停、恢复):
    /// the authority that issues them — the city and its reviewers.
    public static func canChangeCredentialStatus(caller: CallerScope) -> Bool {
        [.cityAdmin, .creditReviewer].contains(caller.role)
    }

    /// Where `caller` lands in the credit bank: a learner on their own account, those who
    /// decide on the review queue, a school on the outcome import.
    public static func creditBankHome(caller: CallerScope) -> CreditBankHome? {
        if submitsAsHolder(caller: caller) { return .ownAccount }
        if canReadCreditReviewQueue(caller: caller) { return .reviewQueue }
        if canImportCreditOutcomes(caller: caller) { return .outcomeImport }
        return nil
    }
}

/// The first credit-bank page a caller opens.
public enum CreditBankHome: Sendable, Hashable {
    case ownAccount, reviewQueue, outcomeImport
}
