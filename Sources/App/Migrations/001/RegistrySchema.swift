import Fluent
import SQLKit

/// Columns every registry table starts with. The scope keys (district, institution,
/// enterprise) sit on every row so that a caller's scope is one predicate on one table, and
/// so that a distributed deployment can shard large tables by them.
extension SchemaBuilder {
    func registryColumns() -> SchemaBuilder {
        id()
            .field("district_code", .string, .required)
            .field("institution_id", .uuid)
            .field("enterprise_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
    }

    /// Encrypted identity document columns (see `PersonalDataVault`).
    func identityColumns() -> SchemaBuilder {
        field("document_kind", .string, .required)
            .field("id_cipher", .string, .required)
            .field("id_index", .string, .required)
            .field("id_masked", .string, .required)
            .unique(on: "id_index")
    }
}

extension Database {
    /// Secondary indexes that Fluent's schema builder cannot express.
    func createIndex(_ name: String, on table: String, _ columns: [String]) async throws {
        guard let sql = self as? any SQLDatabase else { return }
        var builder = sql.create(index: name).on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }
}
