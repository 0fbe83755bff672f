import Testing
@testable import Analytics

@Suite struct BoostedTreesTests {
    /// 200 points on a grid; at risk exactly when x0 + x1 > 1 (x2 is noise-free filler).
    static let toy: (rows: [[Double]], labels: [Bool]) = {
        var rows: [[Double]] = [], labels: [Bool] = []
        for i in 0..<20 {
            for j in 0..<10 {
                let a = Double(i) / 19, b = Double(j) / 9
                rows.append([a, b, Double((i * 7 + j * 3) % 5)])
                labels.append(a + b > 1)
            }
        }
        return (rows, labels)
    }()

    @Test func learnsASeparableSet() throws {
        let model = GradientBoostedTrees.train(rows: Self.toy.rows, labels: Self.toy.labels)
        let auc = try #require(AreaUnderCurve.of(scores: model.risks(Self.toy.rows), labels: Self.toy.labels))
        #expect(auc > 0.99)
        #expect(model.risk([0.95, 0.95, 0]) > 0.8)
        #expect(model.risk([0.05, 0.05, 0]) < 0.2)
    }

    @Test func isDeterministic() {
        let a = GradientBoostedTrees.train(rows: Self.toy.rows, labels: Self.toy.labels)
        let b = GradientBoostedTrees.train(rows: Self.toy.rows, labels: Self.toy.labels)
        #expect(a == b)
    }

    @Test func contributionsAddUpToTheScore() {
        let model = GradientBoostedTrees.train(rows: Self.toy.rows, labels: Self.toy.labels)
        let x = [0.9, 0.7, 2.0]
        let root = model.baseLogOdds + model.trees.map { $0.nodes[0].value }.reduce(0, +)
        #expect(abs(root + model.contributions(x).reduce(0, +) - model.logOdds(x)) < 1e-9)
    }

    @Test func explanationNamesTheTopFactor() {
        // At risk exactly when assessments were missed; the explanation must say so.
        let schema = FeatureSchema(features: [.missed, .studiedCredits])
        var rows: [[Double]] = [], labels: [Bool] = []
        for i in 0..<300 {
            let missed = Double(i % 4), credits = Double(30 + (i * 13) % 90)
            rows.append([missed, credits])
            labels.append(missed >= 2)
        }
        let model = GradientBoostedTrees.train(rows: rows, labels: labels)
        let factors = RiskExplanation.factors(of: [2, 60], model: model, schema: schema)
        #expect(factors.first?.feature == .missed)
        #expect(factors.first?.zh == "2 次作业未交")
        #expect(factors.first?.en == "2 assessments missed")
        // Someone who missed nothing is not told that missing raised their risk.
        #expect(!RiskExplanation.factors(of: [0, 60], model: model, schema: schema).contains { $0.feature == .missed })
    }

    @Test func logisticBaselineLearnsToo() throws {
        let model = LogisticRegression.train(rows: Self.toy.rows, labels: Self.toy.labels)
        #expect(try #require(AreaUnderCurve.of(scores: model.risks(Self.toy.rows), labels: Self.toy.labels)) > 0.95)
    }
}
