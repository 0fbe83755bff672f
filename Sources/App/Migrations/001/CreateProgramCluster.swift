import Fluent

struct CreateProgramCluster: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("program_clusters")
            .registryColumns()
            .field("institution_code", .string, .required)
            .field("name", .string, .required)
            .field("industry_cluster", .string, .required)
            .foreignKey("institution_id", references: "institutions", "id", onDelete: .restrict)
            .unique(on: "institution_id", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("program_clusters").delete()
    }
}
