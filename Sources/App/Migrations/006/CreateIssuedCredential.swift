import Fluent

/// Every credential issued to a learner: what it certifies, its status-list index, the
/// signed VC-JWT as issued, and its current status (the bit the status lists publish).
struct CreateIssuedCredential: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("issued_credentials")
            .id()
            .field("learner_id", .uuid, .required, .references("credit_learners", "id"))
            .field("kind", .string, .required)
            .field("subject_ref", .string)
            .field("title_zh", .string, .required)
            .field("title_en", .string, .required)
            .field("status_index", .int, .required)
            .field("kid", .string, .required)
            .field("jwt", .string, .required)
            .field("issued_at", .datetime, .required)
            .field("valid_until", .datetime)
            .field("status", .string, .required)
            .field("issued_by", .string, .required)
            .unique(on: "status_index")
            .create()
        try await database.createIndex("issued_credentials_by_learner", on: "issued_credentials", ["learner_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("issued_credentials").delete()
    }
}
