/// A model's measured quality on one test matrix (模型质量): AUC and top-20 % recall and precision,
/// overall and for each group of each kind (gender, disability, IMD band).
public struct ModelQuality: Sendable, Equatable {
    public struct Figures: Sendable, Equatable {
        public var learners: Int
        public var atRisk: Int
        public var auc: Double?
        public var recallTop20: Double?
        public var precisionTop20: Double?
    }

    public var overall: Figures
    /// Group kind → group value → figures. A group's top 20 % is the overall top 20 % (the same
    /// learners are contacted), so its recall and precision say whom the school's list reaches.
    public var groups: [String: [String: Figures]]

    public static func measure(scores: [Double], labels: [Bool], groups: [String: [String]], share: Double = 0.2) -> ModelQuality {
        let top = TopShare.of(scores: scores, labels: labels, share: share)
        let cut = top.flagged == 0 ? Double.infinity : scores.sorted(by: >)[top.flagged - 1]
        func figures(_ index: [Int]) -> Figures {
            let s = index.map { scores[$0] }, y = index.map { labels[$0] }
            let flagged = index.filter { scores[$0] >= cut }
            let hits = flagged.filter { labels[$0] }.count
            let positives = y.filter { $0 }.count
            return Figures(learners: index.count, atRisk: positives, auc: AreaUnderCurve.of(scores: s, labels: y),
                           recallTop20: positives > 0 ? Double(hits) / Double(positives) : nil,
                           precisionTop20: flagged.isEmpty ? nil : Double(hits) / Double(flagged.count))
        }
        var byKind: [String: [String: Figures]] = [:]
        for (kind, values) in groups {
            var byValue: [String: [Int]] = [:]
            for (i, v) in values.enumerated() { byValue[v, default: []].append(i) }
            byKind[kind] = byValue.mapValues(figures)
        }
        return ModelQuality(overall: figures(Array(scores.indices)), groups: byKind)
    }
}
