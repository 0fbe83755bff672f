import Fluent

struct CreateProgram: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("programs")
            .registryColumns()
            .field("institution_code", .string, .required)
            .field("catalog_code", .string, .required)
            .field("name", .string, .required)
            .field("level", .string, .required)
            .field("cluster_name", .string)
            .field("cluster_id", .uuid, .references("program_clusters", "id", onDelete: .setNull))
            .field("start_year", .int64)
            .foreignKey("institution_id", references: "institutions", "id", onDelete: .restrict)
            .unique(on: "institution_id", "catalog_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("programs").delete()
    }
}
