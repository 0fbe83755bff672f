import Foundation

/// 测验: questions, an optional time limit and a pass mark.
public struct Quiz: Sendable, Equatable {
    /// 超时提交的处理.
    public enum LatePolicy: Sendable, Equatable {
        /// Marked as usual and flagged late.
        case markLate
        /// Refused (`QuizError.submittedAfterTimeLimit`).
        case refuse
    }

    public var id: String
    public var questions: [Question]
    /// 限时 in seconds; nil for none.
    public var timeLimit: TimeInterval?
    /// Grace after the limit for network delay before an attempt counts as late.
    public var grace: TimeInterval
    public var latePolicy: LatePolicy
    /// 及格线 as a fraction of the total points (0…1).
    public var passMark: Double

    public init(id: String, questions: [Question], timeLimit: TimeInterval? = nil, grace: TimeInterval = 0, latePolicy: LatePolicy = .markLate, passMark: Double = 0.6) {
        self.id = id
        self.questions = questions
        self.timeLimit = timeLimit
        self.grace = grace
        self.latePolicy = latePolicy
        self.passMark = passMark
    }

    public var totalPoints: Double { questions.reduce(0) { $0 + $1.points } }
}

/// 答卷: one attempt at a quiz.
public struct QuizAttempt: Sendable, Equatable {
    public var startedAt: Date
    public var submittedAt: Date
    /// By question id; an unanswered question is simply absent.
    public var answers: [String: Answer]

    public init(startedAt: Date, submittedAt: Date, answers: [String: Answer]) {
        self.startedAt = startedAt
        self.submittedAt = submittedAt
        self.answers = answers
    }
}

/// Why an attempt cannot be marked.
public enum QuizError: Error, Sendable, Equatable {
    case submittedAfterTimeLimit(limit: TimeInterval, taken: TimeInterval)
    case submittedBeforeStart
    case unknownQuestion(id: String)
    case answerDoesNotFit(question: String, expected: InteractionType)
    case invalidQuiz(field: String, reason: String)

    public var messageZh: String {
        switch self {
        case let .submittedAfterTimeLimit(limit, taken): "超过限时 \(Int(limit)) 秒提交（用时 \(Int(taken)) 秒），不予受理"
        case .submittedBeforeStart: "提交时间早于开始时间"
        case let .unknownQuestion(id): "答卷中的题目「\(id)」不在本测验中"
        case let .answerDoesNotFit(question, expected): "题目「\(question)」的作答类型不对，应为 \(expected.rawValue)"
        case let .invalidQuiz(field, reason): "测验的 \(field) 不合法：\(reason)"
        }
    }

    public var messageEn: String {
        switch self {
        case let .submittedAfterTimeLimit(limit, taken): "Submitted after the \(Int(limit)) s time limit (took \(Int(taken)) s); refused"
        case .submittedBeforeStart: "Submitted before it was started"
        case let .unknownQuestion(id): "The answer sheet names question \"\(id)\", which is not in this quiz"
        case let .answerDoesNotFit(question, expected): "Question \"\(question)\" has an answer of the wrong kind; expected \(expected.rawValue)"
        case let .invalidQuiz(field, reason): "The quiz's \(field) is invalid: \(reason)"
        }
    }
}
