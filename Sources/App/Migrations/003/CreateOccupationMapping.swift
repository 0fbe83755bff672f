import Fluent

struct CreateOccupationMapping: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("occupation_mappings")
            .registryColumns()
            .field("catalog_code", .string, .required)
            .field("program_name", .string, .required)
            .field("occupation_code", .string, .required)
            .field("occupation_name", .string, .required)
            .unique(on: "catalog_code", "occupation_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("occupation_mappings").delete()
    }
}
