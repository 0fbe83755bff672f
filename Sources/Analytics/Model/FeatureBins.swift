/// Each feature's bin thresholds (特征分箱), from the training values: a value goes to the first
/// bin whose threshold it does not exceed, so a split "bin ≤ b" is "value ≤ threshold[b]".
/// With few distinct values the thresholds are the midpoints between them; with many, quantiles.
public struct FeatureBins: Sendable, Equatable {
    public var thresholds: [[Double]]

    public init(rows: [[Double]], featureCount: Int, maxBins: Int) {
        thresholds = (0..<featureCount).map { j in
            let distinct = Array(Set(rows.map { $0[j] })).sorted()
            guard distinct.count > 1 else { return [] }
            if distinct.count <= maxBins {
                return (0..<(distinct.count - 1)).map { (distinct[$0] + distinct[$0 + 1]) / 2 }
            }
            // Quantile cuts over all values, so bins hold about equal numbers of rows.
            let values = rows.map { $0[j] }.sorted()
            var cuts: [Double] = []
            for b in 1..<maxBins {
                let v = values[b * values.count / maxBins]
                if let i = distinct.firstIndex(where: { $0 >= v }), i > 0 {
                    let cut = (distinct[i - 1] + distinct[i]) / 2
                    if cuts.last.map({ $0 < cut }) ?? true { cuts.append(cut) }
                }
            }
            return cuts
        }
    }

    /// The bin of `value` for feature `feature`.
    public func bin(_ value: Double, feature: Int) -> Int {
        let t = thresholds[feature]
        var lo = 0, hi = t.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if value <= t[mid] { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// The number of bins of a feature.
    public func binCount(feature: Int) -> Int { thresholds[feature].count + 1 }
}
