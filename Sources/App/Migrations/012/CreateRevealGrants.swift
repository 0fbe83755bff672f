import Fluent

/// Reveal grants (批量查看证件号码授权): a caller asks to see the full identity numbers of a
/// named list of records (one registry kind) for a purpose from the list and a justification;
/// a city administrator other than the requester approves or refuses it. Each record of an
/// approved grant may be revealed by its requester a bounded number of times until the grant
/// expires; `reveals` counts them. Times are milliseconds since 1970 (one type on both
/// databases).
struct CreateRevealGrants: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("reveal_grants")
            .id()
            .field("requester_id", .uuid, .required, .references("users", "id"))
            .field("requester_name", .string, .required)
            .field("institution_id", .uuid, .references("institutions", "id"))
            // The registry path of the records: `students` or `teachers`.
            .field("kind", .string, .required)
            .field("purpose", .string, .required)
            .field("justification", .string, .required)
            .field("record_count", .int, .required)
            .field("status", .string, .required)
            .field("requested_at_ms", .int64, .required)
            .field("decided_by_id", .uuid, .references("users", "id"))
            .field("decided_by_name", .string)
            .field("decided_at_ms", .int64)
            .field("decision_reason", .string)
            .field("expires_at_ms", .int64)
            .create()
        try await database.createIndex("reveal_grants_by_requester", on: "reveal_grants", ["requester_id", "requested_at_ms"])
        try await database.createIndex("reveal_grants_by_status", on: "reveal_grants", ["status", "requested_at_ms"])

        try await database.schema("reveal_grant_records")
            .field("grant_id", .uuid, .required, .references("reveal_grants", "id"))
            .field("record_id", .uuid, .required)
            .field("reveals", .int, .required)
            .field("last_revealed_at_ms", .int64)
            .compositeIdentifier(over: "grant_id", "record_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("reveal_grant_records").delete()
        try await database.schema("reveal_grants").delete()
    }
}
