/// A "cmi5 defined" statement rule (cmi5 §7.1, §9.3, §9.5, §9.6, §10.2.2) that a session or
/// registration can break; `section` is where the spec states it.
public enum SessionRule: String, Sendable, Equatable, CaseIterable {
    case initializedFirst
    case terminatedLast
    case duplicateVerbInSession
    case passedAndFailedInSession
    case launchedTwice
    case completedTwiceInRegistration
    case passedTwiceInRegistration
    case failedAfterPassed
    case afterAbandoned
    case abandonedTwice
    case waivedSessionNotAlone
    case waivedTwiceInRegistration
    case waivedWithoutReason
    case notNormalLaunchMode
    case objectNotActivityID
    case sessionIDMismatch
    case allowedOutsideSession
    case scoreNotAllowed
    case scoreInvalid
    case passedBelowMastery
    case failedAtOrAboveMastery
    case successRequired
    case successNotAllowed
    case completionRequired
    case completionNotAllowed
    case durationRequired
    case durationInvalid
    case moveOnCategory

    public var section: String {
        switch self {
        case .initializedFirst: "7.1.1, 9.3.2"
        case .terminatedLast: "7.1.2, 9.3.8"
        case .duplicateVerbInSession, .passedAndFailedInSession, .completedTwiceInRegistration, .passedTwiceInRegistration, .failedAfterPassed: "9.3"
        case .launchedTwice: "9.3.1"
        case .afterAbandoned, .abandonedTwice: "9.3.6"
        case .waivedSessionNotAlone, .waivedTwiceInRegistration, .waivedWithoutReason: "9.3.7"
        case .notNormalLaunchMode: "10.2.2"
        case .objectNotActivityID: "9.4"
        case .sessionIDMismatch: "9.6.3.1"
        case .allowedOutsideSession: "7.1.3"
        case .scoreNotAllowed, .scoreInvalid: "9.5.1"
        case .passedBelowMastery: "9.3.4"
        case .failedAtOrAboveMastery: "9.3.5"
        case .successRequired, .successNotAllowed: "9.5.2"
        case .completionRequired, .completionNotAllowed: "9.5.3"
        case .durationRequired, .durationInvalid: "9.5.4"
        case .moveOnCategory: "9.6.2.2"
        }
    }

    var zh: String {
        switch self {
        case .initializedFirst: "会话的第一条语句必须是 initialized"
        case .terminatedLast: "terminated 必须是会话的最后一条语句"
        case .duplicateVerbInSession: "同一会话中 cmi5 动词不得重复"
        case .passedAndFailedInSession: "同一会话中不得既有 passed 又有 failed"
        case .launchedTwice: "同一会话中不得有两条 launched"
        case .completedTwiceInRegistration: "同一注册中 completed 至多一条"
        case .passedTwiceInRegistration: "同一注册中 passed 至多一条"
        case .failedAfterPassed: "同一注册中 passed 之后不得再有 failed"
        case .afterAbandoned: "abandoned 之后该会话不得再有语句"
        case .abandonedTwice: "同一会话中 abandoned 至多一条"
        case .waivedSessionNotAlone: "waived 的会话中除 satisfied 外不得有其他语句"
        case .waivedTwiceInRegistration: "同一注册中同一 AU 的 waived 至多一条"
        case .waivedWithoutReason: "waived 语句必须带 reason 结果扩展"
        case .notNormalLaunchMode: "Browse 或 Review 模式下只能发送 initialized 和 terminated"
        case .objectNotActivityID: "语句对象的 id 必须是启动时的 activityId"
        case .sessionIDMismatch: "语句必须带本会话的 session ID"
        case .allowedOutsideSession: "cmi5 allowed 语句必须在 initialized 与 terminated 之间"
        case .scoreNotAllowed: "只有 passed 与 failed 可以带 score"
        case .scoreInvalid: "score 不合法（scaled 应在 0–1；raw 须有 min、max 且在其间）"
        case .passedBelowMastery: "passed 的 scaled 分数不得低于 masteryScore"
        case .failedAtOrAboveMastery: "failed 的 scaled 分数必须低于 masteryScore"
        case .successRequired: "passed、waived 须有 success=true，failed 须有 success=false"
        case .successNotAllowed: "只有 passed、failed、waived 可以带 success"
        case .completionRequired: "completed、waived 须有 completion=true"
        case .completionNotAllowed: "只有 completed、waived 可以带 completion"
        case .durationRequired: "terminated、completed、passed、failed、abandoned 必须带 duration"
        case .durationInvalid: "duration 不是 ISO 8601 时长"
        case .moveOnCategory: "带 success 或 completion 的语句须有 moveon 类别活动，其他语句不得有"
        }
    }

    var en: String {
        switch self {
        case .initializedFirst: "the first statement of a session must be initialized"
        case .terminatedLast: "terminated must be the last statement of a session"
        case .duplicateVerbInSession: "cmi5 defined verbs must not be duplicated in a session"
        case .passedAndFailedInSession: "a session must not have both passed and failed"
        case .launchedTwice: "a session must not have two launched statements"
        case .completedTwiceInRegistration: "at most one completed per registration"
        case .passedTwiceInRegistration: "at most one passed per registration"
        case .failedAfterPassed: "failed must not follow passed in a registration"
        case .afterAbandoned: "no statement may be recorded for a session after abandoned"
        case .abandonedTwice: "at most one abandoned per session"
        case .waivedSessionNotAlone: "a waived session holds no statement but satisfied"
        case .waivedTwiceInRegistration: "at most one waived per AU per registration"
        case .waivedWithoutReason: "a waived statement must carry the reason result extension"
        case .notNormalLaunchMode: "in Browse or Review mode only initialized and terminated may be sent"
        case .objectNotActivityID: "the statement's object id must be the launch activityId"
        case .sessionIDMismatch: "the statement must carry this session's session ID"
        case .allowedOutsideSession: "cmi5 allowed statements must fall between initialized and terminated"
        case .scoreNotAllowed: "only passed and failed may carry a score"
        case .scoreInvalid: "invalid score (scaled in 0–1; raw needs min and max and lies between them)"
        case .passedBelowMastery: "a passed scaled score must not be below masteryScore"
        case .failedAtOrAboveMastery: "a failed scaled score must be below masteryScore"
        case .successRequired: "passed and waived need success=true, failed success=false"
        case .successNotAllowed: "only passed, failed and waived may carry success"
        case .completionRequired: "completed and waived need completion=true"
        case .completionNotAllowed: "only completed and waived may carry completion"
        case .durationRequired: "terminated, completed, passed, failed and abandoned must carry a duration"
        case .durationInvalid: "duration is not an ISO 8601 duration"
        case .moveOnCategory: "statements with success or completion need the moveon category activity; others must not have it"
        }
    }
}

/// One broken rule: which, in which statement (its index in the session as given), and why.
public struct SessionViolation: Sendable, Equatable {
    public var rule: SessionRule
    public var statementIndex: Int
    public var verbID: String

    public var messageZh: String { "第 \(statementIndex + 1) 条语句（\(verbID)）违反 cmi5 \(rule.section)：\(rule.zh)" }
    public var messageEn: String { "Statement \(statementIndex + 1) (\(verbID)) breaks cmi5 \(rule.section): \(rule.en)" }
}
