import Fluent

/// Progress reports on work-list tasks, their evidence files and the city's reviews.
struct CreateWorkReport: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("work_reports")
            .id()
            .field("task_id", .string, .required)
            .field("unit", .string, .required)
            .field("text", .string, .required)
            .field("percent", .int, .required)
            .field("submitted_by", .uuid, .required)
            .field("submitted_at", .datetime, .required)
            .field("review", .string, .required)
            .field("review_comment", .string)
            .field("reviewed_by", .uuid)
            .field("reviewed_at", .datetime)
            .create()
        try await database.createIndex("work_reports_by_task", on: "work_reports", ["task_id", "submitted_at"])
        try await database.schema("work_evidence")
            .id()
            .field("report_id", .uuid, .required, .references("work_reports", "id"))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("sha256", .string, .required)
            .field("size", .int64, .required)
            .field("content", .data, .required)
            .create()
        try await database.createIndex("work_evidence_by_report", on: "work_evidence", ["report_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("work_evidence").delete()
        try await database.schema("work_reports").delete()
    }
}
