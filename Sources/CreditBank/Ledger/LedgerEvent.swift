import Foundation

/// 台账事件: everything that changes a learner's account, appended and never edited. Replaying
/// the events in order rebuilds every account.
public enum LedgerEvent: Sendable, Hashable, Codable {
    case submitted(LearningOutcome)
    case decided(RecognitionDecision, reviewer: String?)
    /// The issuer withdrew the outcome (a revoked certificate): its units leave the account.
    case withdrawn(outcomeID: UUID, reason: String)
    /// Units used for a transfer into a program: they cannot be used again.
    case used(unitIDs: [String], transferID: UUID, program: String)
    /// A final decision (recognised, rejected) undone, with a reason, by an authority above the
    /// reviewer who made it: its units leave the account and the outcome waits for a fresh
    /// decision.
    case reversed(DecisionReversal)
}

public struct LedgerEntry: Sendable, Hashable, Codable {
    public var sequence: Int
    public var learnerID: UUID
    public var event: LedgerEvent

    public init(sequence: Int, learnerID: UUID, event: LedgerEvent) {
        self.sequence = sequence
        self.learnerID = learnerID
        self.event = event
    }
}

public enum LedgerError: Error, Equatable, Sendable {
    case outOfOrder(expected: Int, found: Int)
    case unknownOutcome(UUID)
    case duplicateOutcome(UUID)
    case wrongLearner(UUID)
    case alreadyUsed(String)
    case notHeld(String)
    /// A reversal of an outcome that has no final decision (recognised or rejected) in force.
    case notReversible(UUID)
}
