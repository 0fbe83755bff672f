import Fluent
import Registry
import SQLKit
import Vapor

/// `GET|PUT /api/v1/internship-posts/{id}/applicants`: an enterprise's own ranking of a post's
/// applicants (`ApplicantRankingStore`, shared with the enterprise's page).
enum InternshipRankingAPIController {
    typealias Applicant = ApplicantRankingStore.Applicant

    struct Applicants: Content {
        var postId: UUID
        var items: [Applicant]
    }

    struct Ranking: Content {
        var studentIds: [UUID]
    }

    static func store(_ req: Request) throws -> ApplicantRankingStore {
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        return ApplicantRankingStore(sql: sql, caller: try req.requireCaller().scope)
    }

    @Sendable static func applicants(req: Request) async throws -> Applicants {
        let store = try store(req)
        let post = try RegistryAPIController<InternshipPostResource>.id(req)
        try await store.requirePost(post)
        return Applicants(postId: post, items: try await store.applicants(of: post))
    }

    @Sendable static func replace(req: Request) async throws -> Applicants {
        let store = try store(req)
        let post = try RegistryAPIController<InternshipPostResource>.id(req)
        try await store.requirePost(post)
        let body: Ranking
        try req.checkDocumentedBody()
        do { body = try req.content.decode(Ranking.self) } catch {
            throw AppError.validation([FieldError(field: "studentIds", zh: "应为学生ID列表", en: "must be a list of student ids")])
        }
        try await store.replace(body.studentIds, post: post, req: req)
        return Applicants(postId: post, items: try await store.applicants(of: post))
    }
}
