import Foundation

/// 单题得分.
public struct QuestionMark: Sendable, Equatable {
    public var questionID: String
    public var score: Double
    public var maxScore: Double
    /// Whether the answer is entirely right.
    public var correct: Bool
    public var answered: Bool
    /// The answer in xAPI response format, for the "answered" statement.
    public var response: String?
}

/// 测验成绩: per-question marks in quiz order, the total, and whether it passes.
public struct QuizMark: Sendable, Equatable {
    public var questions: [QuestionMark]
    public var total: Double
    public var maxTotal: Double
    /// total / maxTotal (0 for an empty quiz).
    public var scaled: Double
    public var passed: Bool
    public var late: Bool
}

extension Quiz {
    /// Marks an attempt. Deterministic: the same quiz and attempt give the same mark; scores are
    /// rounded to 4 decimal places so that sums do not drift.
    public func mark(_ attempt: QuizAttempt) throws(QuizError) -> QuizMark {
        guard (0...1).contains(passMark) else { throw .invalidQuiz(field: "passMark", reason: "must be in 0…1 / 须在 0 到 1 之间") }
        let taken = attempt.submittedAt.timeIntervalSince(attempt.startedAt)
        guard taken >= 0 else { throw .submittedBeforeStart }
        var late = false
        if let timeLimit, taken > timeLimit + grace {
            if latePolicy == .refuse { throw .submittedAfterTimeLimit(limit: timeLimit, taken: taken) }
            late = true
        }
        let ids = Set(questions.map(\.id))
        if let stray = attempt.answers.keys.sorted().first(where: { !ids.contains($0) }) { throw .unknownQuestion(id: stray) }
        var marks: [QuestionMark] = []
        for question in questions {
            let answer = attempt.answers[question.id]
            let credit = try answer.map { (a) throws(QuizError) -> Double in try question.credit(for: a) } ?? 0
            let score = Self.round(credit * question.points)
            marks.append(QuestionMark(
                questionID: question.id, score: score, maxScore: question.points, correct: credit >= 1,
                answered: answer != nil, response: answer.map(question.response)
            ))
        }
        let total = Self.round(marks.reduce(0) { $0 + $1.score })
        let maxTotal = totalPoints
        let scaled = maxTotal > 0 ? Self.round(total / maxTotal) : 0
        return QuizMark(questions: marks, total: total, maxTotal: maxTotal, scaled: scaled, passed: maxTotal > 0 && scaled >= passMark, late: late)
    }

    static func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}

extension Question {
    /// The fraction of the points (0…1) an answer earns.
    public func credit(for answer: Answer) throws(QuizError) -> Double {
        switch (kind, answer) {
        case let (.singleChoice(_, correct), .choice(id)):
            return id == correct ? 1 : 0
        case let (.multipleChoice(_, correct, scoring), .choices(selected)):
            switch scoring {
            case .allOrNothing:
                return selected == correct ? 1 : 0
            case let .perCorrectOption(penalty):
                guard !correct.isEmpty else { return selected.isEmpty ? 1 : 0 }
                let share = 1 / Double(correct.count)
                let right = Double(selected.intersection(correct).count)
                let wrong = Double(selected.subtracting(correct).count)
                return Swift.min(1, Swift.max(0, right * share - wrong * share * penalty))
            }
        case let (.trueFalse(correct), .trueFalse(value)):
            return value == correct ? 1 : 0
        case let (.fillIn(accepted, caseSensitive), .text(text)):
            let given = FillInNormalisation.normalise(text, caseSensitive: caseSensitive)
            guard !given.isEmpty else { return 0 }
            return accepted.contains { FillInNormalisation.normalise($0, caseSensitive: caseSensitive) == given } ? 1 : 0
        case let (.matching(_, _, correct), .matches(pairs)):
            guard !correct.isEmpty else { return 0 }
            let right = correct.filter { pairs[$0.key] == $0.value }.count
            return Double(right) / Double(correct.count)
        default:
            throw .answerDoesNotFit(question: id, expected: interactionType)
        }
    }
}
