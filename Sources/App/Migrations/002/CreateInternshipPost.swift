import Fluent

struct CreateInternshipPost: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("internship_posts")
            .registryColumns()
            .field("enterprise_code", .string, .required)
            .field("title", .string, .required)
            .field("capacity", .int64, .required)
            .field("program_codes", .string)
            .field("period_start", .string, .required)
            .field("period_end", .string, .required)
            .foreignKey("enterprise_id", references: "enterprises", "id", onDelete: .restrict)
            .unique(on: "enterprise_id", "title", "period_start")
            .create()
        try await database.createIndex("internship_posts_district", on: "internship_posts", ["district_code"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("internship_posts").delete()
    }
}
