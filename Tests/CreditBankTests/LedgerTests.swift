import Foundation
import Registry
import Testing
@testable import CreditBank

@Suite struct LedgerTests {
    let engine = RecognitionEngine(rules: [
        RecognitionRule(id: "R-CERT", nameZh: "证书", nameEn: "certificate", kind: .certificate(code: "C1", grants: [UnitGrant(unitCode: "U1", credits: Credits(4), hubLevel: 4)])),
        RecognitionRule(id: "R-HOURS", nameZh: "学时", nameEn: "hours", kind: .hours(kinds: [.nonDegreeTraining], hoursPerCredit: 18, cap: Credits(4), unitCode: "TRAIN", hubLevel: 3)),
    ], alignment: try! FrameworkCatalogue.bundled().alignment)
    let today = day("2026-11-25")

    /// A ledger for two learners: submissions, automatic decisions, a review after a request
    /// for evidence, a withdrawal and a transfer.
    func ledger() -> (entries: [LedgerEntry], learnerB: UUID, certificate: LearningOutcome) {
        let learnerB = UUID()
        var entries: [LedgerEntry] = []
        func append(_ learner: UUID, _ event: LedgerEvent) { entries.append(LedgerEntry(sequence: entries.count + 1, learnerID: learner, event: event)) }
        let certificate = outcome(.skillLevelCertificate, code: "C1")
        let training = outcome(.nonDegreeTraining, hours: 54)
        let work = outcome(.workExperience, hours: 2000)
        let other = outcome(.skillLevelCertificate, code: "C1", learner: learnerB)
        for o in [certificate, training, work] {
            append(learnerA, .submitted(o))
            append(learnerA, .decided(engine.decide(o, on: today), reviewer: nil))
        }
        append(learnerB, .submitted(other))
        append(learnerB, .decided(engine.decide(other, on: today), reviewer: nil))
        // The reviewer asks for evidence of the work experience, then accepts 2 credits.
        append(learnerA, .decided(RecognitionDecision(outcomeID: work.id, verdict: .evidenceRequested, units: [], ruleID: nil, alsoApplicable: [], reasonZh: "请提供劳动合同", reasonEn: "contract needed"), reviewer: "reviewer-1"))
        let unit = RecognisedUnit(outcomeID: work.id, index: 0, unitCode: "WORK", credits: Credits(2), hubLevel: 3, field: nil, source: .workExperience, awardedOn: work.awardedOn, validUntil: nil)
        append(learnerA, .decided(RecognitionDecision(outcomeID: work.id, verdict: .recognised, units: [unit], ruleID: nil, alsoApplicable: [], reasonZh: "审核通过", reasonEn: "accepted"), reviewer: "reviewer-1"))
        // Learner B's certificate is revoked by its issuer.
        append(learnerB, .withdrawn(outcomeID: other.id, reason: "证书撤销"))
        // Learner A transfers the certificate unit into a program.
        append(learnerA, .used(unitIDs: ["\(certificate.id.uuidString)#0"], transferID: UUID(), program: "SZ-PU-0001/510201"))
        return (entries, learnerB, certificate)
    }

    @Test func replayingTheLedgerRebuildsEveryAccount() throws {
        let (entries, learnerB, certificate) = ledger()
        let accounts = try LedgerReplay.accounts(from: entries)
        let a = try #require(accounts[learnerA])
        // 4 (certificate) + 3 (54 h ÷ 18) + 2 (work, after review) = 9 credits.
        #expect(a.totalCredits == Credits(9))
        #expect(a.byLevel == [4: Credits(4), 3: Credits(5)])
        #expect(a.bySource[.workExperience] == Credits(2) && a.bySource[.nonDegreeTraining] == Credits(3))
        #expect(a.used == ["\(certificate.id.uuidString)#0"] && a.available.count == 2)
        #expect(accounts[learnerB]?.units.isEmpty == true && accounts[learnerB]?.status.values.first == .withdrawn)
        // Rebuilding twice gives the same accounts, and any prefix replays too.
        #expect(try LedgerReplay.accounts(from: entries) == accounts)
        let prefix = try LedgerReplay.accounts(from: Array(entries.prefix(6)))
        #expect(prefix[learnerA]?.status.values.contains(.needsReview) == true)
    }

    @Test func aBrokenLedgerIsRefused() throws {
        var (entries, _, certificate) = ledger()
        var gap = entries
        gap.remove(at: 3)
        #expect(throws: LedgerError.outOfOrder(expected: 4, found: 5)) { try LedgerReplay.accounts(from: gap) }
        // Using a unit twice.
        entries.append(LedgerEntry(sequence: entries.count + 1, learnerID: learnerA, event: .used(unitIDs: ["\(certificate.id.uuidString)#0"], transferID: UUID(), program: "X")))
        #expect(throws: LedgerError.alreadyUsed("\(certificate.id.uuidString)#0")) { try LedgerReplay.accounts(from: entries) }
        // A decision about an outcome never submitted.
        let stray = RecognitionDecision(outcomeID: UUID(), verdict: .rejected, units: [], ruleID: nil, alsoApplicable: [], reasonZh: "", reasonEn: "")
        #expect(throws: LedgerError.unknownOutcome(stray.outcomeID)) {
            try LedgerReplay.accounts(from: [LedgerEntry(sequence: 1, learnerID: learnerA, event: .decided(stray, reviewer: nil))])
        }
    }
}
