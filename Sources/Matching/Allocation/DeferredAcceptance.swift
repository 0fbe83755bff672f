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
    /// worst held student is at the top and is the one displaced by a better proposal. The loop
    /// works on raw buffers: it is the whole cost of a city-scale round.
    static func studentProposing(_ instance: MatchingInstance, _ ranks: MutualRanks) -> Matching {
        let posts = instance.postCount, students = instance.studentCount
        var heapStartArray = [Int](repeating: 0, count: posts + 1)
        for p in 0..<posts { heapStartArray[p + 1] = heapStartArray[p] + Int(instance.capacities[p]) }
        let places = heapStartArray[posts]
        let heapRank = UnsafeMutablePointer<Int32>.allocate(capacity: max(places, 1))
        let heapStudent = UnsafeMutablePointer<Int32>.allocate(capacity: max(places, 1))
        let heapCount = UnsafeMutablePointer<Int32>.allocate(capacity: max(posts, 1))
        heapCount.initialize(repeating: 0, count: max(posts, 1))
        let free = UnsafeMutablePointer<Int32>.allocate(capacity: max(students, 1))
        defer {
            heapRank.deallocate()
            heapStudent.deallocate()
            heapCount.deallocate()
            free.deallocate()
        }
        var postOfStudent = [Int32](repeating: -1, count: students)
        var freeCount = students
        for i in 0..<students { free[i] = Int32(students - 1 - i) }

        postOfStudent.withUnsafeMutableBufferPointer { assigned in
        heapStartArray.withUnsafeBufferPointer { heapStart in
        instance.studentOffsets.withUnsafeBufferPointer { offsets in
        instance.studentChoices.withUnsafeBufferPointer { choices in
        ranks.postRankOfChoice.withUnsafeBufferPointer { rankOf in
            // Where each student will propose next: starts at their first choice.
            let next = UnsafeMutablePointer<Int>.allocate(capacity: max(students, 1))
            defer { next.deallocate() }
            for s in 0..<students { next[s] = offsets[s] }
            while freeCount > 0 {
                freeCount -= 1
                var proposer = free[freeCount]
                var s = Int(proposer)
                var k = next[s]
                var end = offsets[s + 1]
                while true {
                    if k >= end {
                        next[s] = k
                        break // list exhausted: stays unplaced
                    }
                    let p = Int(choices[k]), rank = rankOf[k]
                    k += 1
                    if rank < 0 { continue }
                    let base = heapStart[p], capacity = heapStart[p + 1] - base, held = Int(heapCount[p])
                    if held < capacity {
                        var i = held
                        while i > 0 {
                            let parent = (i - 1) >> 1
                            if heapRank[base + parent] >= rank { break }
                            heapRank[base + i] = heapRank[base + parent]
                            heapStudent[base + i] = heapStudent[base + parent]
                            i = parent
                        }
                        heapRank[base + i] = rank
                        heapStudent[base + i] = proposer
                        heapCount[p] = Int32(held + 1)
                        assigned[s] = Int32(p)
                        next[s] = k
                        break
                    }
                    if capacity == 0 || rank >= heapRank[base] { continue }
                    // Displace the worst held student: replace the root and sift down.
                    let displaced = heapStudent[base]
                    var i = 0
                    while true {
                        let left = 2 * i + 1
                        if left >= capacity { break }
                        var child = left
                        if left + 1 < capacity && heapRank[base + left + 1] > heapRank[base + left] { child = left + 1 }
                        if heapRank[base + child] <= rank { break }
                        heapRank[base + i] = heapRank[base + child]
                        heapStudent[base + i] = heapStudent[base + child]
                        i = child
                    }
                    heapRank[base + i] = rank
                    heapStudent[base + i] = proposer
                    assigned[s] = Int32(p)
                    next[s] = k
                    // The displaced student carries on down their own list at once.
                    proposer = displaced
                    s = Int(displaced)
                    assigned[s] = -1
                    k = next[s]
                    end = offsets[s + 1]
                }
            }
        }
        }
        }
        }
        }
        // Each post's students in the post's order: its heap, sorted by rank.
        var studentsOfPost: [[Int32]] = []
        studentsOfPost.reserveCapacity(posts)
        for p in 0..<posts {
            let base = heapStartArray[p], held = Int(heapCount[p])
            var entries: [(rank: Int32, student: Int32)] = []
            entries.reserveCapacity(held)
            for i in 0..<held { entries.append((heapRank[base + i], heapStudent[base + i])) }
            entries.sort { $0.rank < $1.rank }
            studentsOfPost.append(entries.map(\.student))
        }
        return Matching(postOfStudent: postOfStudent, studentsOfPost: studentsOfPost)
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
