import Fluent

/// The credit bank's rules as data: recognition rules, qualifications (award rules),
/// conversion rules, program transfer limits and the level alignment, each a JSON document
/// under a kind and a code, edited by the city.
struct CreateCreditRule: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("credit_rules")
            .id()
            .field("kind", .string, .required)
            .field("code", .string, .required)
            .field("body", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "kind", "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("credit_rules").delete()
    }
}
