import Foundation

/// 学分账户: one learner's outcomes, what became of each, and the credit held — rebuilt from
/// the ledger, never stored as a running total.
public struct CreditAccount: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, Codable {
        case submitted, recognised, rejected
        case needsReview = "needs_review"
        case evidenceRequested = "evidence_requested"
        case withdrawn
    }

    public var learnerID: UUID
    public var outcomes: [UUID: LearningOutcome] = [:]
    public var status: [UUID: Status] = [:]
    public var decisions: [UUID: RecognitionDecision] = [:]
    /// Units held, in the order they were granted.
    public var units: [RecognisedUnit] = []
    /// Units spent on a transfer.
    public var used: Set<String> = []
    /// Each outcome's reversed decisions, oldest first.
    public var reversals: [UUID: [DecisionReversal]] = [:]

    public init(learnerID: UUID) { self.learnerID = learnerID }

    /// Units that can still be counted or transferred.
    public var available: [RecognisedUnit] { units.filter { !used.contains($0.id) } }

    public var totalCredits: Credits { units.reduce(.zero) { $0 + $1.credits } }

    /// 积累: credits by hub level, by field and by kind of source.
    public var byLevel: [Int: Credits] { Dictionary(grouping: units, by: \.hubLevel).mapValues { $0.reduce(.zero) { $0 + $1.credits } } }
    public var byField: [String: Credits] { Dictionary(grouping: units, by: { $0.field ?? "" }).mapValues { $0.reduce(.zero) { $0 + $1.credits } } }
    public var bySource: [OutcomeKind: Credits] { Dictionary(grouping: units, by: \.source).mapValues { $0.reduce(.zero) { $0 + $1.credits } } }

    /// Applies one ledger event to the account (replay, or a writer's running view of it).
    public mutating func apply(_ event: LedgerEvent) throws(LedgerError) {
        switch event {
        case .submitted(let outcome):
            guard outcome.learnerID == learnerID else { throw .wrongLearner(outcome.id) }
            guard outcomes[outcome.id] == nil else { throw .duplicateOutcome(outcome.id) }
            outcomes[outcome.id] = outcome
            status[outcome.id] = .submitted
        case .decided(let decision, _):
            guard outcomes[decision.outcomeID] != nil else { throw .unknownOutcome(decision.outcomeID) }
            // A later decision replaces an earlier one (a reviewer after a request for evidence).
            units.removeAll { $0.outcomeID == decision.outcomeID && !used.contains($0.id) }
            decisions[decision.outcomeID] = decision
            switch decision.verdict {
            case .recognised:
                status[decision.outcomeID] = .recognised
                units += decision.units
            case .rejected: status[decision.outcomeID] = .rejected
            case .needsReview: status[decision.outcomeID] = .needsReview
            case .evidenceRequested: status[decision.outcomeID] = .evidenceRequested
            }
        case .withdrawn(let outcomeID, _):
            guard outcomes[outcomeID] != nil else { throw .unknownOutcome(outcomeID) }
            status[outcomeID] = .withdrawn
            units.removeAll { $0.outcomeID == outcomeID && !used.contains($0.id) }
        case .reversed(let reversal):
            let id = reversal.outcomeID
            guard outcomes[id] != nil else { throw .unknownOutcome(id) }
            guard reversalRefusal(id) == nil else { throw .notReversible(id) }
            units.removeAll { $0.outcomeID == id }
            status[id] = .needsReview
            reversals[id, default: []].append(reversal)
            decisions[id] = RecognitionDecision(outcomeID: id, verdict: .needsReview, units: [], ruleID: nil, alsoApplicable: [],
                                                reasonZh: "原认定（\(reversal.reversedVerdict.rawValue)）已撤销：\(reversal.reasonZh)；待重新认定",
                                                reasonEn: "the decision (\(reversal.reversedVerdict.rawValue)) was reversed: \(reversal.reasonEn); awaiting a fresh decision")
        case .used(let unitIDs, _, _):
            for id in unitIDs {
                guard units.contains(where: { $0.id == id }) else { throw .notHeld(id) }
                guard used.insert(id).inserted else { throw .alreadyUsed(id) }
            }
        }
    }
}

/// 台账回放: every account rebuilt from the ledger.
public enum LedgerReplay {
    /// Entries must be in sequence order starting at 1 with no gaps.
    public static func accounts(from entries: [LedgerEntry]) throws(LedgerError) -> [UUID: CreditAccount] {
        var accounts: [UUID: CreditAccount] = [:]
        for (index, entry) in entries.enumerated() {
            guard entry.sequence == index + 1 else { throw .outOfOrder(expected: index + 1, found: entry.sequence) }
            var account = accounts[entry.learnerID] ?? CreditAccount(learnerID: entry.learnerID)
            try account.apply(entry.event)
            accounts[entry.learnerID] = account
        }
        return accounts
    }
}
