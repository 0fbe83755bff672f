import Fluent

struct CreateSpending: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("spendings")
            .registryColumns()
            .field("code", .string, .required)
            .field("spent_on", .string, .required)
            .field("amount_fen", .int64, .required)
            .field("source", .string, .required)
            .field("purpose", .string, .required)
            .field("institution_code", .string)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("spendings").delete()
    }
}
