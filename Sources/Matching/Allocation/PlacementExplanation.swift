/// Why a student did not get each post they ranked above the one they got (or all of them,
/// when unplaced). In a stable matching there are only two reasons.
public struct PlacementExplanation: Sendable, Equatable {
    public enum Reason: String, Sendable, Equatable {
        /// The enterprise does not accept this student (did not rank them, or its rules exclude them).
        case notAcceptable = "not_acceptable"
        /// Every place went to students the enterprise ranks higher.
        case fullWithBetterRanked = "full_with_better_ranked"
    }

    public let student: Int
    /// The post the student got, or nil.
    public let placedAt: Int?
    /// Each post ranked higher than `placedAt`, best first, with the reason.
    public let higherChoices: [(post: Int, reason: Reason)]

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.student == rhs.student && lhs.placedAt == rhs.placedAt
            && lhs.higherChoices.map(\.post) == rhs.higherChoices.map(\.post)
            && lhs.higherChoices.map(\.reason) == rhs.higherChoices.map(\.reason)
    }

    /// Explains every student's placement in a stable matching.
    public static func explain(_ matching: Matching, in instance: MatchingInstance) -> [PlacementExplanation] {
        let ranks = MutualRanks(instance)
        return (0..<instance.studentCount).map { s in
            let assigned = Int(matching.postOfStudent[s])
            var higher: [(post: Int, reason: Reason)] = []
            for k in instance.studentOffsets[s]..<instance.studentOffsets[s + 1] {
                let p = Int(instance.studentChoices[k])
                if p == assigned { break }
                higher.append((p, ranks.postRankOfChoice[k] < 0 ? .notAcceptable : .fullWithBetterRanked))
            }
            return PlacementExplanation(student: s, placedAt: assigned >= 0 ? assigned : nil, higherChoices: higher)
        }
    }
}
