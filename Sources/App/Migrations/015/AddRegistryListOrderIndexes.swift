import Fluent
import SQLKit

/// Indexes in the order registry lists are read: a list is ordered by `created_at, id` (the order
/// records were added in) within the caller's scope, so without an index in that order every
/// page of a large table scanned and sorted every row in scope (131 ms a page for the city's
/// 500,000 students; 0.7 ms with one). One index per scope key a list is filtered by; each
/// supersedes the single-column scope index it leads with, which is dropped.
///
/// The tables are named here rather than taken from the registry's resource list: a migration
/// must do the same thing however the resources change later.
struct AddRegistryListOrderIndexes: AsyncMigration {
    static let tables = [
        "institutions", "program_clusters", "programs", "teachers", "students", "enterprises", "training_bases",
        "internship_posts", "labour_demands", "occupation_mappings", "program_years", "cooperation_agreements",
        "negative_list_entries", "designations", "spendings",
    ]
    /// Tables whose rows an enterprise owns (the enterprise scope filters them).
    static let enterpriseOwned = ["enterprises", "training_bases", "internship_posts", "labour_demands", "cooperation_agreements", "designations"]
    /// Single-column scope indexes that the new ones lead with: name → (table, column).
    static let superseded: [(name: String, table: String, column: String)] = [
        ("institutions_district", "institutions", "district_code"),
        ("students_district", "students", "district_code"),
        ("enterprises_district", "enterprises", "district_code"),
        ("internship_posts_district", "internship_posts", "district_code"),
        ("labour_demands_enterprise", "labour_demands", "enterprise_id"),
    ]

    static func indexes() -> [(name: String, table: String, columns: [String])] {
        tables.flatMap { table in
            var scopes: [(suffix: String, lead: [String])] = [("in_order", []), ("by_district_in_order", ["district_code"]), ("by_institution_in_order", ["institution_id"])]
            if enterpriseOwned.contains(table) { scopes.append(("by_enterprise_in_order", ["enterprise_id"])) }
            return scopes.map { ("\(table)_\($0.suffix)", table, $0.lead + ["created_at", "id"]) }
        }
    }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes() {
            try await database.createIndex(index.name, on: index.table, index.columns)
        }
        for old in Self.superseded {
            try await sql.drop(index: old.name).run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for old in Self.superseded {
            try await database.createIndex(old.name, on: old.table, [old.column])
        }
        for index in Self.indexes() {
            try await sql.drop(index: index.name).run()
        }
    }
}
