import Fluent

struct CreateEnterprise: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("enterprises")
            .registryColumns()
            .field("credit_code", .string, .required)
            .field("name", .string, .required)
            .field("employees", .int64, .required)
            .field("above_scale", .bool, .required)
            .field("industry_code", .string, .required)
            .field("integration_status", .string, .required)
            .unique(on: "credit_code")
            .create()
        try await database.createIndex("enterprises_district", on: "enterprises", ["district_code"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("enterprises").delete()
    }
}
