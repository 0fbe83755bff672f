import Fluent
import SQLKit

/// The resource library (资源库): resources with their catalogue metadata and review state,
/// their versions (each a file in the content store, named by its SHA-256), and the search
/// index. Search tokens are made by the app (`LibrarySearchTokens`: Han bigrams, words) and
/// indexed by an FTS5 table on SQLite and a GIN-indexed `tsvector` on PostgreSQL, so both
/// databases find the same rows. Times are milliseconds since 1970.
struct CreateLibrary: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("library_resources")
            .id()
            .field("institution_id", .uuid, .references("institutions", "id"))
            .field("enterprise_id", .uuid, .references("enterprises", "id"))
            .field("contributor_id", .uuid, .required, .references("users", "id"))
            .field("contributor_name", .string, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            // Tags joined by newlines (a tag holds no newline).
            .field("tags", .string, .required)
            .field("program_code", .string)
            .field("occupation_code", .string)
            .field("level", .string)
            .field("language", .string, .required)
            .field("licence", .string, .required)
            .field("author", .string, .required)
            .field("link_url", .string)
            .field("status", .string, .required)
            .field("review_reason", .string)
            .field("reviewed_by_name", .string)
            .field("reviewed_at_ms", .int64)
            .field("current_version", .int, .required)
            .field("search_tokens", .string, .required)
            .field("created_at_ms", .int64, .required)
            .field("updated_at_ms", .int64, .required)
            .create()
        for (name, columns) in [("library_by_status", ["status", "updated_at_ms"]), ("library_by_institution", ["institution_id", "status"]),
                                ("library_by_enterprise", ["enterprise_id", "status"]), ("library_by_program", ["program_code"]),
                                ("library_by_occupation", ["occupation_code"]), ("library_by_kind", ["kind"])] {
            try await database.createIndex(name, on: "library_resources", columns)
        }

        try await database.schema("library_versions")
            .field("resource_id", .uuid, .required, .references("library_resources", "id"))
            .field("number", .int, .required)
            .field("sha256", .string, .required)
            .field("size", .int64, .required)
            .field("content_type", .string, .required)
            .field("file_name", .string, .required)
            .field("note", .string, .required)
            .field("uploaded_by_name", .string, .required)
            .field("created_at_ms", .int64, .required)
            .compositeIdentifier(over: "resource_id", "number")
            .create()
        try await database.createIndex("library_versions_by_sha", on: "library_versions", ["sha256"])

        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            try await sql.raw("ALTER TABLE library_resources ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''::tsvector").run()
            try await sql.raw("CREATE INDEX library_search ON library_resources USING GIN (search_vector)").run()
        } else {
            // The app's tokens are space-separated words: unicode61 takes them as they are.
            try await sql.raw("CREATE VIRTUAL TABLE library_search USING fts5(resource_id UNINDEXED, tokens, tokenize = 'unicode61 remove_diacritics 0')").run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase, sql.dialect.name != "postgresql" {
            try await sql.raw("DROP TABLE IF EXISTS library_search").run()
        }
        try await database.schema("library_versions").delete()
        try await database.schema("library_resources").delete()
    }
}
