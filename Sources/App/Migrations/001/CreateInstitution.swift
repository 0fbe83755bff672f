import Fluent

struct CreateInstitution: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("institutions")
            .registryColumns()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("name_en", .string)
            .field("kind", .string, .required)
            .field("ownership", .string, .required)
            .field("moe_code", .string)
            .unique(on: "code")
            .create()
        try await database.createIndex("institutions_district", on: "institutions", ["district_code"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("institutions").delete()
    }
}
