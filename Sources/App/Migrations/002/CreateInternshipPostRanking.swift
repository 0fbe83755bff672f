import Fluent

struct CreateInternshipPostRanking: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("internship_post_rankings")
            .id()
            .field("post_id", .uuid, .required, .references("internship_posts", "id", onDelete: .cascade))
            .field("student_id", .uuid, .required, .references("students", "id", onDelete: .cascade))
            .field("position", .int64, .required)
            .unique(on: "post_id", "student_id")
            .unique(on: "post_id", "position")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("internship_post_rankings").delete()
    }
}
