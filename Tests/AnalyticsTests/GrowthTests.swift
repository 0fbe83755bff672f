import Testing
@testable import Analytics

@Suite struct GrowthTests {
    @Test func medianOfAConstantIsTheMiddleValue() throws {
        let fit = try QuantileRegression.fit(x: [[1], [1], [1], [1], [1]], y: [5, 1, 4, 2, 3], tau: 0.5)
        #expect(abs(fit.coefficients[0] - 3) < 1e-9)
        // The 0.2 quantile of five values: any value in [1, 2] is optimal; the vertex is an observation.
        let low = try QuantileRegression.fit(x: [[1], [1], [1], [1], [1]], y: [5, 1, 4, 2, 3], tau: 0.2)
        #expect([1.0, 2.0].contains(low.coefficients[0]))
    }

    @Test func medianLineIgnoresAnOutlier() throws {
        // Three points on y = x and one far above: the least-absolute-deviation line is y = x.
        let x: [[Double]] = [[1, 0], [1, 1], [1, 2], [1, 3]]
        let fit = try QuantileRegression.fit(x: x, y: [0, 1, 2, 10], tau: 0.5)
        #expect(abs(fit.coefficients[0]) < 1e-9 && abs(fit.coefficients[1] - 1) < 1e-9)
    }

    @Test func matchesTheBestLineThroughAnyTwoPoints() throws {
        // Brute force: the optimum passes through two observations, so try every pair.
        var seed: UInt64 = 42
        func next() -> Double { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Double(seed >> 11) / Double(1 << 53) }
        let prior = (0..<40).map { _ in next() * 100 }
        let y = prior.map { 10 + 0.8 * $0 + (next() - 0.5) * 30 }
        let x = prior.map { [1.0, $0] }
        for tau in [0.1, 0.5, 0.9] {
            let fit = try QuantileRegression.fit(x: x, y: y, tau: tau)
            var best = Double.infinity
            for i in 0..<40 {
                for k in (i + 1)..<40 {
                    let slope = (y[k] - y[i]) / (x[k][1] - x[i][1])
                    best = min(best, QuantileRegression.loss(x: x, y: y, tau: tau, coefficients: [y[i] - slope * x[i][1], slope]))
                }
            }
            #expect(abs(QuantileRegression.loss(x: x, y: y, tau: tau, coefficients: fit.coefficients) - best) < 1e-7)
        }
    }

    @Test func percentilesRankGrowthAmongPeers() throws {
        // No prior (intercept only): the percentile is the rank of the current score among all.
        let current = (1...100).map(Double.init)
        let percentiles = try GrowthPercentiles.compute(priors: current.map { _ in [] }, current: current)
        #expect(percentiles.first == 1 && percentiles.last == 99)
        #expect(abs(percentiles[49] - 50) <= 1)
        #expect(zip(percentiles, percentiles.dropFirst()).allSatisfy { $0 <= $1 })
        // With a prior: of two learners who started equal, the one who scores higher now grew more.
        let priors = (0..<200).map { [Double($0 % 50)] }
        let now = (0..<200).map { Double($0 % 50) + Double($0 / 50) * 5 }
        let p = try GrowthPercentiles.compute(priors: priors, current: now)
        #expect(p[10] < p[60] && p[60] < p[110] && p[110] < p[160])
    }

    @Test func constantPriorIsRefusedAsCollinear() {
        #expect(throws: QuantileRegression.Failure.collinear) {
            try GrowthPercentiles.compute(priors: [[50], [50], [50]], current: [1, 2, 3])
        }
    }

    @Test func fewerThanTwentyLearnersShowNoFigure() {
        let small = GroupGrowth.of(group: "class A", percentiles: Array(repeating: 50, count: 19))
        #expect(small.isSuppressed && small.learners == 19 && small.lower == nil)
        let enough = GroupGrowth.of(group: "class B", percentiles: Array(1...20))
        #expect(enough.median == 10.5)
        #expect((enough.lower ?? 99) < 10.5 && (enough.upper ?? 0) > 10.5)
        let groups = GroupGrowth.byGroup(groups: Array(repeating: "x", count: 25) + ["y"], percentiles: Array(1...26))
        #expect(groups.map(\.group) == ["x", "y"] && groups[1].isSuppressed && !groups[0].isSuppressed)
    }
}
