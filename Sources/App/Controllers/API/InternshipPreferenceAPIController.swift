import Fluent
import Registry
import SQLKit
import Vapor

/// `GET|PUT /api/v1/students/{id}/internship-preferences`: a student's ranked internship choices
/// (`InternshipChoiceStore`, shared with the learner's page).
enum InternshipPreferenceAPIController {
    struct Choices: Content {
        var postIds: [UUID]
    }

    struct StudentChoices: Content {
        var studentId: UUID
        var postIds: [UUID]
        var maxChoices: Int
    }

    static func store(_ req: Request) throws -> InternshipChoiceStore {
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        return InternshipChoiceStore(sql: sql, caller: try req.requireCaller().scope)
    }

    @Sendable static func show(req: Request) async throws -> StudentChoices {
        let store = try store(req)
        let id = try RegistryAPIController<StudentResource>.id(req)
        // A student the caller may read but whose choices are not theirs to see answers like a
        // missing one (a reviewer reads every student record, never their choices).
        try await store.requireStudent(id, forWriting: false)
        return StudentChoices(studentId: id, postIds: try await store.postIds(of: id), maxChoices: InternshipChoiceStore.maxChoices)
    }

    @Sendable static func replace(req: Request) async throws -> StudentChoices {
        let store = try store(req)
        let id = try RegistryAPIController<StudentResource>.id(req)
        try await store.requireStudent(id, forWriting: true)
        let body: Choices
        try req.checkDocumentedBody()
        do { body = try req.content.decode(Choices.self) } catch {
            throw AppError.validation([FieldError(field: "postIds", zh: "应为岗位ID列表", en: "must be a list of post ids")])
        }
        try await store.replace(body.postIds, of: id, req: req)
        return StudentChoices(studentId: id, postIds: body.postIds, maxChoices: InternshipChoiceStore.maxChoices)
    }
}
