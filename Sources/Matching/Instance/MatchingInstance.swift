/// A hospital–residents instance in index form: students rank posts, posts rank students, each
/// post has a capacity. Lists are best first and strict. Stored flat (offsets into one array per
/// side) so a city of a million students with twenty choices each is two arrays, not a million.
public struct MatchingInstance: Sendable, Equatable {
    public let studentCount: Int
    public let postCount: Int
    public let capacities: [Int32]
    /// Student `s`'s choices are `studentChoices[studentOffsets[s]..<studentOffsets[s + 1]]`.
    public let studentOffsets: [Int]
    public let studentChoices: [Int32]
    /// Post `p`'s ranking is `postRanking[postOffsets[p]..<postOffsets[p + 1]]`.
    public let postOffsets: [Int]
    public let postRanking: [Int32]

    public enum Problem: Error, Equatable, Sendable {
        case indexOutOfRange(side: String, owner: Int, value: Int)
        case duplicateInList(side: String, owner: Int, value: Int)
        case negativeCapacity(post: Int)
        case countMismatch
    }

    /// Builds an instance from lists of indices; refuses out-of-range and repeated entries.
    public init(studentChoices: [[Int]], postRanking: [[Int]], capacities: [Int]) throws(Problem) {
        guard postRanking.count == capacities.count else { throw .countMismatch }
        for (p, c) in capacities.enumerated() where c < 0 { throw .negativeCapacity(post: p) }
        studentCount = studentChoices.count
        postCount = capacities.count
        self.capacities = capacities.map { Int32($0) }
        (studentOffsets, self.studentChoices) = try Self.flatten(studentChoices, bound: postCount, side: "student")
        (postOffsets, self.postRanking) = try Self.flatten(postRanking, bound: studentCount, side: "post")
    }

    /// Builds from already-flat arrays (the city-scale generator's form); checks ranges only.
    public init(capacities: [Int32], studentOffsets: [Int], studentChoices: [Int32], postOffsets: [Int], postRanking: [Int32]) throws(Problem) {
        guard studentOffsets.last == studentChoices.count, postOffsets.last == postRanking.count, postOffsets.count == capacities.count + 1 else {
            throw .countMismatch
        }
        studentCount = studentOffsets.count - 1
        postCount = capacities.count
        if let bad = studentChoices.first(where: { $0 < 0 || Int($0) >= capacities.count }) { throw .indexOutOfRange(side: "student", owner: -1, value: Int(bad)) }
        if let bad = postRanking.first(where: { $0 < 0 || Int($0) >= studentOffsets.count - 1 }) { throw .indexOutOfRange(side: "post", owner: -1, value: Int(bad)) }
        self.capacities = capacities
        self.studentOffsets = studentOffsets
        self.studentChoices = studentChoices
        self.postOffsets = postOffsets
        self.postRanking = postRanking
    }

    static func flatten(_ lists: [[Int]], bound: Int, side: String) throws(Problem) -> ([Int], [Int32]) {
        var offsets = [0]
        offsets.reserveCapacity(lists.count + 1)
        var flat: [Int32] = []
        flat.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for (owner, list) in lists.enumerated() {
            var seen = Set<Int>()
            for value in list {
                guard value >= 0, value < bound else { throw .indexOutOfRange(side: side, owner: owner, value: value) }
                guard seen.insert(value).inserted else { throw .duplicateInList(side: side, owner: owner, value: value) }
                flat.append(Int32(value))
            }
            offsets.append(flat.count)
        }
        return (offsets, flat)
    }

    public func choices(of student: Int) -> ArraySlice<Int32> { studentChoices[studentOffsets[student]..<studentOffsets[student + 1]] }
    public func ranking(of post: Int) -> ArraySlice<Int32> { postRanking[postOffsets[post]..<postOffsets[post + 1]] }
}
