import Foundation
import Registry

/// Recognises an outcome by rule where one applies (自动认定), otherwise sends it to a reviewer.
public struct RecognitionEngine: Sendable {
    public var rules: [RecognitionRule]
    public var alignment: LevelAlignment

    public init(rules: [RecognitionRule], alignment: LevelAlignment) {
        self.rules = rules
        self.alignment = alignment
    }

    /// What one rule would grant for `outcome`; nil when the rule does not apply.
    /// `.failure` carries a reason the rule refuses it (a score below the line).
    func grant(_ rule: RecognitionRule, for outcome: LearningOutcome) -> Result<[UnitGrant], RefusedByRule>? {
        switch rule.kind {
        case .certificate(let code, let grants):
            guard outcome.code == code else { return nil }
            return .success(grants)
        case .hours(let kinds, let hoursPerCredit, let cap, let unitCode, let hubLevel):
            guard kinds.contains(outcome.kind), let hours = outcome.hours, hours > 0, hoursPerCredit > 0 else { return nil }
            let earned = Credits(tenths: hours * 10 / hoursPerCredit)
            return .success([UnitGrant(unitCode: unitCode, credits: Credits.min(earned, cap), hubLevel: hubLevel, field: outcome.field)])
        case .score(let kind, let code, let minimum, let grant):
            guard outcome.kind == kind, outcome.code == code else { return nil }
            guard let score = outcome.score, score >= minimum else {
                return .failure(RefusedByRule(score: outcome.score, minimum: minimum))
            }
            return .success([grant])
        }
    }

    struct RefusedByRule: Error {
        var score: Int?
        var minimum: Int
    }

    /// Decides `outcome` on `day`.
    ///
    /// - An expired outcome is rejected.
    /// - Of the rules that apply, the highest priority wins; on a tie, the one granting more
    ///   credit; the others are listed. A rule that applies but refuses (a score below its
    ///   line) rejects the outcome only when no other rule grants anything.
    /// - A unit never sits above the outcome's own level on the hub framework: a rule granting
    ///   a level-5 unit for a level-4 certificate grants it at level 4.
    /// - No rule: a reviewer decides.
    public func decide(_ outcome: LearningOutcome, on day: CivilDate) -> RecognitionDecision {
        func decision(_ verdict: RecognitionDecision.Verdict, _ zh: String, _ en: String, units: [RecognisedUnit] = [], rule: String? = nil, also: [String] = []) -> RecognitionDecision {
            RecognitionDecision(outcomeID: outcome.id, verdict: verdict, units: units, ruleID: rule, alsoApplicable: also, reasonZh: zh, reasonEn: en)
        }
        if let until = outcome.validUntil, outcome.isExpired(on: day) {
            return decision(.rejected, "证书已于\(until)过期", "expired on \(until)")
        }
        var granting: [(rule: RecognitionRule, grants: [UnitGrant])] = []
        var refusals: [(rule: RecognitionRule, refusal: RefusedByRule)] = []
        for rule in rules {
            switch grant(rule, for: outcome) {
            case .success(let grants)?: granting.append((rule, grants))
            case .failure(let refusal)?: refusals.append((rule, refusal))
            case nil: break
            }
        }
        func total(_ grants: [UnitGrant]) -> Credits { grants.reduce(.zero) { $0 + $1.credits } }
        granting.sort { a, b in
            a.rule.priority != b.rule.priority ? a.rule.priority > b.rule.priority
                : total(a.grants) != total(b.grants) ? total(a.grants) > total(b.grants) : a.rule.id < b.rule.id
        }
        guard let winner = granting.first else {
            if let refused = refusals.first {
                let score = refused.refusal.score.map(String.init) ?? "无"
                return decision(.rejected, "成绩\(score)低于规则“\(refused.rule.nameZh)”要求的\(refused.refusal.minimum)",
                                "score \(refused.refusal.score.map(String.init) ?? "none") is below the \(refused.refusal.minimum) that rule \(refused.rule.id) requires",
                                rule: refused.rule.id)
            }
            return decision(.needsReview, "没有适用的自动认定规则，转人工审核", "no rule applies; a reviewer decides")
        }
        let ceiling = outcome.level.flatMap { alignment.hubLevel(of: $0) }
        let units = winner.grants.enumerated().map { index, g in
            RecognisedUnit(outcomeID: outcome.id, index: index, unitCode: g.unitCode, credits: g.credits,
                           hubLevel: ceiling.map { Swift.min($0, g.hubLevel) } ?? g.hubLevel, field: g.field ?? outcome.field,
                           source: outcome.kind, awardedOn: outcome.awardedOn, validUntil: outcome.validUntil)
        }
        let capped = units.contains { u in ceiling.map { $0 < (winner.grants.first { $0.unitCode == u.unitCode }?.hubLevel ?? 0) } ?? false }
        let also = granting.dropFirst().map(\.rule.id) + refusals.map(\.rule.id)
        let credit = total(winner.grants)
        return decision(.recognised,
                        "依规则“\(winner.rule.nameZh)”认定\(credit)学分" + (capped ? "（级别不高于成果本身的第\(ceiling ?? 0)级）" : ""),
                        "rule \(winner.rule.id) grants \(credit) credits" + (capped ? " (level capped at the outcome's own hub level \(ceiling ?? 0))" : ""),
                        units: units, rule: winner.rule.id, also: also)
    }
}
