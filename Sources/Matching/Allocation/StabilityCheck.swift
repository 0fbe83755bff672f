/// Proves a matching stable, or names the pairs that block it: a student and a post who both
/// prefer each other to what they have (the post because it has a free place or holds a
/// student it ranks lower). Also checks capacities and that every pair is mutually acceptable.
public enum StabilityCheck {
    public struct BlockingPair: Sendable, Equatable, Hashable {
        public let student: Int
        public let post: Int
    }

    public enum Violation: Sendable, Equatable {
        case overCapacity(post: Int)
        case unacceptablePair(student: Int, post: Int)
        case inconsistent(student: Int)
        case blocking(BlockingPair)
    }

    public static func violations(_ matching: Matching, in instance: MatchingInstance) -> [Violation] {
        let ranks = MutualRanks(instance)
        var result: [Violation] = []
        // The worst rank each post holds, and whether the sides of the matching agree.
        var worstHeld = [Int32](repeating: -1, count: instance.postCount)
        var count = [Int](repeating: 0, count: instance.postCount)
        for p in 0..<instance.postCount {
            for s in matching.studentsOfPost[p] where matching.postOfStudent[Int(s)] != Int32(p) {
                result.append(.inconsistent(student: Int(s)))
            }
        }
        for s in 0..<instance.studentCount {
            let p = Int(matching.postOfStudent[s])
            guard p >= 0 else { continue }
            count[p] += 1
            guard let k = instance.choices(of: s).firstIndex(of: Int32(p)), ranks.postRankOfChoice[k] >= 0 else {
                result.append(.unacceptablePair(student: s, post: p))
                continue
            }
            worstHeld[p] = max(worstHeld[p], ranks.postRankOfChoice[k])
        }
        for p in 0..<instance.postCount where count[p] > Int(instance.capacities[p]) { result.append(.overCapacity(post: p)) }
        for s in 0..<instance.studentCount {
            let assigned = Int(matching.postOfStudent[s])
            for k in instance.studentOffsets[s]..<instance.studentOffsets[s + 1] {
                let p = Int(instance.studentChoices[k])
                if p == assigned { break }
                let rank = ranks.postRankOfChoice[k]
                guard rank >= 0 else { continue }
                if count[p] < Int(instance.capacities[p]) || rank < worstHeld[p] {
                    result.append(.blocking(BlockingPair(student: s, post: p)))
                }
            }
        }
        return result
    }

    public static func isStable(_ matching: Matching, in instance: MatchingInstance) -> Bool {
        violations(matching, in: instance).isEmpty
    }
}
