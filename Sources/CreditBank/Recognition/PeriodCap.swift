import Foundation
import Registry

/// 周期上限: at most `credits` from one rule for one learner in one period — e.g. no more than
/// 10 credits a calendar year from training hours, however many outcomes are sent. An outcome
/// counts in the period of its own date (`awardedOn`), so the answer does not depend on when it
/// was sent or decided. Rule-decided and reviewer-decided recognitions alike count and are
/// capped: what the cap leaves is granted, and the decision says so; when nothing is left the
/// outcome is not recognised.
public struct PeriodCap: Sendable, Hashable, Codable {
    public enum Period: String, Sendable, Hashable, Codable, CaseIterable {
        case calendarYear = "calendar_year"
    }

    public var credits: Credits
    public var period: Period

    public init(credits: Credits, period: Period = .calendarYear) {
        self.credits = credits
        self.period = period
    }

    /// Whether `a` and `b` fall in the same period.
    public func samePeriod(_ a: CivilDate, _ b: CivilDate) -> Bool {
        switch period {
        case .calendarYear: a.year == b.year
        }
    }

    /// The period of `day`, as people say it.
    public func label(of day: CivilDate) -> (zh: String, en: String) {
        switch period {
        case .calendarYear: ("\(day.year)年度", "calendar year \(day.year)")
        }
    }
}

extension CreditAccount {
    /// The credit recognised under rule `ruleID` for outcomes dated in the same period as `day`,
    /// the outcome `excluding` aside.
    public func credited(byRule ruleID: String, cap: PeriodCap, sameAs day: CivilDate, excluding: UUID? = nil) -> Credits {
        var total = Credits.zero
        for (id, decision) in decisions where id != excluding && status[id] == .recognised && decision.ruleID == ruleID {
            guard let outcome = outcomes[id], cap.samePeriod(outcome.awardedOn, day) else { continue }
            total = total + credits(of: id)
        }
        return total
    }
}

extension RecognitionEngine {
    /// `decision` held to its rule's period cap for the learner whose `account` it joins: the
    /// units are cut, in order, to what the cap leaves; nothing left and the outcome is not
    /// recognised. The reason says what the cap did.
    public func applyingPeriodCap(_ decision: RecognitionDecision, to outcome: LearningOutcome, in account: CreditAccount) -> RecognitionDecision {
        guard decision.verdict == .recognised, let ruleID = decision.ruleID, let rule = rules.first(where: { $0.id == ruleID }), let cap = rule.periodCap else {
            return decision
        }
        let already = account.credited(byRule: ruleID, cap: cap, sameAs: outcome.awardedOn, excluding: outcome.id)
        let left = cap.credits < already ? Credits.zero : cap.credits - already
        let asked = decision.units.reduce(Credits.zero) { $0 + $1.credits }
        guard left < asked else { return decision }
        let period = cap.label(of: outcome.awardedOn)
        var capped = decision
        if left == .zero {
            capped.verdict = .rejected
            capped.units = []
            capped.reasonZh = decision.reasonZh + "；但规则“\(rule.nameZh)”\(period.zh)上限\(cap.credits)学分已用完，本项不再认定学分"
            capped.reasonEn = decision.reasonEn + "; but rule \(rule.id)'s cap of \(cap.credits) credits for \(period.en) is used up, so nothing is recognised"
            return capped
        }
        var remaining = left
        capped.units = decision.units.compactMap { unit in
            guard remaining > .zero else { return nil }
            var u = unit
            u.credits = Credits.min(unit.credits, remaining)
            remaining = remaining - u.credits
            return u
        }
        capped.reasonZh = decision.reasonZh + "；受规则“\(rule.nameZh)”\(period.zh)上限\(cap.credits)学分限制（已认定\(already)），本次认定\(left)学分（原应\(asked)）"
        capped.reasonEn = decision.reasonEn + "; held to rule \(rule.id)'s cap of \(cap.credits) credits for \(period.en) (\(already) already recognised): \(left) of \(asked) credits recognised"
        return capped
    }

    /// Decides `outcome` as it enters `account` (see `decide(_:on:attestation:standing:)`),
    /// held to its rule's period cap.
    public func decide(_ outcome: LearningOutcome, on day: CivilDate, attestation: Attestation, in account: CreditAccount) -> RecognitionDecision {
        applyingPeriodCap(decide(outcome, on: day, attestation: attestation, standing: account.standingKeys), to: outcome, in: account)
    }

    /// A reviewer's recognition of `outcome`, attributed to the rule that governs outcomes like
    /// it (the rule that would decide it on its own) and held to that rule's period cap; any
    /// other decision as it is.
    public func reviewed(_ decision: RecognitionDecision, of outcome: LearningOutcome, on day: CivilDate, in account: CreditAccount) -> RecognitionDecision {
        guard decision.verdict == .recognised else { return decision }
        let byRule = decide(outcome, on: day)
        guard byRule.verdict == .recognised, let ruleID = byRule.ruleID else { return decision }
        var attributed = decision
        attributed.ruleID = ruleID
        return applyingPeriodCap(attributed, to: outcome, in: account)
    }
}
