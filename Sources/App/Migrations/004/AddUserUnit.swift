import Fluent

/// A responsible unit's account names its unit.
struct AddUserUnit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users").field("unit", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("unit").update()
    }
}
