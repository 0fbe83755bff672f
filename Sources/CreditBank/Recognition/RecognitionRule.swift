/// 认定规则: when an outcome is recognised without a reviewer, and as what.
public struct RecognitionRule: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var nameZh: String
    public var nameEn: String
    /// Higher wins when two rules apply to one outcome.
    public var priority: Int
    public var kind: Kind
    /// At most this much credit per learner per period from this rule, whatever the outcomes;
    /// nil for no such cap. See `PeriodCap`.
    public var periodCap: PeriodCap?

    public enum Kind: Sendable, Hashable, Codable {
        /// A certificate (by code) earns these units.
        case certificate(code: String, grants: [UnitGrant])
        /// Hours of these kinds of learning earn credit at `hoursPerCredit`, up to `cap`.
        case hours(kinds: [OutcomeKind], hoursPerCredit: Int, cap: Credits, unitCode: String, hubLevel: Int)
        /// An outcome of this kind and code with a score of at least `minimumScore` earns the unit.
        case score(kind: OutcomeKind, code: String, minimumScore: Int, grant: UnitGrant)
    }

    public init(id: String, nameZh: String, nameEn: String, priority: Int = 0, kind: Kind, periodCap: PeriodCap? = nil) {
        self.id = id
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.priority = priority
        self.kind = kind
        self.periodCap = periodCap
    }
}

/// A unit a rule grants: its code, credit and level on the hub framework.
public struct UnitGrant: Sendable, Hashable, Codable {
    public var unitCode: String
    public var credits: Credits
    public var hubLevel: Int
    public var field: String?

    public init(unitCode: String, credits: Credits, hubLevel: Int, field: String? = nil) {
        self.unitCode = unitCode
        self.credits = credits
        self.hubLevel = hubLevel
        self.field = field
    }
}
