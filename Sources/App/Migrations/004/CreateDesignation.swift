import Fluent

struct CreateDesignation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("designations")
            .registryColumns()
            .field("code", .string, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("institution_code", .string)
            .field("enterprise_code", .string)
            .field("designated_on", .string, .required)
            .field("document", .string)
            .unique(on: "code")
            .create()
        try await database.createIndex("designations_by_kind", on: "designations", ["kind", "designated_on"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("designations").delete()
    }
}
