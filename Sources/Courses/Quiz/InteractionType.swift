/// The xAPI interaction type a question is reported as (xAPI cmi.interaction), and its
/// `correctResponsesPattern`, so that answers can be sent as statements.
public enum InteractionType: String, Sendable, Equatable {
    case choice
    case trueFalse = "true-false"
    case fillIn = "fill-in"
    case matching

    public static let activityType = "http://adlnet.gov/expapi/activities/cmi.interaction"
}

extension Question {
    public var interactionType: InteractionType {
        switch kind {
        case .singleChoice, .multipleChoice: .choice
        case .trueFalse: .trueFalse
        case .fillIn: .fillIn
        case .matching: .matching
        }
    }

    /// xAPI correct response patterns: "a[,]c" for choices, "true", "{case_matters=false}…"
    /// for each accepted fill-in, "p1[.]r1[,]p2[.]r2" for matching (ids sorted, deterministic).
    public var correctResponsesPattern: [String] {
        switch kind {
        case let .singleChoice(_, correct): [correct]
        case let .multipleChoice(_, correct, _): [correct.sorted().joined(separator: "[,]")]
        case let .trueFalse(correct): [correct ? "true" : "false"]
        case let .fillIn(accepted, caseSensitive): accepted.map { "{case_matters=\(caseSensitive)}\($0)" }
        case let .matching(_, _, correct): [correct.sorted { $0.key < $1.key }.map { "\($0.key)[.]\($0.value)" }.joined(separator: "[,]")]
        }
    }

    /// The learner's answer in the same xAPI response format.
    public func response(_ answer: Answer) -> String {
        switch answer {
        case let .choice(id): id
        case let .choices(ids): ids.sorted().joined(separator: "[,]")
        case let .trueFalse(value): value ? "true" : "false"
        case let .text(text): text
        case let .matches(pairs): pairs.sorted { $0.key < $1.key }.map { "\($0.key)[.]\($0.value)" }.joined(separator: "[,]")
        }
    }
}
