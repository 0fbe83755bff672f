import Foundation
import Registry

/// "What would transfer if I enrolled in program P at school S?" — each credit traced to the
/// unit, its outcome and the rule; each refusal with its reason.
public struct TransferPlan: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var unitID: String
        public var outcomeID: UUID
        public var ruleID: String
        public var exemptsCourse: String?
        public var credits: Credits
    }

    public struct Refusal: Sendable, Hashable {
        public var unitID: String
        public var ruleID: String?
        public var reasonZh: String
        public var reasonEn: String
    }

    public var items: [Item]
    public var refusals: [Refusal]
    public var cap: Credits

    public var total: Credits { items.reduce(.zero) { $0 + $1.credits } }

    /// Plans the transfer of `account`'s units into the program.
    ///
    /// Rules: a unit counts once (one rule, never a unit already used by an earlier transfer);
    /// a course is exempted once; the unit must reach the rule's minimum level and be recent
    /// enough; the total stays within the program's cap. Units are taken largest credit first
    /// (then oldest), so the cap admits as much as it can; where two rules fit one unit, the one
    /// granting more wins.
    public static func plan(_ account: CreditAccount, rules: [ConversionRule], limit: ProgramTransferLimit, on day: CivilDate) -> TransferPlan {
        let rules = rules.filter { $0.institutionCode == limit.institutionCode && $0.programCode == limit.programCode }
        var plan = TransferPlan(items: [], refusals: [], cap: limit.cap)
        var exempted = Set<String>()
        let units = account.units.sorted { $0.credits != $1.credits ? $0.credits > $1.credits : ($0.awardedOn, $0.id) < ($1.awardedOn, $1.id) }
        for unit in units {
            func refuse(_ rule: String?, _ zh: String, _ en: String) { plan.refusals.append(Refusal(unitID: unit.id, ruleID: rule, reasonZh: zh, reasonEn: en)) }
            let candidates = rules.filter { $0.unitCode == unit.unitCode }.sorted { $0.credits != $1.credits ? $0.credits > $1.credits : $0.id < $1.id }
            guard !candidates.isEmpty else { continue }
            if account.used.contains(unit.id) {
                refuse(nil, "该学分单元已在此前的转换中使用", "already used by an earlier transfer")
                continue
            }
            if let until = unit.validUntil, until < day {
                refuse(nil, "成果已于\(until)过期", "expired on \(until)")
                continue
            }
            var placed = false
            var reasons: [(String?, String, String)] = []
            for rule in candidates {
                if unit.hubLevel < rule.minimumHubLevel {
                    reasons.append((rule.id, "级别\(unit.hubLevel)低于规则要求的\(rule.minimumHubLevel)", "level \(unit.hubLevel) is below the rule's \(rule.minimumHubLevel)"))
                    continue
                }
                if let years = rule.maximumAgeYears, unit.awardedOn < day.minus(years: years) {
                    reasons.append((rule.id, "取得于\(unit.awardedOn)，超过\(years)年时限", "awarded \(unit.awardedOn), older than \(years) years"))
                    continue
                }
                if let course = rule.exemptsCourse, exempted.contains(course) {
                    reasons.append((rule.id, "课程\(course)已由其他学分免修", "course \(course) is already exempted by another unit"))
                    continue
                }
                let credits = Credits.min(rule.credits, unit.credits)
                if plan.total + credits > plan.cap {
                    reasons.append((rule.id, "超过该专业可转换上限\(plan.cap)学分", "would exceed the program's transfer cap of \(plan.cap) credits"))
                    continue
                }
                plan.items.append(Item(unitID: unit.id, outcomeID: unit.outcomeID, ruleID: rule.id, exemptsCourse: rule.exemptsCourse, credits: credits))
                if let course = rule.exemptsCourse { exempted.insert(course) }
                placed = true
                break
            }
            if !placed, let last = reasons.last { refuse(last.0, last.1, last.2) }
        }
        return plan
    }
}
