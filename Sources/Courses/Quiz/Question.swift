/// 题目: one question of a quiz, worth `points`, of one kind.
public struct Question: Sendable, Equatable, Identifiable {
    public var id: String
    public var prompt: String
    public var points: Double
    public var kind: QuestionKind

    public init(id: String, prompt: String, points: Double = 1, kind: QuestionKind) {
        self.id = id
        self.prompt = prompt
        self.points = points
        self.kind = kind
    }
}

/// 选项: a choice's id and text (or a matching premise or response).
public struct Choice: Sendable, Equatable {
    public var id: String
    public var text: String

    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}

/// 题型 and its key.
public enum QuestionKind: Sendable, Equatable {
    /// 单选题: exactly one correct choice.
    case singleChoice(choices: [Choice], correct: String)
    /// 多选题: a set of correct choices, scored by `scoring`.
    case multipleChoice(choices: [Choice], correct: Set<String>, scoring: MultipleChoiceScoring)
    /// 判断题.
    case trueFalse(correct: Bool)
    /// 填空题: any of the accepted answers, compared after `FillInNormalisation`.
    case fillIn(accepted: [String], caseSensitive: Bool = false)
    /// 匹配题 (连线题): premise id → response id; each right pair earns its share.
    case matching(premises: [Choice], responses: [Choice], correct: [String: String])
}

/// 多选题计分规则.
public enum MultipleChoiceScoring: Sendable, Equatable {
    /// 全对得分: full marks for exactly the correct set, else nothing.
    case allOrNothing
    /// 按正确选项计分: each correct choice selected earns 1/(number correct) of the points; each
    /// wrong choice selected takes away `penalty` × that share; the result is floored at 0.
    case perCorrectOption(penalty: Double = 1)
}

/// 作答: a learner's answer to one question.
public enum Answer: Sendable, Equatable {
    case choice(String)
    case choices(Set<String>)
    case trueFalse(Bool)
    case text(String)
    case matches([String: String])
}
