/// Recall and precision of the top share of learners by risk (前 20% 查全率与查准率): the ones a
/// school with time for a fifth of its learners would contact. The top share is ⌈share × n⌉
/// learners; learners tied with the last one in are all counted in, so a tie never depends on order.
public struct TopShare: Sendable, Equatable {
    public var recall: Double?
    public var precision: Double?
    public var flagged: Int

    public static func of(scores: [Double], labels: [Bool], share: Double = 0.2) -> TopShare {
        guard !scores.isEmpty else { return TopShare(recall: nil, precision: nil, flagged: 0) }
        let k = max(1, Int((share * Double(scores.count)).rounded(.up)))
        let sorted = scores.sorted(by: >)
        let cut = sorted[k - 1]
        var flagged = 0, hits = 0
        for (s, y) in zip(scores, labels) where s >= cut {
            flagged += 1
            if y { hits += 1 }
        }
        let positives = labels.filter { $0 }.count
        return TopShare(recall: positives > 0 ? Double(hits) / Double(positives) : nil,
                        precision: Double(hits) / Double(flagged), flagged: flagged)
    }
}
