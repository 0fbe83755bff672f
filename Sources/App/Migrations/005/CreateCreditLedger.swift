import Fluent

/// The credit bank's append-only ledger, and the outcome status projection it keeps current
/// for queues (the ledger is the truth; `/credit-bank/ledger/verify` replays it against this).
struct CreateCreditLedger: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("credit_ledger")
            .field("seq", .int64, .identifier(auto: false))
            .field("learner_id", .uuid, .required, .references("credit_learners", "id"))
            .field("outcome_id", .uuid)
            .field("event", .string, .required)
            .field("actor", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.createIndex("credit_ledger_by_learner", on: "credit_ledger", ["learner_id", "seq"])
        try await database.schema("credit_outcomes")
            .id()
            .field("learner_id", .uuid, .required, .references("credit_learners", "id"))
            .field("kind", .string, .required)
            .field("issuer", .string, .required)
            .field("title", .string, .required)
            .field("status", .string, .required)
            .field("submitted_at", .datetime, .required)
            .create()
        try await database.createIndex("credit_outcomes_by_status", on: "credit_outcomes", ["status", "submitted_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("credit_outcomes").delete()
        try await database.schema("credit_ledger").delete()
    }
}
