import Fluent

struct CreateProgramYear: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("program_years")
            .registryColumns()
            .field("institution_code", .string, .required)
            .field("catalog_code", .string, .required)
            .field("program_id", .uuid, .required, .references("programs", "id", onDelete: .restrict))
            .field("year", .int64, .required)
            .field("enrolled", .int64, .required)
            .field("graduated", .int64, .required)
            .foreignKey("institution_id", references: "institutions", "id", onDelete: .restrict)
            .unique(on: "institution_code", "catalog_code", "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("program_years").delete()
    }
}
