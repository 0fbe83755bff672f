import Fluent

/// The platform's credential-signing keys (Ed25519). The private key is sealed with the data
/// key; a retired key stays here, published, so what it signed still verifies.
struct CreateIssuerKey: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("issuer_keys")
            .id()
            .field("kid", .string, .required)
            .field("public_x", .string, .required)
            .field("private_sealed", .string, .required)
            .field("created_at", .datetime, .required)
            .field("retired_at", .datetime)
            .unique(on: "kid")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("issuer_keys").delete()
    }
}
