import Fluent
import SQLKit

/// The audit chain by entity in sequence order: the newest change to one kind of record
/// (`MAX(seq) WHERE entity = …`, which keys the library's search index) is then one index
/// lookup instead of a scan of the whole chain.
struct AddAuditEntityIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.createIndex("audit_events_by_entity", on: "audit_events", ["entity", "seq"])
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "audit_events_by_entity").run()
    }
}
