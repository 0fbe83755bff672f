import CreditBank
import Foundation
import SQLKit

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
        case .used: nil
        }
    }

    /// Appends `events` in order (call inside a transaction) and keeps the outcome status
    /// projection current.
    func append(_ events: [(learner: UUID, event: LedgerEvent)], actor: String, now: Date = Date()) async throws {
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
                try await sql.update("credit_outcomes").set("status", to: Self.status(of: d.verdict).rawValue).where("id", .equal, d.outcomeID).run()
            case .withdrawn(let id, _):
                try await sql.update("credit_outcomes").set("status", to: CreditAccount.Status.withdrawn.rawValue).where("id", .equal, id).run()
            case .used: break
            }
        }
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
