import Fluent

struct CreateAuditEvent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_events")
            .id()
            .field("seq", .int64, .required)
            .field("at_ms", .int64, .required)
            .field("actor_user_id", .uuid)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("record_id", .string)
            .field("detail", .string, .required)
            .field("outcome", .string, .required)
            .field("client_ip", .string)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "seq")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_events").delete()
    }
}
