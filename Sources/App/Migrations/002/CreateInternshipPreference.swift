import Fluent

struct CreateInternshipPreference: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("internship_preferences")
            .id()
            .field("student_id", .uuid, .required, .references("students", "id", onDelete: .cascade))
            .field("post_id", .uuid, .required, .references("internship_posts", "id", onDelete: .cascade))
            .field("choice_rank", .int64, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "student_id", "post_id")
            .unique(on: "student_id", "choice_rank")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("internship_preferences").delete()
    }
}
