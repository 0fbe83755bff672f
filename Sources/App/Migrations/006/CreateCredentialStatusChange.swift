import Fluent

/// The log of revocations, suspensions and reinstatements, each with its reason and actor.
struct CreateCredentialStatusChange: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("credential_status_changes")
            .id()
            .field("credential_id", .uuid, .required, .references("issued_credentials", "id"))
            .field("action", .string, .required)
            .field("reason", .string, .required)
            .field("actor", .string, .required)
            .field("at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("credential_status_changes").delete()
    }
}
