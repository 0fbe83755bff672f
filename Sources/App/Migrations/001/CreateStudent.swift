import Fluent

struct CreateStudent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("students")
            .registryColumns()
            .field("institution_code", .string, .required)
            .field("student_no", .string, .required)
            .field("name", .string, .required)
            .identityColumns()
            .field("sex", .string, .required)
            .field("program_code", .string, .required)
            .field("program_id", .uuid, .required, .references("programs", "id", onDelete: .restrict))
            .field("level", .string, .required)
            .field("enrolment_year", .int64, .required)
            .field("origin", .string, .required)
            .foreignKey("institution_id", references: "institutions", "id", onDelete: .restrict)
            // Leads with the institution: the distribution key of the largest table.
            .unique(on: "institution_id", "student_no")
            .create()
        try await database.createIndex("students_district", on: "students", ["district_code"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("students").delete()
    }
}
