import Foundation

/// 课程活动: one activity of a course as completion and due dates see it.
public struct CourseActivity: Sendable, Equatable, Identifiable {
    public var id: String
    /// 必修: counts for "all required activities done".
    public var required: Bool
    /// 权重 in the weighted grade; 0 leaves it out of the grade.
    public var weight: Double
    /// 截止时间; nil for none.
    public var dueAt: Date?

    public init(id: String, required: Bool = true, weight: Double = 0, dueAt: Date? = nil) {
        self.id = id
        self.required = required
        self.weight = weight
        self.dueAt = dueAt
    }
}

/// 学习记录: what a learner has done in one activity.
public struct ActivityRecord: Sendable, Equatable {
    /// When it was done (completed, submitted, satisfied); nil when not done.
    public var doneAt: Date?
    /// The grade as a fraction 0…1, when marked.
    public var grade: Double?

    public init(doneAt: Date? = nil, grade: Double? = nil) {
        self.doneAt = doneAt
        self.grade = grade
    }
}

/// 结业条件.
public enum CompletionRule: Sendable, Equatable {
    /// 完成全部必修活动.
    case allRequiredDone
    /// 加权成绩达到及格线 (fraction 0…1).
    case passMark(Double)
    /// 两者皆须满足.
    case allRequiredDoneAndPassMark(Double)
}

/// 结业判定.
public struct CompletionStatus: Sendable, Equatable {
    public var complete: Bool
    /// Required activities not yet done, in course order.
    public var missingRequired: [String]
    /// Σ weight × grade / Σ weight over weighted activities (an unmarked one counts 0); nil
    /// when no activity has weight.
    public var weightedGrade: Double?
    public var passMarkMet: Bool?
}

extension CompletionRule {
    public func evaluate(activities: [CourseActivity], records: [String: ActivityRecord]) -> CompletionStatus {
        let missing = activities.filter { $0.required && records[$0.id]?.doneAt == nil }.map(\.id)
        let weighted = activities.filter { $0.weight > 0 }
        let totalWeight = weighted.reduce(0) { $0 + $1.weight }
        let grade: Double? = totalWeight > 0
            ? ((weighted.reduce(0) { $0 + $1.weight * Swift.min(1, Swift.max(0, records[$1.id]?.grade ?? 0)) } / totalWeight) * 10_000).rounded() / 10_000
            : nil
        switch self {
        case .allRequiredDone:
            return CompletionStatus(complete: missing.isEmpty, missingRequired: missing, weightedGrade: grade, passMarkMet: nil)
        case let .passMark(mark):
            let met = (grade ?? 0) >= mark
            return CompletionStatus(complete: met, missingRequired: missing, weightedGrade: grade, passMarkMet: met)
        case let .allRequiredDoneAndPassMark(mark):
            let met = (grade ?? 0) >= mark
            return CompletionStatus(complete: met && missing.isEmpty, missingRequired: missing, weightedGrade: grade, passMarkMet: met)
        }
    }
}
