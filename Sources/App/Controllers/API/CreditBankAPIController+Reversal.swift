import CreditBank
import Foundation
import Registry
import SQLKit
import Vapor

/// 撤销认定: the city administrator undoes a final decision with a reason. The outcome goes back
/// to the reviewers' queue for a fresh decision (made once, like any other); a recognition's
/// units leave the account. Never by the user who made the decision, never by a reviewer.
extension CreditBankAPIController {
    struct ReversalInput: Content {
        /// Why, in Chinese (or in any language); required, at least five characters.
        var reason: String?
        var reasonEn: String?
        /// The ledger sequence of the decision to reverse, as the caller saw it; when given and
        /// another decision is in force by now, nothing is reversed (409).
        var decisionSequence: Int?
    }

    struct ReversalBody: Content {
        var outcomeId: UUID
        var learnerId: UUID
        var reversedSequence: Int
        var reversedVerdict: String
        var creditsRemoved: String
        /// Always `needs_review`: the outcome waits for a fresh decision.
        var status: String
        var reasonZh: String
        var reasonEn: String
        var reversedBy: String
    }

    /// An outcome whose decision the caller may consider reversing, after the access checks.
    struct ReversalTarget: Sendable {
        var learner: UUID
        var outcome: LearningOutcome
        var account: CreditAccount
        var inForce: CreditLedgerStore.DecisionInForce?
        /// The decision in force was made by the caller (a rule's decision is nobody's).
        var madeByCaller: Bool
    }

    /// Whether the ledger's `actor` (as the audit log names actors, "username (role)") is
    /// `caller`, whatever role they held then.
    static func isCaller(_ actor: String, _ caller: Caller) -> Bool {
        Role.allCases.contains { "\(caller.username) (\($0.rawValue))" == actor }
    }

    /// The outcome in the path and its decision in force: a role that may never reverse is
    /// refused (403) before any lookup; an outcome outside the caller's scope answers 404,
    /// exactly like a missing one.
    static func reversalTarget(_ req: Request) async throws -> ReversalTarget {
        let caller = try req.requireCaller()
        guard AccessPolicy.mayReverseCreditDecisions(caller: caller.scope) else { throw AppError.forbidden }
        guard let outcomeID = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        let sql = try sql(req)
        guard let row = try await sql.select().column("learner_id").from("credit_outcomes").where("id", .equal, outcomeID).first() else { throw AppError.notFound }
        let learner = try row.decode(column: "learner_id", as: UUID.self)
        guard try await learners(req).canAct(.decideOutcome, on: learner, caller: caller.scope) else { throw AppError.notFound }
        let ledger = CreditLedgerStore(sql: sql)
        let account = try await ledger.account(learner)
        guard let outcome = account.outcomes[outcomeID] else { throw AppError.notFound }
        let inForce = try await ledger.decisionInForce(outcomeID)
        return ReversalTarget(learner: learner, outcome: outcome, account: account, inForce: inForce,
                              madeByCaller: inForce?.reviewer.map { isCaller($0, caller) } ?? false)
    }

    /// The answer when the decision is no longer there to reverse (409).
    static func notReversible(_ refusal: ReversalRefusal? = nil) -> AppError {
        AppError.conflict(FieldError(field: "status", zh: refusal?.zh ?? "该认定已被撤销或已变更，同一认定只撤销一次",
                                     en: refusal?.en ?? "the decision has already been reversed or replaced; a decision is reversed once"))
    }

    /// `POST /credit-bank/outcomes/{id}/reversal`: the city administrator reverses the final
    /// decision (recognised or rejected) in force on an outcome, with a reason. Appended to the
    /// ledger as a reversal event with its audit row in the same transaction; replaying the
    /// ledger removes a recognition's units. The outcome returns to the reviewers' queue. Of
    /// concurrent reversals of one decision exactly one succeeds; the others answer 409.
    @Sendable static func reverse(req: Request) async throws -> ReversalBody {
        let caller = try req.requireCaller()
        let target = try await reversalTarget(req)
        let outcomeID = target.outcome.id
        // The reviewer who decided may not undo their own decision: a reversal is the act of
        // an authority above them, and a city administrator's own decision needs another.
        guard AccessPolicy.canReverseCreditDecision(madeByCaller: target.madeByCaller, caller: caller.scope) else { throw AppError.forbidden }
        try req.checkDocumentedBody()
        let input = try req.content.decode(ReversalInput.self)
        var errors: [FieldError] = []
        let checked = DecisionReversal.checkedReason(input.reason)
        if case .failure(let e) = checked { errors.append(e) }
        let reason = (try? checked.get()) ?? ""
        let reasonEn = input.reasonEn?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        if let reasonEn, reasonEn.count > DecisionReversal.maximumReason { errors.append(.tooLong("reasonEn", max: DecisionReversal.maximumReason)) }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        if let refusal = target.account.reversalRefusal(outcomeID) { throw notReversible(refusal) }
        guard let inForce = target.inForce else { throw notReversible() }
        if let expected = input.decisionSequence, expected != inForce.sequence {
            throw AppError.conflict(FieldError(field: "decisionSequence", zh: "所指认定（台账序号\(expected)）已不是现行认定，未撤销任何内容",
                                               en: "ledger entry \(expected) is no longer the decision in force; nothing was reversed"))
        }
        let learner = target.learner, actor = caller.auditName, sequence = inForce.sequence, verdict = inForce.decision.verdict
        let base = req.auditEntry(action: "reverse", entity: "credit_outcome", recordID: outcomeID.uuidString)
        do {
            return try await CreditLedgerStore.transaction(on: req.db, audit: req.services.audit) { ledger in
                // Under the ledger's lock: the decision read above is still the one in force and
                // still reversible (no other reversal or decision came in between).
                let account = try await ledger.account(learner)
                guard try await ledger.decisionInForce(outcomeID)?.sequence == sequence, account.reversalRefusal(outcomeID) == nil else {
                    throw CreditLedgerStore.NotReversible(outcomeID: outcomeID)
                }
                let reversal = DecisionReversal(outcomeID: outcomeID, reversedVerdict: verdict, creditsRemoved: account.credits(of: outcomeID),
                                                reasonZh: reason, reasonEn: reasonEn ?? reason, by: actor)
                try await ledger.append([(learner, .reversed(reversal))], actor: actor)
                var entry = base
                entry.detail = "reversed \(verdict.rawValue) (ledger \(sequence)), \(reversal.creditsRemoved) credits removed: \(reason)"
                return (ReversalBody(outcomeId: outcomeID, learnerId: learner, reversedSequence: sequence, reversedVerdict: verdict.rawValue,
                                     creditsRemoved: reversal.creditsRemoved.description, status: CreditAccount.Status.needsReview.rawValue,
                                     reasonZh: reversal.reasonZh, reasonEn: reversal.reasonEn, reversedBy: actor), entry)
            }
        } catch is CreditLedgerStore.NotReversible {
            throw notReversible()
        }
    }
}

fileprivate extension String {
    /// nil for an empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
