import Fluent

/// Facts the platform records about itself at first start, such as the data key's check value
/// (so a different or regenerated key is refused instead of silently making ID numbers unreadable).
struct CreatePlatformSetting: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("platform_settings")
            .field("name", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("platform_settings").delete()
    }
}
