import Testing
@testable import Analytics

@Suite struct QualityTests {
    @Test func aucByHand() {
        // Positives 0.9, 0.4; negatives 0.5, 0.1: pairs (0.9>0.5, 0.9>0.1, 0.4<0.5, 0.4>0.1) → 3/4.
        #expect(AreaUnderCurve.of(scores: [0.9, 0.5, 0.4, 0.1], labels: [true, false, true, false]) == 0.75)
        #expect(AreaUnderCurve.of(scores: [0.9, 0.8, 0.2], labels: [true, true, false]) == 1)
        #expect(AreaUnderCurve.of(scores: [0.9, 0.8], labels: [true, true]) == nil)
    }

    @Test func aucCountsTiesAsHalf() {
        // One positive tied with one negative at 0.5, above another negative: (0.5 + 1) / 2.
        #expect(AreaUnderCurve.of(scores: [0.5, 0.5, 0.1], labels: [true, false, false]) == 0.75)
        // All tied: no information, 0.5.
        #expect(AreaUnderCurve.of(scores: [1, 1, 1, 1], labels: [true, false, true, false]) == 0.5)
    }

    @Test func topTwentyPercent() {
        // Ten learners, top 20 % = the two highest; one of them at risk, of three at risk overall.
        let scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0]
        let labels = [true, false, true, false, false, false, true, false, false, false]
        let top = TopShare.of(scores: scores, labels: labels)
        #expect(top.flagged == 2)
        #expect(top.precision == 0.5)
        #expect(top.recall == 1.0 / 3.0)
        // A tie with the last one in takes both tied learners in.
        let tied = TopShare.of(scores: [0.9, 0.5, 0.5, 0.1, 0.0], labels: [true, false, true, false, false], share: 0.4)
        #expect(tied.flagged == 3 && tied.recall == 1)
    }

    @Test func groupsAreMeasuredOnTheirOwnLearners() {
        // The overall top 20 % of four learners is the one at 0.9, who is in group F.
        let q = ModelQuality.measure(scores: [0.9, 0.8, 0.2, 0.1], labels: [true, false, true, false], groups: ["gender": ["F", "F", "M", "M"]])
        let f = q.groups["gender"]?["F"], m = q.groups["gender"]?["M"]
        #expect(f?.learners == 2 && f?.auc == 1 && f?.recallTop20 == 1 && f?.precisionTop20 == 1)
        #expect(m?.auc == 1 && m?.recallTop20 == 0 && m?.precisionTop20 == nil)
        #expect(q.overall.recallTop20 == 0.5)
        // A group with one class only has no AUC.
        let single = ModelQuality.measure(scores: [0.9, 0.2], labels: [true, true], groups: ["gender": ["F", "F"]])
        #expect(single.groups["gender"]?["F"]?.auc == nil)
    }
}
