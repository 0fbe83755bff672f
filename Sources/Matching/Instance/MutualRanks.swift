import Dispatch
import Foundation

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
        postRankOfChoice.withUnsafeMutableBufferPointer { postRankOfChoice in
        studentRankOfEntry.withUnsafeMutableBufferPointer { studentRankOfEntry in
        instance.studentOffsets.withUnsafeBufferPointer { studentOffsets in
        instance.postOffsets.withUnsafeBufferPointer { postOffsets in
        instance.studentChoices.withUnsafeBufferPointer { choices in
        instance.postRanking.withUnsafeBufferPointer { ranking in
            // Each post writes only the entries of its own pairs, so posts split across cores
            // without sharing a write.
            let postRanks = UnsafeMutableSendable(postRankOfChoice)
            let studentRanks = UnsafeMutableSendable(studentRankOfEntry)
            let reads = ReadOnly(studentOffsets: studentOffsets, postOffsets: postOffsets, choices: choices, ranking: ranking)
            let postCount = instance.postCount
            let parts = postCount >= 256 ? min(8, ProcessInfo.processInfo.activeProcessorCount) : 1
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let first = postCount * part / parts, last = postCount * (part + 1) / parts
                for post in first..<last {
                    let start = reads.postOffsets[post]
                    for j in start..<reads.postOffsets[post + 1] {
                        let student = Int(reads.ranking[j])
                        let from = reads.studentOffsets[student], to = reads.studentOffsets[student + 1]
                        // Student lists are short (a choice limit the city sets), so a scan is cheapest.
                        var k = from
                        while k < to && reads.choices[k] != Int32(post) { k += 1 }
                        if k < to {
                            postRanks.buffer[k] = Int32(j - start)
                            studentRanks.buffer[j] = Int32(k - from)
                        }
                    }
                }
            }
        }
        }
        }
        }
        }
        }
        self.postRankOfChoice = postRankOfChoice
        self.studentRankOfEntry = studentRankOfEntry
    }
}

/// Buffers shared by the parallel parts of `MutualRanks.init`, which write disjoint entries.
private struct UnsafeMutableSendable: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Int32>
    init(_ buffer: UnsafeMutableBufferPointer<Int32>) { self.buffer = buffer }
}

private struct ReadOnly: @unchecked Sendable {
    let studentOffsets: UnsafeBufferPointer<Int>
    let postOffsets: UnsafeBufferPointer<Int>
    let choices: UnsafeBufferPointer<Int32>
    let ranking: UnsafeBufferPointer<Int32>
}
