import CreditBank
import Fluent
import LearningRecords
import Foundation
import SQLKit
import SQLiteNIO
import Vapor

/// The append-only ledger in storage: events are appended with the next sequence number and
/// never changed; accounts are always rebuilt by replaying them.
struct CreditLedgerStore: Sendable {
    let sql: any SQLDatabase

    static func encode(_ event: LedgerEvent) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(event), as: UTF8.self)
    }

    static func outcomeID(of event: LedgerEvent) -> UUID? {
        switch event {
        case .submitted(let o): o.id
        case .decided(let d, _): d.outcomeID
        case .withdrawn(let id, _): id
        case .reversed(let r): r.outcomeID
        case .used: nil
        }
    }

    /// A decision on an outcome that already has a final one (recognised, rejected) or was
    /// withdrawn: a decision is made once.
    struct AlreadyDecided: Error {
        var outcomeID: UUID
    }

    /// The statuses from which a decision may still be made.
    static let undecided = [CreditAccount.Status.submitted, .needsReview, .evidenceRequested].map(\.rawValue)

    /// The statuses of a final decision, the only ones a reversal undoes.
    static let reversible = [CreditAccount.Status.recognised, .rejected].map(\.rawValue)

    /// A reversal of an outcome whose final decision is no longer in force (another reversal
    /// came first, or the outcome was never finally decided): a decision is reversed once.
    struct NotReversible: Error {
        var outcomeID: UUID
    }

    /// The advisory-lock key of the credit ledger: on PostgreSQL its transactions take it
    /// first, so appends (and the checks made just before them) are serialised across every
    /// server process. On SQLite (one server process) the write gate serialises them already.
    static let advisoryKey: Int64 = 7_212_050_001

    /// Runs an audited change that may append to the ledger in one database transaction, under
    /// the ledger's lock, so the sequence is computed safely and a check made in `body` (a
    /// status, a duplicate) still holds when the append lands. `body` returns its result with
    /// the audit row that records it; the row is appended last in the same transaction, so the
    /// change and its row commit together or not at all, and a refused change (a thrown error)
    /// leaves no row. On SQLite the transaction passes the process's write gate and is retried
    /// a bounded number of times if another writer holds the file (`AuditLog.recording`).
    static func transaction<T: Sendable>(on db: any Database, audit: AuditLog,
                                         _ body: @escaping @Sendable (CreditLedgerStore) async throws -> (T, AuditLog.Entry)) async throws -> T {
        try await audit.recording(on: db, postgresLock: advisoryKey) { tx in
            guard let sql = tx as? any SQLDatabase else { throw Abort(.internalServerError) }
            return try await body(CreditLedgerStore(sql: sql))
        }
    }

    /// The learner whose account holds an outcome.
    func learner(of outcome: UUID) async throws -> UUID? {
        try await sql.select().column("learner_id").from("credit_outcomes").where("id", .equal, outcome).first()?.decode(column: "learner_id", as: UUID.self)
    }

    /// The decision in force on an outcome: the last decision in the ledger, its sequence and
    /// who made it (nil for a rule's decision); nil when there is none.
    struct DecisionInForce: Sendable {
        var sequence: Int
        var decision: RecognitionDecision
        var reviewer: String?
        var at: Date
    }

    func decisionInForce(_ outcomeID: UUID) async throws -> DecisionInForce? {
        let decoder = JSONDecoder()
        for row in try await sql.select().columns("seq", "event", "at").from("credit_ledger").where("outcome_id", .equal, outcomeID)
            .orderBy("seq", .descending).all() {
            switch try decoder.decode(LedgerEvent.self, from: Data(try row.decode(column: "event", as: String.self).utf8)) {
            case .decided(let d, let reviewer):
                return DecisionInForce(sequence: try row.decode(column: "seq", as: Int.self), decision: d, reviewer: reviewer, at: try row.decode(column: "at", as: Date.self))
            case .reversed, .withdrawn: return nil
            case .submitted, .used: continue
            }
        }
        return nil
    }

    /// Appends `events` in order (call inside a transaction) and keeps the outcome status
    /// projection current. The sequence is the next after the last under the ledger's lock, so
    /// concurrent writers never collide. A decision moves an outcome out of an undecided status
    /// with one conditional update; when the outcome has no undecided status any more (another
    /// decision came first) it throws `AlreadyDecided` and the caller's transaction rolls back.
    func append(_ events: [(learner: UUID, event: LedgerEvent)], actor: String, now: Date = Date()) async throws {
        try await sql.advisoryLock(Self.advisoryKey)  // held already when called through `transaction`
        let last = try await sql.raw("SELECT MAX(seq) AS seq FROM credit_ledger").first()?.decode(column: "seq", as: Int?.self) ?? 0
        var seq = last
        for (learner, event) in events {
            seq += 1
            try await sql.insert(into: "credit_ledger").columns("seq", "learner_id", "outcome_id", "event", "actor", "at")
                .values(SQLBind(seq), SQLBind(learner), SQLBind(Self.outcomeID(of: event)), SQLBind(try Self.encode(event)), SQLBind(actor), SQLBind(now))
                .run()
            switch event {
            case .submitted(let o):
                try await sql.insert(into: "credit_outcomes").columns("id", "learner_id", "kind", "issuer", "title", "status", "submitted_at")
                    .values(SQLBind(o.id), SQLBind(learner), SQLBind(o.kind.rawValue), SQLBind(o.issuer), SQLBind(o.title),
                            SQLBind(CreditAccount.Status.submitted.rawValue), SQLBind(now)).run()
            case .decided(let d, _):
                let moved = try await sql.update("credit_outcomes").set("status", to: Self.status(of: d.verdict).rawValue)
                    .where("id", .equal, d.outcomeID).where("status", .in, Self.undecided).returning("id").all()
                if moved.isEmpty { throw AlreadyDecided(outcomeID: d.outcomeID) }
            case .withdrawn(let id, _):
                try await sql.update("credit_outcomes").set("status", to: CreditAccount.Status.withdrawn.rawValue).where("id", .equal, id).run()
            case .reversed(let r):
                // The same guard as a decision's: one conditional update, so of concurrent
                // reversals of one decision exactly one moves the outcome back to review.
                let moved = try await sql.update("credit_outcomes").set("status", to: CreditAccount.Status.needsReview.rawValue)
                    .where("id", .equal, r.outcomeID).where("status", .in, Self.reversible).returning("id").all()
                if moved.isEmpty { throw NotReversible(outcomeID: r.outcomeID) }
            case .used: break
            }
        }
        try await recordRecognitions(events, now: now)
    }

    /// A recognised outcome is also a learning record: its statement commits with the decision.
    private func recordRecognitions(_ events: [(learner: UUID, event: LedgerEvent)], now: Date) async throws {
        var recognised: [(learner: UUID, decision: RecognitionDecision, automatic: Bool)] = []
        for (learner, event) in events {
            if case .decided(let d, let reviewer) = event, d.verdict == .recognised { recognised.append((learner, d, reviewer == nil)) }
        }
        guard !recognised.isEmpty else { return }
        var titles: [UUID: String] = [:]
        for row in try await sql.raw("SELECT id, title FROM credit_outcomes WHERE id IN (\(binds: recognised.map(\.decision.outcomeID)))").all() {
            titles[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "title", as: String.self)
        }
        let names = try await PlatformRecords.learnerNames(creditLearners: recognised.map(\.learner), on: sql)
        let platformEvents = recognised.map { r in
            let credits = Double(r.decision.units.reduce(0) { $0 + $1.credits.tenths }) / 10
            return PlatformEvent(kind: .outcomeRecognised(outcomeID: r.decision.outcomeID, title: titles[r.decision.outcomeID] ?? "", credits: credits, automatic: r.automatic),
                                 learner: names[r.learner] ?? r.learner.uuidString.lowercased(), at: now)
        }
        try await PlatformRecords.record(platformEvents, on: sql)
    }

    static func status(of verdict: RecognitionDecision.Verdict) -> CreditAccount.Status {
        switch verdict {
        case .recognised: .recognised
        case .rejected: .rejected
        case .needsReview: .needsReview
        case .evidenceRequested: .evidenceRequested
        }
    }

    /// Entries in sequence order, for one learner or all, renumbered 1… for replay.
    func entries(learner: UUID? = nil) async throws -> [LedgerEntry] {
        var query = sql.select().columns("seq", "learner_id", "event").from("credit_ledger")
        if let learner { query = query.where("learner_id", .equal, learner) }
        let decoder = JSONDecoder()
        return try await query.orderBy("seq").all().enumerated().map { index, row in
            LedgerEntry(sequence: index + 1, learnerID: try row.decode(column: "learner_id", as: UUID.self),
                        event: try decoder.decode(LedgerEvent.self, from: Data(try row.decode(column: "event", as: String.self).utf8)))
        }
    }

    /// One learner's account, rebuilt from the ledger.
    func account(_ learner: UUID) async throws -> CreditAccount {
        try LedgerReplay.accounts(from: try await entries(learner: learner))[learner] ?? CreditAccount(learnerID: learner)
    }
}
