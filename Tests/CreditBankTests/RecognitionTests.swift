import Foundation
import Registry
import Testing
@testable import CreditBank

@Suite struct RecognitionTests {
    let alignment = try! FrameworkCatalogue.bundled().alignment
    let today = day("2026-11-25")

    var rules: [RecognitionRule] {
        [
            // A 1+X web front-end certificate (intermediate) earns two units at hub level 4.
            RecognitionRule(id: "R-1X-WEB", nameZh: "Web前端开发（中级）证书", nameEn: "Web front-end (intermediate)", priority: 10,
                            kind: .certificate(code: "1X-WEB-M", grants: [UnitGrant(unitCode: "WEB-101", credits: Credits(4), hubLevel: 4),
                                                                          UnitGrant(unitCode: "WEB-102", credits: Credits(2), hubLevel: 4)])),
            // Training hours: 18 hours a credit, at most 4 credits.
            RecognitionRule(id: "R-HOURS", nameZh: "非学历培训学时折算", nameEn: "Training hours", kind: .hours(kinds: [.nonDegreeTraining, .onlineCourse], hoursPerCredit: 18, cap: Credits(4), unitCode: "TRAIN", hubLevel: 3)),
            // A competition score of 80 or more earns 3 credits.
            RecognitionRule(id: "R-COMP", nameZh: "省级技能大赛", nameEn: "Provincial skills competition",
                            kind: .score(kind: .competitionAward, code: "GD-SKILLS", minimumScore: 80, grant: UnitGrant(unitCode: "COMP", credits: Credits(3), hubLevel: 4))),
        ]
    }

    @Test func aCertificateEarnsItsUnits() {
        let engine = RecognitionEngine(rules: rules, alignment: alignment)
        let d = engine.decide(outcome(.skillLevelCertificate, code: "1X-WEB-M", level: LevelRef("gd-lqf", 4)), on: today)
        #expect(d.verdict == .recognised && d.ruleID == "R-1X-WEB")
        #expect(d.units.map(\.unitCode) == ["WEB-101", "WEB-102"] && d.units.map(\.credits) == [Credits(4), Credits(2)])
        #expect(d.units.allSatisfy { $0.hubLevel == 4 && $0.source == .skillLevelCertificate })
    }

    @Test func hoursBecomeCreditsAtTheRateWithACap() {
        let engine = RecognitionEngine(rules: rules, alignment: alignment)
        // 45 hours ÷ 18 = 2.5 credits, exactly.
        #expect(engine.decide(outcome(.nonDegreeTraining, hours: 45), on: today).units.first?.credits == Credits(tenths: 25))
        // 200 hours would be 11.1: capped at 4.
        #expect(engine.decide(outcome(.onlineCourse, hours: 200), on: today).units.first?.credits == Credits(4))
        // 1 hour: 0.05 rounds down to 0.
        #expect(engine.decide(outcome(.nonDegreeTraining, hours: 1), on: today).units.first?.credits == Credits.zero)
        // Hong Kong QF rate: 10 notional hours a credit, 35 hours → 3.5.
        let hk = RecognitionEngine(rules: [RecognitionRule(id: "R-HK", nameZh: "资历架构学分", nameEn: "QF credit",
                                                           kind: .hours(kinds: [.nonDegreeTraining], hoursPerCredit: 10, cap: Credits(60), unitCode: "HK", hubLevel: 4))], alignment: alignment)
        #expect(hk.decide(outcome(.nonDegreeTraining, hours: 35), on: today).units.first?.credits == Credits(tenths: 35))
    }

    @Test func aScoreBelowTheLineIsRejectedWithTheRule() {
        let engine = RecognitionEngine(rules: rules, alignment: alignment)
        #expect(engine.decide(outcome(.competitionAward, code: "GD-SKILLS", score: 85), on: today).units.first?.credits == Credits(3))
        let low = engine.decide(outcome(.competitionAward, code: "GD-SKILLS", score: 75), on: today)
        #expect(low.verdict == .rejected && low.ruleID == "R-COMP" && low.reasonZh.contains("75") && low.reasonZh.contains("80"))
    }

    @Test func whenTwoRulesApplyPriorityThenCreditDecides() {
        var both = rules
        // A second rule for the same certificate, lower priority but more credit: priority wins.
        both.append(RecognitionRule(id: "R-1X-WEB-OLD", nameZh: "旧版规则", nameEn: "old rule", priority: 1,
                                    kind: .certificate(code: "1X-WEB-M", grants: [UnitGrant(unitCode: "WEB-ALL", credits: Credits(8), hubLevel: 4)])))
        let d = RecognitionEngine(rules: both, alignment: alignment).decide(outcome(.skillLevelCertificate, code: "1X-WEB-M"), on: today)
        #expect(d.ruleID == "R-1X-WEB" && d.alsoApplicable == ["R-1X-WEB-OLD"])
        // Equal priority: the larger grant wins.
        both[3].priority = 10
        let tie = RecognitionEngine(rules: both, alignment: alignment).decide(outcome(.skillLevelCertificate, code: "1X-WEB-M"), on: today)
        #expect(tie.ruleID == "R-1X-WEB-OLD" && tie.units.map(\.credits) == [Credits(8)])
    }

    @Test func anExpiredCertificateIsRejectedAndNoRuleMeansReview() {
        let engine = RecognitionEngine(rules: rules, alignment: alignment)
        let expired = engine.decide(outcome(.skillLevelCertificate, code: "1X-WEB-M", validUntil: "2026-11-24"), on: today)
        #expect(expired.verdict == .rejected && expired.units.isEmpty && expired.reasonEn.contains("expired"))
        #expect(engine.decide(outcome(.skillLevelCertificate, code: "1X-WEB-M", validUntil: "2026-11-25"), on: today).verdict == .recognised)
        let unknown = engine.decide(outcome(.workExperience, hours: 2000), on: today)
        #expect(unknown.verdict == .needsReview)
    }

    @Test func aUnitNeverSitsAboveItsOutcomesLevelAcrossFrameworks() {
        // A Hong Kong QF level 3 certificate, under a rule that grants level-4 units: granted at 3.
        let engine = RecognitionEngine(rules: rules, alignment: alignment)
        let d = engine.decide(outcome(.vocationalQualification, code: "1X-WEB-M", level: LevelRef("hkqf", 3)), on: today)
        #expect(d.units.allSatisfy { $0.hubLevel == 3 } && d.reasonZh.contains("级别不高于"))
        // A 专科 course (national level 2 ↔ hub 4) keeps level 4.
        #expect(engine.decide(outcome(.skillLevelCertificate, code: "1X-WEB-M", level: LevelRef("cn-academic", 2)), on: today).units.allSatisfy { $0.hubLevel == 4 })
    }

    @Test func whatTheHolderSaysOfThemselfGoesToAReviewerAndADuplicateIsNeverCreditedTwice() {
        let engine = RecognitionEngine(rules: rules, alignment: alignment)
        let cert = outcome(.skillLevelCertificate, code: "1X-WEB-M", level: LevelRef("gd-lqf", 4))
        // Submitted by the learner: the rule is named, but a reviewer decides.
        let own = engine.decide(cert, on: today, attestation: .holder, standing: [:])
        #expect(own.verdict == .needsReview && own.units.isEmpty && own.alsoApplicable == ["R-1X-WEB"] && own.reasonEn.contains("learner"))
        // Pushed by its issuer: recognised by the rule.
        #expect(engine.decide(cert, on: today, attestation: .issuer, standing: [:]).verdict == .recognised)
        // The same certificate again (another id, other spacing and case): flagged, not credited.
        var again = outcome(.skillLevelCertificate, code: " 1x-web-m", level: LevelRef("gd-lqf", 4), awarded: "2026-01-01")
        again.title = "again"
        #expect(again.identityKey == cert.identityKey)
        let dup = engine.decide(again, on: today, attestation: .issuer, standing: [cert.identityKey: cert.id])
        #expect(dup.verdict == .needsReview && dup.units.isEmpty && dup.reasonEn.contains("duplicate"))
        // A competition in another year is another outcome; training by issuer, title and date.
        #expect(outcome(.competitionAward, code: "GD-SKILLS", awarded: "2025-05-01").identityKey != outcome(.competitionAward, code: "GD-SKILLS", awarded: "2026-05-01").identityKey)
        #expect(outcome(.nonDegreeTraining, hours: 10).identityKey == outcome(.nonDegreeTraining, hours: 20).identityKey)
        // Hours are bounded by the rule's cap per outcome: 100,000 hours earn at most 4 credits.
        let huge = engine.decide(outcome(.nonDegreeTraining, hours: 100_000), on: today, attestation: .issuer, standing: [:])
        #expect(huge.verdict == .recognised && huge.units.map(\.credits) == [Credits(4)])
    }
}
