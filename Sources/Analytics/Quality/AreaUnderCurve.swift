/// The area under the ROC curve (AUC, ROC 曲线下面积) by ranks (Mann–Whitney): the chance that an
/// at-risk learner scores above one who is not; tied scores share their mean rank, so a tie counts
/// one half. Nil when either class is absent.
public enum AreaUnderCurve {
    public static func of(scores: [Double], labels: [Bool]) -> Double? {
        let positives = labels.filter { $0 }.count, negatives = labels.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            let meanRank = Double(i + j) / 2 + 1
            for k in i...j where labels[order[k]] { rankSum += meanRank }
            i = j + 1
        }
        let p = Double(positives)
        return (rankSum - p * (p + 1) / 2) / (p * Double(negatives))
    }
}
