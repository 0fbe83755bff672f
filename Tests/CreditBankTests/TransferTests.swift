import Exact
import Foundation
import Registry
import Testing
@testable import CreditBank

@Suite struct TransferTests {
    func unit(_ code: String, _ credits: Int, level: Int = 4, awarded: String = "2025-06-30", validUntil: String? = nil) -> RecognisedUnit {
        RecognisedUnit(outcomeID: UUID(), index: 0, unitCode: code, credits: Credits(credits), hubLevel: level, field: nil, source: .skillLevelCertificate,
                       awardedOn: day(awarded), validUntil: validUntil.map(day))
    }

    let limit = ProgramTransferLimit(institutionCode: "SZ-PU-0001", programCode: "510201", totalCredits: Credits(20), maximumShare: Fraction(1, 2))
    func rule(_ id: String, _ unit: String, course: String?, credits: Int, minLevel: Int = 4, years: Int? = nil) -> ConversionRule {
        ConversionRule(id: id, institutionCode: "SZ-PU-0001", programCode: "510201", unitCode: unit, exemptsCourse: course, credits: Credits(credits), minimumHubLevel: minLevel, maximumAgeYears: years)
    }

    @Test func eachCreditIsTracedAndEveryLimitHolds() {
        var account = CreditAccount(learnerID: learnerA)
        let web = unit("WEB-101", 4), web2 = unit("WEB-102", 2), old = unit("NET", 3, awarded: "2019-01-01"), low = unit("OFFICE", 2, level: 3)
        let dup = unit("WEB-101", 4, awarded: "2025-09-01"), used = unit("DB", 3), big = unit("AI", 6)   // the later of two equal units waits
        account.units = [web, web2, old, low, dup, used, big]
        account.used = [used.id]
        let rules = [
            rule("T-WEB", "WEB-101", course: "网页设计", credits: 4),
            rule("T-WEB2", "WEB-102", course: "前端开发", credits: 3),       // more than the unit holds: 2 granted
            rule("T-NET", "NET", course: "网络基础", credits: 3, years: 5),   // older than five years
            rule("T-OFFICE", "OFFICE", course: "办公软件", credits: 2),       // level 3 < 4
            rule("T-DB", "DB", course: "数据库", credits: 3),
            rule("T-AI", "AI", course: "人工智能导论", credits: 6),
            rule("T-OTHER", "WEB-101", course: "网页设计", credits: 4).with(institution: "SZ-PU-0002"),
        ]
        let plan = TransferPlan.plan(account, rules: rules, limit: limit, on: day("2026-11-25"))
        // Cap: half of 20 = 10. AI 6 first, then one WEB-101 4 = 10; WEB-102 would exceed.
        #expect(plan.cap == Credits(10))
        #expect(plan.items.map(\.ruleID) == ["T-AI", "T-WEB"] && plan.total == Credits(10))
        #expect(plan.items.first { $0.ruleID == "T-WEB" }?.outcomeID == web.outcomeID)
        let reasons = Dictionary(uniqueKeysWithValues: plan.refusals.map { ($0.unitID, $0.reasonEn) })
        #expect(reasons[dup.id]?.contains("already exempted") == true)      // one course, once
        #expect(reasons[web2.id]?.contains("cap") == true)
        #expect(reasons[old.id]?.contains("older than 5 years") == true)
        #expect(reasons[low.id]?.contains("below the rule's 4") == true)
        #expect(reasons[used.id]?.contains("already used") == true)          // no double counting across transfers
        // With a wider cap, WEB-102 counts for its own 2 credits only.
        let wide = ProgramTransferLimit(institutionCode: "SZ-PU-0001", programCode: "510201", totalCredits: Credits(40), maximumShare: Fraction(1, 2))
        #expect(TransferPlan.plan(account, rules: rules, limit: wide, on: day("2026-11-25")).items.first { $0.ruleID == "T-WEB2" }?.credits == Credits(2))
    }
}

extension ConversionRule {
    func with(institution: String) -> ConversionRule {
        var copy = self
        copy.institutionCode = institution
        return copy
    }
}
