import Foundation

/// Where a reveal grant (批量查看证件号码授权) stands. A grant is asked for by a school (or the
/// city) for a named list of records, a purpose and a justification; a city administrator who
/// did not ask for it approves or refuses it.
public enum RevealGrantStatus: String, CaseIterable, Sendable {
    /// 待审批
    case pending
    /// 已批准: its requester may reveal its records until it expires.
    case approved
    /// 已拒绝
    case refused

    public var labelZh: String {
        switch self {
        case .pending: "待审批"
        case .approved: "已批准"
        case .refused: "已拒绝"
        }
    }

    public var labelEn: String {
        switch self {
        case .pending: "Pending"
        case .approved: "Approved"
        case .refused: "Refused"
        }
    }
}

/// The bounds of a reveal grant: how many records it may name, how often each may be revealed
/// under it and how long an approval lasts (GB/T 35273 §7.1: approval for bulk copying).
public enum RevealGrantRules {
    /// The most records one grant may name.
    public static let maxRecords = 2_000
    /// How many times each record may be revealed under one grant.
    public static let revealsPerRecord = 1
    /// How long an approval lasts.
    public static let validity: TimeInterval = 7 * 86_400
    /// The shortest justification accepted (a reason, not a word).
    public static let minJustification = 10
    public static let maxJustification = 1_000
    public static let maxDecisionReason = 500
}

/// A reveal grant as the policy sees it.
public struct RevealGrantTerms: Sendable, Hashable {
    public var requesterID: UUID
    public var status: RevealGrantStatus
    public var expiresAt: Date?

    public init(requesterID: UUID, status: RevealGrantStatus, expiresAt: Date?) {
        self.requesterID = requesterID
        self.status = status
        self.expiresAt = expiresAt
    }
}

extension AccessPolicy {
    /// Whether `caller` may ask for reveal grants at all: the roles that reveal identity numbers
    /// in their work (a school for its own people, the city), not a learner seeing themself.
    public static func canRequestRevealGrants(caller: CallerScope) -> Bool {
        switch caller.role {
        case .cityAdmin: true
        case .schoolAdmin: caller.institutionID != nil
        default: false
        }
    }

    /// Whether a record of `entity` at `placement` may be named in a grant `caller` asks for:
    /// exactly the records the caller could reveal one by one.
    public static func canRequestRevealGrant(of entity: RegistryEntity, at placement: RecordPlacement, caller: CallerScope) -> Bool {
        canRequestRevealGrants(caller: caller) && canRevealIdentity(of: entity, at: placement, caller: caller)
    }

    /// Whether `caller` reviews reveal grants (sees the queue of every requester's grants).
    public static func canReviewRevealGrants(caller: CallerScope) -> Bool {
        caller.role == .cityAdmin
    }

    /// Whether `caller` (account `callerID`) may approve or refuse a grant asked for by
    /// `requesterID`: a city administrator, never the requester themself (four eyes).
    public static func canApproveRevealGrant(requestedBy requesterID: UUID, caller: CallerScope, callerID: UUID) -> Bool {
        canReviewRevealGrants(caller: caller) && requesterID != callerID
    }

    /// Whether `caller` may see a grant: its requester and the reviewers.
    public static func canReadRevealGrant(requestedBy requesterID: UUID, caller: CallerScope, callerID: UUID) -> Bool {
        requesterID == callerID || canReviewRevealGrants(caller: caller)
    }

    /// Whether `callerID` may reveal records under `grant` at `now`: its requester only, while
    /// it is approved and unexpired. Each record must still be one the caller may reveal
    /// (`canRevealIdentity`), and at most `RevealGrantRules.revealsPerRecord` times.
    public static func canRevealUnder(_ grant: RevealGrantTerms, callerID: UUID, now: Date) -> Bool {
        guard grant.requesterID == callerID, grant.status == .approved, let expiry = grant.expiresAt else { return false }
        return now < expiry
    }
}
