import Fluent

struct CreateCooperationAgreement: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cooperation_agreements")
            .registryColumns()
            .field("institution_code", .string, .required)
            .field("enterprise_code", .string, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string, .required)
            .field("terms", .string)
            .foreignKey("institution_id", references: "institutions", "id", onDelete: .restrict)
            .foreignKey("enterprise_id", references: "enterprises", "id", onDelete: .restrict)
            .unique(on: "institution_code", "enterprise_code", "title")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("cooperation_agreements").delete()
    }
}
