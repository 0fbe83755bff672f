/// An assessment of a presentation (考核): its kind, weight in percent and due day (days from the
/// presentation's start; none for an exam whose day the file leaves empty).
public struct Assessment: Sendable, Equatable {
    /// The kind of assessment (考核类型): tutor-marked, computer-marked or exam; another code is kept as read.
    public enum Kind: Sendable, Equatable {
        case tutorMarked, computerMarked, exam
        case other(String)

        init(code: String) {
            switch code {
            case "TMA": self = .tutorMarked
            case "CMA": self = .computerMarked
            case "Exam": self = .exam
            default: self = .other(code)
            }
        }
    }

    public var id: Int
    public var presentation: Presentation
    public var kind: Kind
    public var dueDay: Int?
    public var weight: Double

    public init(id: Int, presentation: Presentation, kind: Kind, dueDay: Int?, weight: Double) {
        self.id = id
        self.presentation = presentation
        self.kind = kind
        self.dueDay = dueDay
        self.weight = weight
    }
}

/// A learner's submission of an assessment (作业提交): the day it came in, whether it was carried
/// over (banked) from an earlier presentation, and its score out of 100 (none when unmarked).
public struct Submission: Sendable, Equatable {
    public var assessmentID: Int
    public var studentID: Int
    public var day: Int
    public var isBanked: Bool
    public var score: Double?

    public init(assessmentID: Int, studentID: Int, day: Int, isBanked: Bool, score: Double?) {
        self.assessmentID = assessmentID
        self.studentID = studentID
        self.day = day
        self.isBanked = isBanked
        self.score = score
    }
}
