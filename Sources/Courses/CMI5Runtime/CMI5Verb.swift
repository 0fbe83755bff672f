import Foundation

/// The verbs cmi5 defines (§9.3) and their IRIs.
public enum CMI5Verb: String, Sendable, Equatable, CaseIterable {
    case launched = "http://adlnet.gov/expapi/verbs/launched"
    case initialized = "http://adlnet.gov/expapi/verbs/initialized"
    case completed = "http://adlnet.gov/expapi/verbs/completed"
    case passed = "http://adlnet.gov/expapi/verbs/passed"
    case failed = "http://adlnet.gov/expapi/verbs/failed"
    case abandoned = "https://w3id.org/xapi/adl/verbs/abandoned"
    case waived = "https://w3id.org/xapi/adl/verbs/waived"
    case terminated = "http://adlnet.gov/expapi/verbs/terminated"
    case satisfied = "https://w3id.org/xapi/adl/verbs/satisfied"

    public var id: String { rawValue }

    /// Verbs only the LMS uses; the others are the AU's.
    public var isLMSVerb: Bool { [.launched, .abandoned, .waived, .satisfied].contains(self) }

    public static let cmi5Category = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
    public static let moveOnCategory = "https://w3id.org/xapi/cmi5/context/categories/moveon"
    public static let reasonExtension = "https://w3id.org/xapi/cmi5/result/extensions/reason"
    public static let progressExtension = "https://w3id.org/xapi/cmi5/result/extensions/progress"
    public static let blockType = "https://w3id.org/xapi/cmi5/activitytype/block"
    public static let courseType = "https://w3id.org/xapi/cmi5/activitytype/course"
}

/// What the session rules need of one statement in an AU session: its verb, whether it is
/// "cmi5 defined" (carries the cmi5 category, §7.1.3), its time, object and result.
public struct SessionStatement: Sendable, Equatable {
    public struct Score: Sendable, Equatable {
        public var scaled: Double?
        public var raw: Double?
        public var min: Double?
        public var max: Double?

        public init(scaled: Double? = nil, raw: Double? = nil, min: Double? = nil, max: Double? = nil) {
            self.scaled = scaled
            self.raw = raw
            self.min = min
            self.max = max
        }
    }

    public struct Result: Sendable, Equatable {
        public var success: Bool?
        public var completion: Bool?
        public var score: Score?
        /// ISO 8601 duration text as sent.
        public var duration: String?
        /// The cmi5 `reason` result extension (for "waived").
        public var reason: String?
        /// The cmi5 `progress` result extension, 0…100.
        public var progress: Int?

        public init(success: Bool? = nil, completion: Bool? = nil, score: Score? = nil, duration: String? = nil, reason: String? = nil, progress: Int? = nil) {
            self.success = success
            self.completion = completion
            self.score = score
            self.duration = duration
            self.reason = reason
            self.progress = progress
        }
    }

    public var verbID: String
    public var timestamp: Date
    public var objectID: String
    /// Has the cmi5 category activity: a "cmi5 defined" statement, else "cmi5 allowed".
    public var isCMI5Defined: Bool
    public var hasMoveOnCategory: Bool
    public var sessionID: String?
    public var result: Result?

    public init(verbID: String, timestamp: Date, objectID: String, isCMI5Defined: Bool = true, hasMoveOnCategory: Bool = false, sessionID: String?, result: Result? = nil) {
        self.verbID = verbID
        self.timestamp = timestamp
        self.objectID = objectID
        self.isCMI5Defined = isCMI5Defined
        self.hasMoveOnCategory = hasMoveOnCategory
        self.sessionID = sessionID
        self.result = result
    }

    public init(_ verb: CMI5Verb, at timestamp: Date, object: String, session: String?, moveOnCategory: Bool = false, result: Result? = nil) {
        self.init(verbID: verb.id, timestamp: timestamp, objectID: object, isCMI5Defined: true, hasMoveOnCategory: moveOnCategory, sessionID: session, result: result)
    }

    /// The cmi5 verb when the statement is cmi5 defined.
    public var verb: CMI5Verb? { isCMI5Defined ? CMI5Verb(rawValue: verbID) : nil }
}
