/// Linear quantile regression (分位数回归) solved exactly: the τ-th conditional quantile's
/// coefficients minimise Σ ρτ(yᵢ − xᵢ·b), a linear programme whose optimum lies at a vertex
/// where the line passes through p observations (p = number of coefficients). The solver walks
/// from vertex to vertex along the edge of steepest descent, with an exact line search along
/// each edge (a weighted median of the breakpoints), until no edge descends — the simplex
/// method on the primal (as Barrodale and Roberts do, simply stated).
public struct QuantileRegression: Sendable, Equatable {
    public var coefficients: [Double]
    /// The observations the fitted line passes through (the vertex), for a warm start.
    public var basis: [Int]

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case tooFewObservations(needed: Int, got: Int)
        case collinear
        case badQuantile(Double)

        public var description: String {
            switch self {
            case .tooFewObservations(let needed, let got): "分位数回归至少需要 \(needed) 个观测，只有 \(got) 个 / quantile regression needs at least \(needed) observations, got \(got)"
            case .collinear: "自变量共线，无法拟合 / the predictors are collinear; no fit"
            case .badQuantile(let tau): "分位点须在 0 与 1 之间，而不是 \(tau) / the quantile must lie strictly between 0 and 1, not \(tau)"
            }
        }
    }

    /// The objective Σ ρτ(yᵢ − xᵢ·b).
    public static func loss(x: [[Double]], y: [Double], tau: Double, coefficients b: [Double]) -> Double {
        var total = 0.0
        for i in y.indices {
            var f = 0.0
            for k in b.indices { f += x[i][k] * b[k] }
            let r = y[i] - f
            total += r >= 0 ? tau * r : (tau - 1) * r
        }
        return total
    }

    /// Fits quantile `tau` of `y` on the rows of `x` (include a column of ones for an intercept).
    public static func fit(x: [[Double]], y: [Double], tau: Double, start: [Int]? = nil) throws(Failure) -> QuantileRegression {
        guard tau > 0, tau < 1 else { throw .badQuantile(tau) }
        let n = y.count, p = x.first?.count ?? 0
        guard n >= p, p > 0 else { throw .tooFewObservations(needed: max(p, 1), got: n) }
        var basis: [Int]
        if let start, start.count == p, vertex(x, y, start) != nil { basis = start } else { basis = try initialBasis(x, y) }
        let scale = max(y.map(abs).max() ?? 1, 1)
        let eps = 1e-10 * scale
        var inBasis = [Bool](repeating: false, count: n)
        for i in basis { inBasis[i] = true }
        // Each pivot lowers the objective or (degenerate) keeps it; the cap stops a cycle.
        for _ in 0..<(50 * n + 100) {
            guard let (b, inverse) = vertex(x, y, basis) else { throw .collinear }
            var r = [Double](repeating: 0, count: n)
            for i in 0..<n {
                var f = 0.0
                for k in 0..<p { f += x[i][k] * b[k] }
                r[i] = inBasis[i] ? 0 : y[i] - f
            }
            // The steepest descending edge: free one basis observation's residual upward or downward.
            var best: (slope: Double, j: Int, a: [Double])?
            for j in 0..<p {
                let direction = (0..<p).map { inverse[$0][j] }
                var a = [Double](repeating: 0, count: n)
                // The slope at t = 0⁺ of each observation's loss along +direction and −direction.
                var plus = 0.0, minus = 0.0
                for i in 0..<n where !inBasis[i] {
                    var v = 0.0
                    for k in 0..<p { v += x[i][k] * direction[k] }
                    a[i] = v
                    plus += onesidedSlope(r[i], v, tau, eps)
                    minus += onesidedSlope(r[i], -v, tau, eps)
                }
                // Moving by +direction makes observation j's residual negative; by −direction, positive.
                for (s, slope) in [(1.0, (1 - tau) + plus), (-1.0, tau + minus)] where slope < -1e-12 && slope < (best?.slope ?? 0) {
                    best = (slope, j, a.map { $0 * s })
                }
            }
            guard let edge = best else { return QuantileRegression(coefficients: b, basis: basis) }
            // Exact line search: the objective along the edge is convex and piecewise linear, with
            // a kink where an observation's residual crosses zero; stop where the slope turns ≥ 0.
            var kinks: [(t: Double, i: Int, w: Double)] = []
            for i in 0..<n where !inBasis[i] && abs(edge.a[i]) > 1e-14 && abs(r[i]) > eps {
                let t = r[i] / edge.a[i]
                if t > 0 { kinks.append((t, i, abs(edge.a[i]))) }
            }
            kinks.sort { ($0.t, $0.i) < ($1.t, $1.i) }
            var slope = edge.slope
            var entering: Int?
            for k in kinks {
                slope += k.w
                if slope >= -1e-12 { entering = k.i; break }
            }
            guard let entering else { return QuantileRegression(coefficients: b, basis: basis) }
            inBasis[basis[edge.j]] = false
            basis[edge.j] = entering
            inBasis[entering] = true
        }
        guard let (b, _) = vertex(x, y, basis) else { throw .collinear }
        return QuantileRegression(coefficients: b, basis: basis)
    }

    /// The slope at t = 0⁺ of ρτ(r − t·a): a residual on the line takes the side it moves to.
    static func onesidedSlope(_ r: Double, _ a: Double, _ tau: Double, _ eps: Double) -> Double {
        if r > eps { return -a * tau }
        if r < -eps { return a * (1 - tau) }
        return max(a * (1 - tau), -a * tau)
    }

    /// The coefficients through the basis observations and the inverse of their rows.
    static func vertex(_ x: [[Double]], _ y: [Double], _ basis: [Int]) -> ([Double], [[Double]])? {
        let p = basis.count
        let rows = basis.map { x[$0] }
        guard let b = LinearSystem.solve(rows, basis.map { y[$0] }) else { return nil }
        var inverse = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for j in 0..<p {
            var e = [Double](repeating: 0, count: p)
            e[j] = 1
            guard let column = LinearSystem.solve(rows, e) else { return nil }
            for k in 0..<p { inverse[k][j] = column[k] }
        }
        return (b, inverse)
    }

    /// A first vertex: the observations nearest the least-squares line that are linearly independent.
    static func initialBasis(_ x: [[Double]], _ y: [Double]) throws(Failure) -> [Int] {
        let n = y.count, p = x[0].count
        var xtx = [[Double]](repeating: [Double](repeating: 0, count: p), count: p), xty = [Double](repeating: 0, count: p)
        for i in 0..<n {
            for k in 0..<p {
                xty[k] += x[i][k] * y[i]
                for l in 0..<p { xtx[k][l] += x[i][k] * x[i][l] }
            }
        }
        guard let ols = LinearSystem.solve(xtx, xty) else { throw .collinear }
        let order = (0..<n).sorted { i, k in
            let ri = abs(y[i] - zip(x[i], ols).map(*).reduce(0, +)), rk = abs(y[k] - zip(x[k], ols).map(*).reduce(0, +))
            return (ri, i) < (rk, k)
        }
        var chosen: [Int] = []
        for i in order where chosen.count < p {
            let trial = chosen + [i]
            if rank(trial.map { x[$0] }) == trial.count { chosen = trial }
        }
        guard chosen.count == p else { throw .collinear }
        return chosen
    }

    /// The rank of a few rows (Gaussian elimination with a tolerance).
    static func rank(_ rows: [[Double]]) -> Int {
        var a = rows
        var rank = 0
        let columns = a.first?.count ?? 0
        for c in 0..<columns where rank < a.count {
            guard let pivot = (rank..<a.count).max(by: { abs(a[$0][c]) < abs(a[$1][c]) }), abs(a[pivot][c]) > 1e-9 else { continue }
            a.swapAt(rank, pivot)
            for r in (rank + 1)..<max(a.count, rank + 1) {
                let f = a[r][c] / a[rank][c]
                for k in c..<columns { a[r][k] -= f * a[rank][k] }
            }
            rank += 1
        }
        return rank
    }
}
