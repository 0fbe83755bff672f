import Fluent

struct CreateInternshipRound: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("internship_rounds")
            .id()
            .field("name", .string, .required)
            .field("seed", .int64, .required)
            .field("optimal", .string, .required)
            .field("status", .string, .required)
            .field("students", .int64, .required)
            .field("placed", .int64, .required)
            .field("places", .int64, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("published_by", .string)
            .field("published_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("internship_rounds").delete()
    }
}
