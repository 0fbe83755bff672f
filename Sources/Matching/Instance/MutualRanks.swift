/// For every entry of each side's list, the rank the other side gives back (-1 when the other
/// side does not list it: an unacceptable pair). Computed once, so deferred acceptance compares
/// ranks with an array read instead of a search.
struct MutualRanks: Sendable {
    /// `postRankOfChoice[k]`: the rank post `studentChoices[k]` gives the student whose list holds k.
    let postRankOfChoice: [Int32]
    /// `studentRankOfEntry[j]`: the rank the student `postRanking[j]` gives the post whose list holds j.
    let studentRankOfEntry: [Int32]

    init(_ instance: MatchingInstance) {
        var postRankOfChoice = [Int32](repeating: -1, count: instance.studentChoices.count)
        var studentRankOfEntry = [Int32](repeating: -1, count: instance.postRanking.count)
        instance.studentChoices.withUnsafeBufferPointer { choices in
            instance.postRanking.withUnsafeBufferPointer { ranking in
                for post in 0..<instance.postCount {
                    let start = instance.postOffsets[post]
                    for j in start..<instance.postOffsets[post + 1] {
                        let student = Int(ranking[j])
                        let from = instance.studentOffsets[student], to = instance.studentOffsets[student + 1]
                        // Student lists are short (a choice limit the city sets), so a scan is cheapest.
                        var k = from
                        while k < to && choices[k] != Int32(post) { k += 1 }
                        if k < to {
                            postRankOfChoice[k] = Int32(j - start)
                            studentRankOfEntry[j] = Int32(k - from)
                        }
                    }
                }
            }
        }
        self.postRankOfChoice = postRankOfChoice
        self.studentRankOfEntry = studentRankOfEntry
    }
}
