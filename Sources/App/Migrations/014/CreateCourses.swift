import Fluent

/// Online courses from cmi5 packages (在线课程): the course (open, or for a school's class), its
/// versions (the package's bytes kept as imported), the assignable units of each version,
/// enrolments (one cmi5 registration per learner per course), AU sessions (one per launch,
/// with the digests of its one-time fetch token and of the auth token it hands out), the
/// cmi5-defined statements each session recorded, and each AU's progress per registration.
/// Times are milliseconds since 1970 (one type on both databases).
struct CreateCourses: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("courses")
            .id()
            .field("title", .string, .required)
            // open (公开课) or class (班级课)
            .field("kind", .string, .required)
            .field("institution_id", .uuid, .references("institutions", "id"))
            .field("class_program_code", .string)
            .field("class_enrolment_year", .int64)
            .field("owner_user_id", .uuid, .required, .references("users", "id"))
            .field("owner_name", .string, .required)
            .field("current_version_id", .uuid)
            .field("created_at_ms", .int64, .required)
            .create()

        try await database.schema("course_versions")
            .id()
            .field("course_id", .uuid, .required, .references("courses", "id"))
            .field("version", .int, .required)
            // The cmi5 course's publisher id (an IRI).
            .field("publisher_id", .string, .required)
            .field("file_name", .string, .required)
            .field("package_sha256", .string, .required)
            .field("package", .data, .required)
            .field("imported_by", .string, .required)
            .field("imported_at_ms", .int64, .required)
            .unique(on: "course_id", "version")
            .create()

        try await database.schema("course_aus")
            .field("version_id", .uuid, .required, .references("course_versions", "id"))
            .field("position", .int, .required)
            .field("publisher_id", .string, .required)
            .field("title", .string, .required)
            .field("url", .string, .required)
            .field("launch_method", .string, .required)
            .field("move_on", .string, .required)
            .field("mastery_score", .string)
            .compositeIdentifier(over: "version_id", "position")
            .create()

        try await database.schema("course_enrolments")
            .id()
            .field("course_id", .uuid, .required, .references("courses", "id"))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("student_id", .uuid)
            // The cmi5 registration: one per learner per course.
            .field("registration", .uuid, .required)
            .field("enrolled_at_ms", .int64, .required)
            .field("satisfied_at_ms", .int64)
            .unique(on: "course_id", "user_id")
            .unique(on: "registration")
            .create()

        try await database.schema("cmi5_sessions")
            .id()
            .field("enrolment_id", .uuid, .required, .references("course_enrolments", "id"))
            .field("version_id", .uuid, .required, .references("course_versions", "id"))
            .field("position", .int, .required)
            .field("activity_id", .string, .required)
            .field("launch_mode", .string, .required)
            .field("fetch_digest", .string, .required)
            .field("fetch_used", .bool, .required)
            .field("auth_key", .string, .required)
            .field("auth_digest", .string)
            // launched, initialized, terminated, abandoned
            .field("state", .string, .required)
            .field("launched_at_ms", .int64, .required)
            .field("expires_at_ms", .int64, .required)
            .unique(on: "fetch_digest")
            .unique(on: "auth_key")
            .create()
        try await database.createIndex("cmi5_sessions_by_enrolment", on: "cmi5_sessions", ["enrolment_id", "launched_at_ms"])

        try await database.schema("cmi5_session_statements")
            .field("session_id", .uuid, .required, .references("cmi5_sessions", "id"))
            .field("seq", .int, .required)
            .field("statement", .data, .required)
            .compositeIdentifier(over: "session_id", "seq")
            .create()

        try await database.schema("course_au_progress")
            .field("enrolment_id", .uuid, .required, .references("course_enrolments", "id"))
            .field("au_publisher_id", .string, .required)
            .field("completed", .bool, .required)
            .field("passed", .bool, .required)
            .field("waived", .bool, .required)
            .field("satisfied_at_ms", .int64)
            .compositeIdentifier(over: "enrolment_id", "au_publisher_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["course_au_progress", "cmi5_session_statements", "cmi5_sessions", "course_enrolments", "course_aus", "course_versions", "courses"] {
            try await database.schema(table).delete()
        }
    }
}
