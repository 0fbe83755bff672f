import Fluent

struct AddProgramSkillsTaught: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("programs").field("skills_taught", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("programs").deleteField("skills_taught").update()
    }
}
