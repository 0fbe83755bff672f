/// Student growth percentiles (学生成长百分位, 增值评价): the current score is regressed on the
/// prior score(s) at the quantiles 0.01, 0.02, …, 0.99; a learner's percentile is how many of
/// those 99 fitted quantiles lie below their actual score, kept within 1…99 as SGPs are reported.
/// A learner at 50 grew as much as the median learner who started where they did.
public enum GrowthPercentiles {
    /// The quantiles fitted.
    public static let quantiles: [Double] = (1...99).map { Double($0) / 100 }

    /// One percentile per learner; `priors[i]` are learner i's prior scores, `current[i]` the score now.
    public static func compute(priors: [[Double]], current: [Double]) throws(QuantileRegression.Failure) -> [Int] {
        let x = priors.map { [1.0] + $0 }
        var fitted: [[Double]] = []
        var start: [Int]?
        for tau in quantiles {
            // Neighbouring quantiles share most of their vertex, so each fit starts from the last.
            let fit = try QuantileRegression.fit(x: x, y: current, tau: tau, start: start)
            start = fit.basis
            fitted.append(fit.coefficients)
        }
        return x.indices.map { i in
            var below = 0
            for b in fitted {
                var q = 0.0
                for k in b.indices { q += b[k] * x[i][k] }
                if q < current[i] { below += 1 }
            }
            return min(max(below, 1), 99)
        }
    }
}
