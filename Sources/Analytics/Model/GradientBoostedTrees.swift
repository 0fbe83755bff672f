import Foundation

/// Gradient-boosted decision trees with logistic loss (梯度提升决策树): histogram-based, grown
/// leaf by leaf up to a number of leaves and a depth, each leaf holding at least a minimum number
/// of learners, outputs shrunk by the learning rate. Fully deterministic: no sampling, and ties
/// between splits go to the lower feature and bin.
public struct GradientBoostedTrees: RiskModel, Equatable {
    public var baseLogOdds: Double
    public var trees: [RegressionTree]
    public var featureCount: Int

    public func logOdds(_ x: [Double]) -> Double {
        var f = baseLogOdds
        for tree in trees { f += tree.predict(x) }
        return f
    }

    public func contributions(_ x: [Double]) -> [Double] {
        var c = [Double](repeating: 0, count: featureCount)
        for tree in trees { tree.addContributions(x, to: &c) }
        return c
    }

    /// Trains on `rows` (learners × features) and their labels (true = at risk).
    public static func train(rows: [[Double]], labels: [Bool], parameters p: BoostingParameters = BoostingParameters()) -> GradientBoostedTrees {
        let n = rows.count, m = rows.first?.count ?? 0
        let positives = Double(labels.filter { $0 }.count)
        let prior = min(max(positives / Double(max(n, 1)), 1e-6), 1 - 1e-6)
        let base = log(prior / (1 - prior))
        guard n > 0, m > 0 else { return GradientBoostedTrees(baseLogOdds: base, trees: [], featureCount: m) }
        let bins = FeatureBins(rows: rows, featureCount: m, maxBins: p.maxBins)
        // Column-major bin codes, and each feature's offset into the flat histograms.
        var binned = [Int32](repeating: 0, count: n * m)
        var offsets = [Int](repeating: 0, count: m + 1)
        for j in 0..<m {
            offsets[j + 1] = offsets[j] + bins.binCount(feature: j)
            for i in 0..<n { binned[j * n + i] = Int32(bins.bin(rows[i][j], feature: j)) }
        }
        let y = labels.map { $0 ? 1.0 : 0.0 }
        var score = [Double](repeating: base, count: n)
        var g = [Double](repeating: 0, count: n), h = [Double](repeating: 0, count: n)
        var trees: [RegressionTree] = []
        let grower = TreeGrower(n: n, m: m, binned: binned, offsets: offsets, thresholds: bins.thresholds, parameters: p)
        for _ in 0..<p.trees {
            for i in 0..<n {
                let prob = 1 / (1 + exp(-score[i]))
                g[i] = prob - y[i]
                h[i] = max(prob * (1 - prob), 1e-12)
            }
            let (tree, leafOf) = grower.grow(g: g, h: h)
            for i in 0..<n { score[i] += tree.nodes[leafOf[i]].value }
            trees.append(tree)
        }
        return GradientBoostedTrees(baseLogOdds: base, trees: trees, featureCount: m)
    }
}

/// Grows one tree on gradients and hessians from the binned data.
struct TreeGrower {
    var n: Int
    var m: Int
    var binned: [Int32]
    var offsets: [Int]
    var thresholds: [[Double]]
    var parameters: BoostingParameters

    struct Histogram {
        var g: [Double]
        var h: [Double]
        var c: [Int]
    }

    struct Split {
        var gain: Double
        var feature: Int
        var bin: Int
    }

    struct Leaf {
        var node: Int
        var rows: [Int]
        var depth: Int
        var histogram: Histogram
        var split: Split?
        var sumG: Double
        var sumH: Double
    }

    func histogram(_ rows: [Int], g: [Double], h: [Double]) -> Histogram {
        let size = offsets[m]
        var hg = [Double](repeating: 0, count: size), hh = [Double](repeating: 0, count: size), hc = [Int](repeating: 0, count: size)
        binned.withUnsafeBufferPointer { b in
            hg.withUnsafeMutableBufferPointer { hg in
                hh.withUnsafeMutableBufferPointer { hh in
                    hc.withUnsafeMutableBufferPointer { hc in
                        for j in 0..<m {
                            let base = j * n, off = offsets[j]
                            for i in rows {
                                let k = off + Int(b[base + i])
                                hg[k] += g[i]
                                hh[k] += h[i]
                                hc[k] += 1
                            }
                        }
                    }
                }
            }
        }
        return Histogram(g: hg, h: hh, c: hc)
    }

    func bestSplit(_ hist: Histogram, sumG: Double, sumH: Double, count: Int) -> Split? {
        let p = parameters, l2 = p.l2
        let parentScore = sumG * sumG / (sumH + l2)
        var best: Split?
        for j in 0..<m {
            var gl = 0.0, hl = 0.0, cl = 0
            for b in 0..<(offsets[j + 1] - offsets[j] - 1) {
                let k = offsets[j] + b
                gl += hist.g[k]; hl += hist.h[k]; cl += hist.c[k]
                let cr = count - cl, hr = sumH - hl, gr = sumG - gl
                if cl < p.minDataInLeaf || hl < p.minHessianInLeaf { continue }
                if cr < p.minDataInLeaf || hr < p.minHessianInLeaf { break }
                let gain = gl * gl / (hl + l2) + gr * gr / (hr + l2) - parentScore
                if gain > 1e-12, gain > (best?.gain ?? 0) { best = Split(gain: gain, feature: j, bin: b) }
            }
        }
        return best
    }

    func grow(g: [Double], h: [Double]) -> (RegressionTree, [Int]) {
        let p = parameters
        var nodes: [RegressionTree.Node] = []
        func output(_ sg: Double, _ sh: Double) -> Double { -sg / (sh + p.l2) * p.learningRate }
        let all = Array(0..<n)
        let sg = g.reduce(0, +), sh = h.reduce(0, +)
        nodes.append(.init(feature: -1, threshold: 0, left: -1, right: -1, value: output(sg, sh)))
        let rootHist = histogram(all, g: g, h: h)
        var leaves = [Leaf(node: 0, rows: all, depth: 0, histogram: rootHist, split: bestSplit(rootHist, sumG: sg, sumH: sh, count: n), sumG: sg, sumH: sh)]
        while leaves.count < p.maxLeaves {
            // The leaf whose split gains most (the first on a tie).
            var chosen: Int?
            for (i, leaf) in leaves.enumerated() where leaf.depth < p.maxDepth {
                if let s = leaf.split, s.gain > (chosen.flatMap { leaves[$0].split?.gain } ?? 0) { chosen = i }
            }
            guard let li = chosen, let split = leaves[li].split else { break }
            let leaf = leaves[li]
            let j = split.feature, base = j * n
            var left: [Int] = [], right: [Int] = []
            for i in leaf.rows { if Int(binned[base + i]) <= split.bin { left.append(i) } else { right.append(i) } }
            var lg = 0.0, lh = 0.0
            for i in left { lg += g[i]; lh += h[i] }
            let rg = leaf.sumG - lg, rh = leaf.sumH - lh
            // The smaller child's histogram is built; the larger one's is the parent's less it.
            let smallIsLeft = left.count <= right.count
            let small = histogram(smallIsLeft ? left : right, g: g, h: h)
            var large = leaf.histogram
            for k in 0..<large.g.count { large.g[k] -= small.g[k]; large.h[k] -= small.h[k]; large.c[k] -= small.c[k] }
            let lHist = smallIsLeft ? small : large, rHist = smallIsLeft ? large : small
            let li2 = nodes.count, ri2 = nodes.count + 1
            nodes.append(.init(feature: -1, threshold: 0, left: -1, right: -1, value: output(lg, lh)))
            nodes.append(.init(feature: -1, threshold: 0, left: -1, right: -1, value: output(rg, rh)))
            nodes[leaf.node].feature = j
            nodes[leaf.node].threshold = thresholds[j][split.bin]
            nodes[leaf.node].left = li2
            nodes[leaf.node].right = ri2
            let d = leaf.depth + 1
            leaves[li] = Leaf(node: li2, rows: left, depth: d, histogram: lHist, split: bestSplit(lHist, sumG: lg, sumH: lh, count: left.count), sumG: lg, sumH: lh)
            leaves.insert(Leaf(node: ri2, rows: right, depth: d, histogram: rHist, split: bestSplit(rHist, sumG: rg, sumH: rh, count: right.count), sumG: rg, sumH: rh), at: li + 1)
        }
        var leafOf = [Int](repeating: 0, count: n)
        for leaf in leaves { for i in leaf.rows { leafOf[i] = leaf.node } }
        return (RegressionTree(nodes: nodes), leafOf)
    }
}
