import Fluent

/// Evidence files of credit-bank outcomes, with their SHA-256 (the outcome records the hash).
struct CreateCreditEvidence: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("credit_evidence")
            .id()
            .field("outcome_id", .uuid, .required, .references("credit_outcomes", "id"))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("sha256", .string, .required)
            .field("size", .int64, .required)
            .field("content", .data, .required)
            .unique(on: "outcome_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("credit_evidence").delete()
    }
}
