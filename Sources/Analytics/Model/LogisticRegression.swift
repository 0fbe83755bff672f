import Foundation

/// Logistic regression (逻辑回归), the baseline model: features standardised on the training
/// data, an L2 penalty, fitted by Newton's method (deterministic).
public struct LogisticRegression: RiskModel, Equatable {
    public var intercept: Double
    public var weights: [Double]
    public var means: [Double]
    public var scales: [Double]

    public func logOdds(_ x: [Double]) -> Double {
        var f = intercept
        for j in 0..<weights.count { f += weights[j] * (x[j] - means[j]) / scales[j] }
        return f
    }

    /// Each feature's weight times its distance from the training mean.
    public func contributions(_ x: [Double]) -> [Double] {
        (0..<weights.count).map { weights[$0] * (x[$0] - means[$0]) / scales[$0] }
    }

    public static func train(rows: [[Double]], labels: [Bool], l2: Double = 1.0, iterations: Int = 25) -> LogisticRegression {
        let n = rows.count, m = rows.first?.count ?? 0
        var means = [Double](repeating: 0, count: m), scales = [Double](repeating: 1, count: m)
        for j in 0..<m {
            let mean = rows.map { $0[j] }.reduce(0, +) / Double(max(n, 1))
            let variance = rows.map { ($0[j] - mean) * ($0[j] - mean) }.reduce(0, +) / Double(max(n, 1))
            means[j] = mean
            scales[j] = variance > 1e-12 ? variance.squareRoot() : 1
        }
        let z = rows.map { row in [1.0] + (0..<m).map { (row[$0] - means[$0]) / scales[$0] } }
        let y = labels.map { $0 ? 1.0 : 0.0 }
        var beta = [Double](repeating: 0, count: m + 1)
        for _ in 0..<iterations {
            var grad = [Double](repeating: 0, count: m + 1)
            var hess = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: m + 1)
            for i in 0..<n {
                var f = 0.0
                for k in 0...m { f += beta[k] * z[i][k] }
                let p = 1 / (1 + exp(-f)), w = max(p * (1 - p), 1e-9)
                for k in 0...m {
                    grad[k] += (p - y[i]) * z[i][k]
                    for l in k...m { hess[k][l] += w * z[i][k] * z[i][l] }
                }
            }
            for k in 0...m {
                for l in 0..<k { hess[k][l] = hess[l][k] }
                if k > 0 { grad[k] += l2 * beta[k]; hess[k][k] += l2 }
            }
            guard let step = LinearSystem.solve(hess, grad) else { break }
            var largest = 0.0
            for k in 0...m { beta[k] -= step[k]; largest = max(largest, abs(step[k])) }
            if largest < 1e-8 { break }
        }
        return LogisticRegression(intercept: beta[0], weights: Array(beta.dropFirst()), means: means, scales: scales)
    }
}
