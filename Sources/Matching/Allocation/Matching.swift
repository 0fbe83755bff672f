/// A matching of students to posts: each student at most one post, each post at most its capacity.
public struct Matching: Sendable, Equatable {
    /// The post of each student, or -1.
    public let postOfStudent: [Int32]
    /// Students placed at each post, best ranked by the post first.
    public let studentsOfPost: [[Int32]]

    public init(postOfStudent: [Int32], studentsOfPost: [[Int32]]) {
        self.postOfStudent = postOfStudent
        self.studentsOfPost = studentsOfPost
    }

    public var unmatchedStudents: [Int] { postOfStudent.indices.filter { postOfStudent[$0] < 0 } }

    /// Places left empty at each post.
    public func unfilledPlaces(in instance: MatchingInstance) -> [Int] {
        (0..<instance.postCount).map { Int(instance.capacities[$0]) - studentsOfPost[$0].count }
    }
}

/// Which side's preferences the stable matching favours.
public enum OptimalSide: String, Sendable, CaseIterable {
    /// Every student gets the best post they can have in any stable matching.
    case student
    /// Every enterprise post gets the best students it can have in any stable matching.
    case enterprise
}
