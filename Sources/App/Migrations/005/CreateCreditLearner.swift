import Fluent

/// 学分银行账户: one per person across institutions, keyed by the blind index of the identity
/// document (the same index the registry uses, so a learner links to their student records).
struct CreateCreditLearner: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("credit_learners")
            .id()
            .field("name", .string, .required)
            .field("document_kind", .string, .required)
            .field("id_cipher", .string, .required)
            .field("id_index", .string, .required)
            .field("id_masked", .string, .required)
            .field("birth_date", .string)
            .field("region", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "id_index")
            .create()
        try await database.createIndex("credit_learners_by_name", on: "credit_learners", ["name", "birth_date"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("credit_learners").delete()
    }
}
