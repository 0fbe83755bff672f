import Fluent

/// 技能等级认定: assessment sessions and their candidates with results.
struct CreateAssessmentSession: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("assessment_sessions")
            .id()
            .field("body_name", .string, .required)
            .field("certificate_code", .string, .required)
            .field("title", .string, .required)
            .field("level_framework", .string, .required)
            .field("level", .int, .required)
            .field("held_on", .string, .required)
            .field("validity_years", .int)
            .field("theory_mark", .int, .required)
            .field("practical_mark", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("assessment_candidates")
            .id()
            .field("session_id", .uuid, .required, .references("assessment_sessions", "id"))
            .field("learner_id", .uuid, .required, .references("credit_learners", "id"))
            .field("theory", .int)
            .field("practical", .int)
            .field("passed", .bool)
            .field("outcome_id", .uuid)
            .unique(on: "session_id", "learner_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("assessment_candidates").delete()
        try await database.schema("assessment_sessions").delete()
    }
}
