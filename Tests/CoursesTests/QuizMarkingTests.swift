import Courses
import Foundation
import Testing

@Suite("Quiz marking")
struct QuizMarkingTests {
    static let abcd = ["a", "b", "c", "d"].map { Choice(id: $0, text: $0.uppercased()) }
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static let quiz = Quiz(id: "q", questions: [
        Question(id: "single", prompt: "单选", points: 2, kind: .singleChoice(choices: abcd, correct: "b")),
        Question(id: "multi", prompt: "多选", points: 3, kind: .multipleChoice(choices: abcd, correct: ["a", "c", "d"], scoring: .perCorrectOption())),
        Question(id: "tf", prompt: "判断", points: 1, kind: .trueFalse(correct: false)),
        Question(id: "fill", prompt: "填空", points: 2, kind: .fillIn(accepted: ["TCP/IP", "传输控制协议"])),
        Question(id: "match", prompt: "匹配", points: 4, kind: .matching(
            premises: [Choice(id: "p1", text: "车"), Choice(id: "p2", text: "铣"), Choice(id: "p3", text: "刨"), Choice(id: "p4", text: "磨")],
            responses: [Choice(id: "r1", text: "lathe"), Choice(id: "r2", text: "mill"), Choice(id: "r3", text: "planer"), Choice(id: "r4", text: "grinder")],
            correct: ["p1": "r1", "p2": "r2", "p3": "r3", "p4": "r4"]
        )),
    ], timeLimit: 600, passMark: 0.6)

    static func attempt(_ answers: [String: Answer], after seconds: Double = 300) -> QuizAttempt {
        QuizAttempt(startedAt: t0, submittedAt: t0.addingTimeInterval(seconds), answers: answers)
    }

    @Test func marksEveryTypeWithPerQuestionScoresAndTotal() throws {
        let mark = try Self.quiz.mark(Self.attempt([
            "single": .choice("b"),
            "multi": .choices(["a", "c"]),
            "tf": .trueFalse(false),
            "fill": .text("  ｔｃｐ／ｉｐ "),
            "match": .matches(["p1": "r1", "p2": "r3", "p3": "r2", "p4": "r4"]),
        ]))
        #expect(mark.questions.map(\.score) == [2, 2, 1, 2, 2])
        #expect(mark.questions.map(\.correct) == [true, false, true, true, false])
        #expect(mark.total == 9 && mark.maxTotal == 12 && mark.scaled == 0.75)
        #expect(mark.passed && !mark.late)
        // Deterministic: the same attempt marks the same.
        #expect(try Self.quiz.mark(Self.attempt(["multi": .choices(["a", "c"])])) == Self.quiz.mark(Self.attempt(["multi": .choices(["c", "a"])])))
    }

    @Test func unansweredScoresNothingAndFails() throws {
        let mark = try Self.quiz.mark(Self.attempt([:]))
        #expect(mark.total == 0 && !mark.passed)
        #expect(mark.questions.allSatisfy { !$0.answered && $0.response == nil })
    }

    @Test func multipleChoicePartialCredit() throws {
        let perOption = Question(id: "m", prompt: "", points: 3, kind: .multipleChoice(choices: Self.abcd, correct: ["a", "c", "d"], scoring: .perCorrectOption()))
        #expect(try perOption.credit(for: .choices(["a", "c", "d"])) == 1)
        #expect(try perOption.credit(for: .choices(["a"])) == 1.0 / 3)
        // One right, one wrong: 1/3 − 1/3 = 0.
        #expect(try perOption.credit(for: .choices(["a", "b"])) == 0)
        // All four: 1 − 1/3.
        #expect(abs(try perOption.credit(for: .choices(["a", "b", "c", "d"])) - 2.0 / 3) < 1e-12)
        // Only wrong: floored at 0, never negative.
        #expect(try perOption.credit(for: .choices(["b"])) == 0)
        let halfPenalty = Question(id: "m", prompt: "", points: 2, kind: .multipleChoice(choices: Self.abcd, correct: ["a", "b"], scoring: .perCorrectOption(penalty: 0.5)))
        #expect(try halfPenalty.credit(for: .choices(["a", "b", "c"])) == 0.75)
        let strict = Question(id: "m", prompt: "", points: 2, kind: .multipleChoice(choices: Self.abcd, correct: ["a", "b"], scoring: .allOrNothing))
        #expect(try strict.credit(for: .choices(["a", "b"])) == 1)
        #expect(try strict.credit(for: .choices(["a"])) == 0)
        #expect(try strict.credit(for: .choices(["a", "b", "c"])) == 0)
    }

    @Test func fillInNormalisationForChineseInput() throws {
        let q = Question(id: "f", prompt: "", kind: .fillIn(accepted: ["数据库", "SQL Server", "3.14"]))
        for given in ["数据库", " 数据 库 ", "数据库\u{3000}", "sql   server", "ＳＱＬ　Ｓｅｒｖｅｒ", "３．１４"] {
            #expect(try q.credit(for: .text(given)) == 1, "\(given)")
        }
        for given in ["数据", "sqlserver", "", "   ", "3.140"] {
            #expect(try q.credit(for: .text(given)) == 0, "\(given)")
        }
        let cased = Question(id: "f", prompt: "", kind: .fillIn(accepted: ["pH"], caseSensitive: true))
        #expect(try cased.credit(for: .text("ＰＨ")) == 0)
        #expect(try cased.credit(for: .text("ｐＨ")) == 1)
        #expect(FillInNormalisation.normalise("Ａ，Ｂ") == "a,b")
    }

    @Test func matchingCreditsEachPair() throws {
        let q = Self.quiz.questions[4]
        #expect(try q.credit(for: .matches(["p1": "r1"])) == 0.25)
        #expect(try q.credit(for: .matches(["p1": "r1", "p2": "r2", "p3": "r3", "p4": "r4"])) == 1)
        #expect(try q.credit(for: .matches([:])) == 0)
    }

    @Test func timeLimitMarksLateOrRefuses() throws {
        let late = try Self.quiz.mark(Self.attempt(["single": .choice("b")], after: 601))
        #expect(late.late)
        var refusing = Self.quiz
        refusing.latePolicy = .refuse
        #expect(throws: QuizError.submittedAfterTimeLimit(limit: 600, taken: 601)) { try refusing.mark(Self.attempt([:], after: 601)) }
        refusing.grace = 5
        #expect(try !refusing.mark(Self.attempt([:], after: 604)).late)
        #expect(try !Self.quiz.mark(Self.attempt([:], after: 600)).late)
    }

    @Test func wrongAnswersAreRefusedWithTheirReason() {
        #expect(throws: QuizError.answerDoesNotFit(question: "tf", expected: .trueFalse)) { try Self.quiz.mark(Self.attempt(["tf": .text("对")])) }
        #expect(throws: QuizError.unknownQuestion(id: "zz")) { try Self.quiz.mark(Self.attempt(["zz": .trueFalse(true)])) }
        #expect(throws: QuizError.submittedBeforeStart) { try Self.quiz.mark(Self.attempt([:], after: -1)) }
        #expect(!QuizError.unknownQuestion(id: "zz").messageZh.isEmpty)
    }

    @Test func passMarkBoundary() throws {
        let quiz = Quiz(id: "p", questions: (1...5).map { Question(id: "\($0)", prompt: "", kind: .trueFalse(correct: true)) }, passMark: 0.6)
        #expect(try quiz.mark(Self.attempt(["1": .trueFalse(true), "2": .trueFalse(true), "3": .trueFalse(true)])).passed)
        #expect(try !quiz.mark(Self.attempt(["1": .trueFalse(true), "2": .trueFalse(true)])).passed)
    }

    @Test func xAPIInteractionTypesAndPatterns() {
        let q = Self.quiz.questions
        #expect(q.map(\.interactionType) == [.choice, .choice, .trueFalse, .fillIn, .matching])
        #expect(q.map(\.interactionType.rawValue) == ["choice", "choice", "true-false", "fill-in", "matching"])
        #expect(q[1].correctResponsesPattern == ["a[,]c[,]d"])
        #expect(q[2].correctResponsesPattern == ["false"])
        #expect(q[3].correctResponsesPattern == ["{case_matters=false}TCP/IP", "{case_matters=false}传输控制协议"])
        #expect(q[4].correctResponsesPattern == ["p1[.]r1[,]p2[.]r2[,]p3[.]r3[,]p4[.]r4"])
        #expect(q[1].response(.choices(["d", "a"])) == "a[,]d")
    }
}
