import Fluent

/// The learning record store (学习记录库, xAPI): its clients, statements with the index tables
/// the query filters seek by, attachments, documents (state and profiles) and activities.
///
/// Statements are numbered by `seq` in the order stored: the keyset the `more` cursor seeks by.
/// The agent and activity tables hold one row per (key, statement), `related` false for the
/// actor/object and true for any other mention, so a filter reads one index range in order.
struct CreateLearningRecordStore: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("lrs_clients")
            .id()
            .field("api_key", .string, .required)
            .field("secret_digest", .string, .required)
            .field("name", .string, .required)
            .field("institution_id", .uuid, .references("institutions", "id"))
            .field("scope", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "api_key")
            .create()

        try await database.schema("lrs_statements")
            .field("seq", .int64, .identifier(auto: true))
            .field("statement_id", .uuid, .required)
            .field("stored", .datetime, .required)
            .field("verb_id", .string, .required)
            .field("registration", .uuid)
            .field("voided", .bool, .required)
            .field("voids", .uuid)
            .field("refers_to", .uuid)
            .field("client_id", .uuid, .required)
            .field("institution_id", .uuid)
            .field("learner_id", .uuid)
            .field("document", .string, .required)
            .field("attachment_hashes", .string)
            .unique(on: "statement_id")
            .create()
        try await database.createIndex("lrs_statements_by_verb", on: "lrs_statements", ["verb_id", "seq"])
        try await database.createIndex("lrs_statements_by_registration", on: "lrs_statements", ["registration", "seq"])
        try await database.createIndex("lrs_statements_by_institution", on: "lrs_statements", ["institution_id", "seq"])
        try await database.createIndex("lrs_statements_by_client", on: "lrs_statements", ["client_id", "seq"])
        try await database.createIndex("lrs_statements_by_learner", on: "lrs_statements", ["learner_id", "seq"])
        try await database.createIndex("lrs_statements_by_stored", on: "lrs_statements", ["stored"])
        try await database.createIndex("lrs_statements_by_reference", on: "lrs_statements", ["refers_to"])

        try await database.schema("lrs_statement_agents")
            .field("agent_key", .string, .required)
            .field("seq", .int64, .required)
            .field("related", .bool, .required)
            .compositeIdentifier(over: "agent_key", "seq")
            .create()
        try await database.createIndex("lrs_statement_agents_by_statement", on: "lrs_statement_agents", ["seq"])

        try await database.schema("lrs_statement_activities")
            .field("activity_id", .string, .required)
            .field("seq", .int64, .required)
            .field("related", .bool, .required)
            .compositeIdentifier(over: "activity_id", "seq")
            .create()
        try await database.createIndex("lrs_statement_activities_by_statement", on: "lrs_statement_activities", ["seq"])

        try await database.schema("lrs_attachments")
            .field("sha2", .string, .identifier(auto: false))
            .field("content_type", .string, .required)
            .field("length", .int64, .required)
            .field("content", .data, .required)
            .create()

        try await database.schema("lrs_documents")
            .id()
            .field("owner", .string, .required)
            .field("kind", .string, .required)
            .field("activity_id", .string, .required)
            .field("agent_key", .string, .required)
            .field("registration", .string, .required)
            .field("document_id", .string, .required)
            .field("content_type", .string, .required)
            .field("content", .data, .required)
            .field("etag", .string, .required)
            .field("updated", .datetime, .required)
            .unique(on: "owner", "kind", "activity_id", "agent_key", "registration", "document_id")
            .create()

        try await database.schema("lrs_activities")
            .field("activity_id", .string, .identifier(auto: false))
            .field("definition", .string, .required)
            .field("updated", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["lrs_activities", "lrs_documents", "lrs_attachments", "lrs_statement_activities", "lrs_statement_agents", "lrs_statements", "lrs_clients"] {
            try await database.schema(table).delete()
        }
    }
}
