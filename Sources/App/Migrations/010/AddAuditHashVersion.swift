import Fluent

/// Rows written from now on hash length-prefixed fields (version 2): with a bare separator,
/// moving a separator character between two adjacent fields kept the hash. Existing rows keep
/// version 1 so the chain they form still verifies.
struct AddAuditHashVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_events")
            .field("hash_version", .int, .required, .sql(.default(1)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_events").deleteField("hash_version").update()
    }
}
