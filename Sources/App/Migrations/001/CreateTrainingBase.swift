import Fluent

struct CreateTrainingBase: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("training_bases")
            .registryColumns()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("owner_kind", .string, .required)
            .field("owner_code", .string, .required)
            .field("capacity", .int64, .required)
            .foreignKey("institution_id", references: "institutions", "id", onDelete: .restrict)
            .foreignKey("enterprise_id", references: "enterprises", "id", onDelete: .restrict)
            .unique(on: "owner_code", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("training_bases").delete()
    }
}
