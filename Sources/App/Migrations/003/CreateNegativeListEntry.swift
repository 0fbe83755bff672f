import Fluent

struct CreateNegativeListEntry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("negative_list_entries")
            .registryColumns()
            .field("code", .string, .required)
            .field("terms", .string, .required)
            .field("applies_to", .string)
            .field("description", .string, .required)
            .field("basis", .string)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("negative_list_entries").delete()
    }
}
