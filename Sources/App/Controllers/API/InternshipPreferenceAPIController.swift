import Fluent
import Registry
import SQLKit
import Vapor

/// `GET|PUT /api/v1/students/{id}/internship-preferences`: a student's ranked internship choices.
/// The learner sets their own; the school administrator and the city may set them for students
/// in scope (for schools that collect choices on paper).
enum InternshipPreferenceAPIController {
    struct Choices: Content {
        var postIds: [UUID]
    }

    struct StudentChoices: Content {
        var studentId: UUID
        var postIds: [UUID]
        var maxChoices: Int
    }

    static var maxChoices: Int { Environment.get("ZHIJIAO_MAX_CHOICES").flatMap(Int.init) ?? 10 }

    @Sendable static func show(req: Request) async throws -> StudentChoices {
        let caller = try req.requireCaller()
        guard AccessPolicy.mayReadInternshipPreferences(caller: caller.scope) else { throw AppError.forbidden }
        let id = try RegistryAPIController<StudentResource>.id(req)
        // A student the caller may read but whose choices are not theirs to see answers like a
        // missing one (a reviewer reads every student record, never their choices).
        guard let sql = req.db as? any SQLDatabase, let student = try await RegistryReader<StudentResource>(sql: sql, caller: caller.scope).find(id),
              AccessPolicy.canReadInternshipPreferences(of: student.placement, caller: caller.scope) else {
            throw AppError.notFound
        }
        let rows = try await sql.select().column("post_id").from("internship_preferences").where("student_id", .equal, id).orderBy("choice_rank").all()
        return StudentChoices(studentId: id, postIds: try rows.map { try $0.decode(column: "post_id", as: UUID.self) }, maxChoices: maxChoices)
    }

    @Sendable static func replace(req: Request) async throws -> StudentChoices {
        let caller = try req.requireCaller()
        guard AccessPolicy.maySetInternshipPreferences(caller: caller.scope) else { throw AppError.forbidden }
        let id = try RegistryAPIController<StudentResource>.id(req)
        guard let sql = req.db as? any SQLDatabase, let student = try await RegistryReader<StudentResource>(sql: sql, caller: caller.scope).find(id),
              AccessPolicy.canSetInternshipPreferences(of: student.placement, caller: caller.scope) else {
            throw AppError.notFound
        }
        let body: Choices
        try req.checkDocumentedBody()
        do { body = try req.content.decode(Choices.self) } catch {
            throw AppError.validation([FieldError(field: "postIds", zh: "应为岗位ID列表", en: "must be a list of post ids")])
        }
        guard body.postIds.count <= maxChoices else {
            throw AppError.validation([FieldError(field: "postIds", zh: "最多填报\(maxChoices)个志愿", en: "at most \(maxChoices) choices")])
        }
        guard Set(body.postIds).count == body.postIds.count else {
            throw AppError.validation([FieldError(field: "postIds", zh: "志愿中有重复岗位", en: "a post is listed twice")])
        }
        var known: Set<UUID> = []
        for chunk in body.postIds.chunked(500) where !chunk.isEmpty {
            for row in try await sql.select().column("id").from("internship_posts").where("id", .in, Array(chunk)).all() {
                known.insert(try row.decode(column: "id", as: UUID.self))
            }
        }
        if let missing = body.postIds.first(where: { !known.contains($0) }) {
            throw AppError.validation([FieldError(field: "postIds", zh: "岗位\(missing.uuidString)不存在", en: "no post \(missing.uuidString)")])
        }
        try await req.audited { tx in
            guard let sql = tx as? any SQLDatabase else { throw Abort(.internalServerError) }
            try await sql.delete(from: "internship_preferences").where("student_id", .equal, id).run()
            if !body.postIds.isEmpty {
                var insert = sql.insert(into: "internship_preferences").columns("id", "student_id", "post_id", "choice_rank", "created_at")
                for (rank, post) in body.postIds.enumerated() { insert = insert.values(UUID(), id, post, rank + 1, Date()) }
                try await insert.run()
            }
            return ((), req.auditEntry(action: "set_internship_choices", entity: "students", recordID: id.uuidString, detail: "\(body.postIds.count) choices"))
        }
        return StudentChoices(studentId: id, postIds: body.postIds, maxChoices: maxChoices)
    }
}
