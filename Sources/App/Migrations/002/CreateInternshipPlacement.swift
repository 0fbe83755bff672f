import Fluent

struct CreateInternshipPlacement: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("internship_placements")
            .id()
            .field("round_id", .uuid, .required, .references("internship_rounds", "id", onDelete: .cascade))
            .field("student_id", .uuid, .required, .references("students", "id", onDelete: .cascade))
            .field("post_id", .uuid, .references("internship_posts", "id", onDelete: .setNull))
            .field("enterprise_id", .uuid)
            .field("institution_id", .uuid, .required)
            .field("district_code", .string, .required)
            .field("choice_rank", .int64)
            .field("explanation", .string, .required)
            .unique(on: "round_id", "student_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("internship_placements").delete()
    }
}
