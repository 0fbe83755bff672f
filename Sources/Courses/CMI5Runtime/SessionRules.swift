import Foundation

/// Checks the statements of one AU session against the "cmi5 defined" statement rules, for an
/// LMS that rejects (or voids) statements that break them (§6.3).
public enum SessionRules {
    /// What the LMS launched the session with.
    public struct Launch: Sendable, Equatable {
        public var activityID: String
        public var sessionID: String
        public var launchMode: LaunchMode
        public var masteryScore: Decimal?

        public init(activityID: String, sessionID: String, launchMode: LaunchMode = .normal, masteryScore: Decimal? = nil) {
            self.activityID = activityID
            self.sessionID = sessionID
            self.launchMode = launchMode
            self.masteryScore = masteryScore
        }
    }

    /// Every rule broken by `session` (in any order; sorted by timestamp here, stably), given the
    /// cmi5 defined statements of earlier sessions of the same AU in the same registration.
    public static func check(_ session: [SessionStatement], launch: Launch, earlierInRegistration: [SessionStatement] = []) -> [SessionViolation] {
        let ordered = session.enumerated().sorted { (a: (offset: Int, element: SessionStatement), b: (offset: Int, element: SessionStatement)) in
            a.element.timestamp != b.element.timestamp ? a.element.timestamp < b.element.timestamp : a.offset < b.offset
        }
        var violations: [SessionViolation] = []
        func flag(_ rule: SessionRule, _ index: Int) {
            violations.append(SessionViolation(rule: rule, statementIndex: index, verbID: session[index].verbID))
        }

        // Registration-wide counts from earlier sessions.
        let earlier = earlierInRegistration.compactMap(\.verb)
        var completedSeen = earlier.contains(.completed)
        var passedSeen = earlier.contains(.passed)
        var waivedSeen = earlier.contains(.waived)

        var seen: Set<CMI5Verb> = []
        var initialized = false
        var terminated = false
        var abandoned = false
        let waivedSession = session.contains { $0.verb == .waived }

        for (index, statement) in ordered {
            let verb = statement.verb
            if statement.sessionID != launch.sessionID { flag(.sessionIDMismatch, index) }
            if abandoned { flag(.afterAbandoned, index) }
            if verb != .satisfied, statement.objectID != launch.activityID { flag(.objectNotActivityID, index) }

            guard let verb else {
                // cmi5 allowed: only between initialized and terminated.
                if !initialized || terminated { flag(.allowedOutsideSession, index) }
                continue
            }
            if waivedSession, verb != .waived, verb != .satisfied { flag(.waivedSessionNotAlone, index) }

            if !verb.isLMSVerb {
                if !initialized, verb != .initialized { flag(.initializedFirst, index) }
                if terminated { flag(.terminatedLast, index) }
                if launch.launchMode != .normal, verb != .initialized, verb != .terminated { flag(.notNormalLaunchMode, index) }
            }
            if verb != .satisfied, seen.contains(verb) {
                switch verb {
                case .launched: flag(.launchedTwice, index)
                case .abandoned: flag(.abandonedTwice, index)
                default: flag(.duplicateVerbInSession, index)
                }
            }
            switch verb {
            case .initialized: initialized = true
            case .terminated: terminated = true
            case .abandoned: abandoned = true
            case .passed, .failed:
                if seen.contains(verb == .passed ? .failed : .passed) { flag(.passedAndFailedInSession, index) }
                if verb == .passed {
                    if passedSeen { flag(.passedTwiceInRegistration, index) }
                    passedSeen = true
                } else if passedSeen {
                    flag(.failedAfterPassed, index)
                }
            case .completed:
                if completedSeen { flag(.completedTwiceInRegistration, index) }
                completedSeen = true
            case .waived:
                if waivedSeen { flag(.waivedTwiceInRegistration, index) }
                waivedSeen = true
            case .launched, .satisfied: break
            }
            seen.insert(verb)
            for rule in resultProblems(statement, verb: verb, masteryScore: launch.masteryScore) { flag(rule, index) }
        }
        return violations
    }

    /// The result rules of §9.5 and the moveOn category rule of §9.6.2.2 for one statement.
    static func resultProblems(_ statement: SessionStatement, verb: CMI5Verb, masteryScore: Decimal?) -> [SessionRule] {
        var rules: [SessionRule] = []
        let result = statement.result
        // Score (9.5.1, 9.3.4, 9.3.5).
        if let score = result?.score {
            if verb != .passed, verb != .failed {
                rules.append(.scoreNotAllowed)
            } else {
                if let scaled = score.scaled, !(0...1).contains(scaled) { rules.append(.scoreInvalid) }
                if let raw = score.raw {
                    if let min = score.min, let max = score.max, min <= raw, raw <= max {} else { rules.append(.scoreInvalid) }
                }
                if let scaled = score.scaled, let mastery = masteryScore.map({ NSDecimalNumber(decimal: $0).doubleValue }) {
                    if verb == .passed, scaled < mastery { rules.append(.passedBelowMastery) }
                    if verb == .failed, scaled >= mastery { rules.append(.failedAtOrAboveMastery) }
                }
            }
        }
        // Success (9.5.2).
        switch verb {
        case .passed, .waived: if result?.success != true { rules.append(.successRequired) }
        case .failed: if result?.success != false { rules.append(.successRequired) }
        default: if result?.success != nil { rules.append(.successNotAllowed) }
        }
        // Completion (9.5.3).
        switch verb {
        case .completed, .waived: if result?.completion != true { rules.append(.completionRequired) }
        default: if result?.completion != nil { rules.append(.completionNotAllowed) }
        }
        // Duration (9.5.4).
        if let duration = result?.duration {
            if ISODuration.seconds(duration) == nil { rules.append(.durationInvalid) }
        } else if [.terminated, .completed, .passed, .failed, .abandoned].contains(verb) {
            rules.append(.durationRequired)
        }
        if verb == .waived, (result?.reason ?? "").isEmpty { rules.append(.waivedWithoutReason) }
        // moveOn category (9.6.2.2).
        let judged = result?.success != nil || result?.completion != nil
        if judged != statement.hasMoveOnCategory { rules.append(.moveOnCategory) }
        return rules
    }
}
