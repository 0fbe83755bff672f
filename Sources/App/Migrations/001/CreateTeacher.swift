import Fluent

struct CreateTeacher: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("teachers")
            .registryColumns()
            .field("institution_code", .string, .required)
            .field("staff_no", .string, .required)
            .field("name", .string, .required)
            .identityColumns()
            .field("sex", .string, .required)
            .field("teaches_professional_courses", .bool, .required)
            .field("dual_qualified", .bool, .required)
            .field("enterprise_part_time", .bool, .required)
            .field("title_level", .string, .required)
            .foreignKey("institution_id", references: "institutions", "id", onDelete: .restrict)
            .unique(on: "institution_id", "staff_no")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("teachers").delete()
    }
}
