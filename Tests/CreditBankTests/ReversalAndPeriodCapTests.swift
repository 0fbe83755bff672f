import Foundation
import Registry
import Testing
@testable import CreditBank

/// Reversals in the ledger (a reversed recognition's units leave the replayed account) and
/// per-period caps on recognition rules.
@Suite struct ReversalAndPeriodCapTests {
    static let capped = RecognitionRule(id: "R-HOURS", nameZh: "学时", nameEn: "hours",
                                        kind: .hours(kinds: [.nonDegreeTraining], hoursPerCredit: 18, cap: Credits(4), unitCode: "TRAIN", hubLevel: 3),
                                        periodCap: PeriodCap(credits: Credits(5)))
    let engine = RecognitionEngine(rules: [
        Self.capped,
        RecognitionRule(id: "R-CERT", nameZh: "证书", nameEn: "certificate", kind: .certificate(code: "C1", grants: [UnitGrant(unitCode: "U1", credits: Credits(4), hubLevel: 4)])),
    ], alignment: try! FrameworkCatalogue.bundled().alignment)
    let today = day("2026-11-25")

    func reversal(_ id: UUID, _ verdict: RecognitionDecision.Verdict = .recognised, credits: Credits = Credits(4)) -> DecisionReversal {
        DecisionReversal(outcomeID: id, reversedVerdict: verdict, creditsRemoved: credits, reasonZh: "证书信息有误", reasonEn: "wrong certificate", by: "city (city_admin)")
    }

    func replay(_ events: [LedgerEvent]) throws -> CreditAccount {
        let entries = events.enumerated().map { LedgerEntry(sequence: $0.offset + 1, learnerID: learnerA, event: $0.element) }
        return try #require(try LedgerReplay.accounts(from: entries)[learnerA])
    }

    @Test func aReversedRecognitionLeavesTheAccountAndTheOutcomeWaitsForAFreshDecision() throws {
        let certificate = outcome(.skillLevelCertificate, code: "C1")
        let decided = engine.decide(certificate, on: today)
        #expect(decided.verdict == .recognised)
        var events: [LedgerEvent] = [.submitted(certificate), .decided(decided, reviewer: nil)]
        #expect(try replay(events).totalCredits == Credits(4))
        events.append(.reversed(reversal(certificate.id)))
        let after = try replay(events)
        #expect(after.totalCredits == .zero && after.units.isEmpty)
        #expect(after.status[certificate.id] == .needsReview)
        #expect(after.decisions[certificate.id]?.verdict == .needsReview && after.decisions[certificate.id]?.reasonEn.contains("reversed") == true)
        #expect(after.reversals[certificate.id]?.count == 1)
        // The fresh decision is made once again, and a second reversal needs a final decision first.
        #expect(after.reversalRefusal(certificate.id) != nil)
        #expect(throws: LedgerError.notReversible(certificate.id)) { try replay(events + [.reversed(reversal(certificate.id))]) }
        let fresh = RecognitionDecision(outcomeID: certificate.id, verdict: .rejected, units: [], ruleID: nil, alsoApplicable: [], reasonZh: "证书不实", reasonEn: "not genuine")
        let again = try replay(events + [.decided(fresh, reviewer: "reviewer-2 (credit_reviewer)")])
        #expect(again.status[certificate.id] == .rejected && again.totalCredits == .zero)
        // A rejection may be reversed too: it removes nothing.
        let reopened = try replay(events + [.decided(fresh, reviewer: "r"), .reversed(reversal(certificate.id, .rejected, credits: .zero))])
        #expect(reopened.status[certificate.id] == .needsReview)
    }

    @Test func onlyAFinalDecisionIsReversedAndNeverOnceItsUnitsAreUsed() throws {
        let certificate = outcome(.skillLevelCertificate, code: "C1")
        let work = outcome(.workExperience, hours: 900)
        let events: [LedgerEvent] = [.submitted(certificate), .decided(engine.decide(certificate, on: today), reviewer: nil),
                                     .submitted(work), .decided(engine.decide(work, on: today), reviewer: nil)]
        let account = try replay(events)
        // Awaiting review: decide it, there is nothing to reverse.
        #expect(account.status[work.id] == .needsReview && account.reversalRefusal(work.id) != nil)
        #expect(throws: LedgerError.notReversible(work.id)) { try replay(events + [.reversed(reversal(work.id))]) }
        #expect(throws: LedgerError.unknownOutcome(learnerA)) { try replay(events + [.reversed(reversal(learnerA))]) }
        // Used for a transfer: refused.
        let used = events + [.used(unitIDs: ["\(certificate.id.uuidString)#0"], transferID: UUID(), program: "P")]
        #expect(try replay(used).reversalRefusal(certificate.id)?.en.contains("transfer") == true)
        #expect(throws: LedgerError.notReversible(certificate.id)) { try replay(used + [.reversed(reversal(certificate.id))]) }
        // A withdrawn outcome has nothing to reverse.
        #expect(try replay(events + [.withdrawn(outcomeID: certificate.id, reason: "撤销")]).reversalRefusal(certificate.id) != nil)
    }

    @Test func aReversalIsAnEventThatSurvivesItsJSON() throws {
        let event = LedgerEvent.reversed(reversal(UUID()))
        let data = try JSONEncoder().encode(event)
        #expect(try JSONDecoder().decode(LedgerEvent.self, from: data) == event)
    }

    @Test func aReasonIsRequiredAndNamedInBothLanguages() {
        for (text, ok) in [(nil, false), ("", false), ("  ", false), ("太短", false), ("证书信息有误", true), ("wrong certificate", true), (String(repeating: "长", count: 501), false)] as [(String?, Bool)] {
            switch DecisionReversal.checkedReason(text) {
            case .success(let reason): #expect(ok, "\(String(describing: text)) accepted as \(reason)")
            case .failure(let e):
                #expect(!ok, "\(String(describing: text)) refused")
                #expect(e.field == "reason" && !e.reasonZh.isEmpty && !e.reasonEn.isEmpty)
            }
        }
    }

    /// 5 credits a calendar year from the hours rule: 4 + 1, then nothing; the next year again.
    @Test func aPeriodCapCutsWhatTheRuleGrantsPerLearnerPerYear() throws {
        var account = CreditAccount(learnerID: learnerA)
        func take(_ o: LearningOutcome) throws -> RecognitionDecision {
            let d = engine.decide(o, on: today, attestation: .issuer, in: account)
            try account.apply(.submitted(o))
            try account.apply(.decided(d, reviewer: nil))
            return d
        }
        let first = try take(outcome(.nonDegreeTraining, hours: 72, awarded: "2026-02-01"))
        #expect(first.units.map(\.credits) == [Credits(4)])
        let second = try take(outcome(.nonDegreeTraining, hours: 54, awarded: "2026-03-01"))
        #expect(second.verdict == .recognised && second.units.map(\.credits) == [Credits(1)])
        #expect(second.reasonZh.contains("上限") && second.reasonEn.contains("cap of 5"))
        let third = try take(outcome(.nonDegreeTraining, hours: 18, awarded: "2026-04-01"))
        #expect(third.verdict == .rejected && third.units.isEmpty && third.reasonEn.contains("used up"))
        // Another calendar year of outcomes has its own allowance.
        let nextYear = try take(outcome(.nonDegreeTraining, hours: 36, awarded: "2025-12-31"))
        #expect(nextYear.units.map(\.credits) == [Credits(2)])
        #expect(account.credited(byRule: "R-HOURS", cap: PeriodCap(credits: Credits(5)), sameAs: day("2026-06-01")) == Credits(5))
        // Another rule is not capped by this one's allowance.
        #expect(try take(outcome(.skillLevelCertificate, code: "C1", awarded: "2026-05-01")).units.map(\.credits) == [Credits(4)])
    }

    @Test func aReviewersRecognitionCountsAgainstTheGoverningRulesCap() throws {
        var account = CreditAccount(learnerID: learnerA)
        let earlier = outcome(.nonDegreeTraining, hours: 72, awarded: "2026-02-01")
        try account.apply(.submitted(earlier))
        try account.apply(.decided(engine.decide(earlier, on: today), reviewer: nil))
        // The learner's own training hours: a reviewer grants 3 credits; the cap leaves 1.
        let own = outcome(.nonDegreeTraining, hours: 60, awarded: "2026-09-01")
        try account.apply(.submitted(own))
        let unit = RecognisedUnit(outcomeID: own.id, index: 0, unitCode: "TRAIN", credits: Credits(3), hubLevel: 3, field: nil, source: .nonDegreeTraining, awardedOn: own.awardedOn, validUntil: nil)
        let byReviewer = RecognitionDecision(outcomeID: own.id, verdict: .recognised, units: [unit], ruleID: nil, alsoApplicable: [], reasonZh: "证明齐全", reasonEn: "evidence checked")
        let final = engine.reviewed(byReviewer, of: own, on: today, in: account)
        #expect(final.ruleID == "R-HOURS" && final.units.map(\.credits) == [Credits(1)] && final.reasonZh.hasPrefix("证明齐全"))
        // A rejection, or an outcome no rule governs, is left as the reviewer made it.
        let work = outcome(.workExperience, hours: 900)
        let workDecision = RecognitionDecision(outcomeID: work.id, verdict: .recognised, units: [], ruleID: nil, alsoApplicable: [], reasonZh: "x", reasonEn: "x")
        #expect(engine.reviewed(workDecision, of: work, on: today, in: account) == workDecision)
    }

    @Test func aRuleWithoutACapDecodesAsBeforeAndACapRoundTrips() throws {
        let old = #"{"id":"R","nameZh":"r","nameEn":"r","priority":0,"kind":{"score":{"kind":"competition_award","code":"X","minimumScore":80,"grant":{"unitCode":"U","credits":"2","hubLevel":3}}}}"#
        #expect(try JSONDecoder().decode(RecognitionRule.self, from: Data(old.utf8)).periodCap == nil)
        let data = try JSONEncoder().encode(Self.capped)
        #expect(String(decoding: data, as: UTF8.self).contains("\"calendar_year\""))
        #expect(try JSONDecoder().decode(RecognitionRule.self, from: data) == Self.capped)
    }
}
