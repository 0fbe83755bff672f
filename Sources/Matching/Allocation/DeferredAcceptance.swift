/// Gale–Shapley deferred acceptance with capacities (the hospital–residents problem).
///
/// Student-proposing gives the student-optimal stable matching; post-proposing gives the
/// enterprise-optimal one. Unacceptable pairs (a student listing a post that does not rank
/// them, or the reverse) are never matched. Lists are strict, so the result is unique for a
/// given instance and side: no randomness enters here.
public enum DeferredAcceptance {
    public static func solve(_ instance: MatchingInstance, optimal: OptimalSide = .student) -> Matching {
        let ranks = MutualRanks(instance)
        switch optimal {
        case .student: return studentProposing(instance, ranks)
        case .enterprise: return postProposing(instance, ranks)
        }
    }

    /// Each post keeps its accepted students in a max-heap on the post's rank of them, so the
    /// worst held student is at the top and is the one displaced by a better proposal.
    static func studentProposing(_ instance: MatchingInstance, _ ranks: MutualRanks) -> Matching {
        let posts = instance.postCount
        var heapStart = [Int](repeating: 0, count: posts + 1)
        for p in 0..<posts { heapStart[p + 1] = heapStart[p] + Int(instance.capacities[p]) }
        var heapRank = [Int32](repeating: 0, count: heapStart[posts])
        var heapStudent = [Int32](repeating: 0, count: heapStart[posts])
        var heapCount = [Int32](repeating: 0, count: posts)
        var nextChoice = [Int32](repeating: 0, count: instance.studentCount)
        var postOfStudent = [Int32](repeating: -1, count: instance.studentCount)
        var free = Array((0..<Int32(instance.studentCount)).reversed())

        instance.studentChoices.withUnsafeBufferPointer { choices in
            ranks.postRankOfChoice.withUnsafeBufferPointer { rankOf in
                while let student = free.popLast() {
                    let s = Int(student)
                    let start = instance.studentOffsets[s], end = instance.studentOffsets[s + 1]
                    var k = start + Int(nextChoice[s])
                    var proposer = student
                    proposing: while k < end {
                        let p = Int(choices[k]), rank = rankOf[k]
                        k += 1
                        guard rank >= 0 else { continue }
                        let base = heapStart[p], capacity = heapStart[p + 1] - base, held = Int(heapCount[p])
                        if held < capacity {
                            // Sift up the new entry.
                            var i = held
                            while i > 0 {
                                let parent = (i - 1) / 2
                                guard heapRank[base + parent] < rank else { break }
                                heapRank[base + i] = heapRank[base + parent]
                                heapStudent[base + i] = heapStudent[base + parent]
                                i = parent
                            }
                            heapRank[base + i] = rank
                            heapStudent[base + i] = proposer
                            heapCount[p] += 1
                            postOfStudent[Int(proposer)] = Int32(p)
                            proposer = -1
                            break proposing
                        }
                        guard capacity > 0, rank < heapRank[base] else { continue }
                        // Displace the worst held student: replace the root and sift down.
                        let displaced = heapStudent[base]
                        var i = 0
                        while true {
                            let left = 2 * i + 1
                            guard left < capacity else { break }
                            var child = left
                            if left + 1 < capacity && heapRank[base + left + 1] > heapRank[base + left] { child = left + 1 }
                            guard heapRank[base + child] > rank else { break }
                            heapRank[base + i] = heapRank[base + child]
                            heapStudent[base + i] = heapStudent[base + child]
                            i = child
                        }
                        heapRank[base + i] = rank
                        heapStudent[base + i] = proposer
                        postOfStudent[Int(proposer)] = Int32(p)
                        postOfStudent[Int(displaced)] = -1
                        proposer = displaced
                        break proposing
                    }
                    nextChoice[s] = Int32(k - start)
                    if proposer >= 0 && proposer != student { free.append(proposer) }
                }
            }
        }
        return Matching(postOfStudent: postOfStudent, studentsOfPost: studentsByPostRank(instance, postOfStudent, ranks))
    }

    /// Posts propose down their rankings; each student holds the best offer so far by their own list.
    static func postProposing(_ instance: MatchingInstance, _ ranks: MutualRanks) -> Matching {
        var postOfStudent = [Int32](repeating: -1, count: instance.studentCount)
        var studentRankOfHeld = [Int32](repeating: Int32.max, count: instance.studentCount)
        var held = [Int32](repeating: 0, count: instance.postCount)
        var next = [Int](repeating: 0, count: instance.postCount)
        var queue = Array((0..<instance.postCount).reversed())
        while let p = queue.popLast() {
            let start = instance.postOffsets[p], end = instance.postOffsets[p + 1]
            while held[p] < instance.capacities[p] && start + next[p] < end {
                let j = start + next[p]
                next[p] += 1
                let studentRank = ranks.studentRankOfEntry[j]
                guard studentRank >= 0 else { continue }
                let s = Int(instance.postRanking[j])
                guard studentRank < studentRankOfHeld[s] else { continue }
                let previous = postOfStudent[s]
                postOfStudent[s] = Int32(p)
                studentRankOfHeld[s] = studentRank
                held[p] += 1
                if previous >= 0 {
                    held[Int(previous)] -= 1
                    queue.append(Int(previous))
                }
            }
        }
        return Matching(postOfStudent: postOfStudent, studentsOfPost: studentsByPostRank(instance, postOfStudent, ranks))
    }

    /// Each post's students in the post's own order, read off its ranking list.
    static func studentsByPostRank(_ instance: MatchingInstance, _ postOfStudent: [Int32], _ ranks: MutualRanks) -> [[Int32]] {
        (0..<instance.postCount).map { p in
            instance.ranking(of: p).filter { postOfStudent[Int($0)] == Int32(p) }
        }
    }
}
