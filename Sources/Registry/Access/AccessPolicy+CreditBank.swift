/// The credit bank's reversals: who may undo a decision that has been made.
extension AccessPolicy {
    /// Whether `caller`'s role may reverse credit-bank decisions at all: the city administrator,
    /// the authority above the reviewers. A reviewer, a school or a learner never may (403
    /// before any outcome is looked up).
    public static func mayReverseCreditDecisions(caller: CallerScope) -> Bool {
        caller.role == .cityAdmin
    }

    /// Whether `caller` may reverse one decision: a role that may reverse at all, and never the
    /// user who made the decision (`madeByCaller`); a decision made by a rule was made by no
    /// user. Outcomes outside the caller's scope are decided by `canActOnCreditLearner` first.
    public static func canReverseCreditDecision(madeByCaller: Bool, caller: CallerScope) -> Bool {
        mayReverseCreditDecisions(caller: caller) && !madeByCaller
    }
}
