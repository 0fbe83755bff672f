import Fluent

/// One indicator's measurement for one school, district or the city in one quarter. Taking a
/// snapshot again for the same period replaces that period's rows (the latest figures stand).
struct CreateIndicatorSnapshot: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("indicator_snapshots")
            .id()
            .field("period", .string, .required)
            .field("indicator_id", .string, .required)
            .field("level", .string, .required)
            .field("scope_code", .string, .required)
            .field("numerator", .int64, .required)
            .field("denominator", .int64)
            .field("taken_at", .datetime, .required)
            .unique(on: "period", "indicator_id", "level", "scope_code")
            .create()
        try await database.createIndex("indicator_snapshots_by_scope", on: "indicator_snapshots", ["level", "scope_code", "indicator_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("indicator_snapshots").delete()
    }
}
