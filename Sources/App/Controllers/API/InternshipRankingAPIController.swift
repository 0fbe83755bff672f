import Fluent
import Registry
import SQLKit
import Vapor

/// An enterprise's own ranking of a post's applicants, which replaces the default rule for that
/// post in the next round. The enterprise sees only who applied to its own posts, never their
/// identity numbers (security checklist B1).
enum InternshipRankingAPIController {
    struct Applicant: Content {
        var studentId: UUID
        var name: String
        var institutionCode: String
        var programCode: String
        /// Where the student placed this post in their choices (1 = first).
        var choiceRank: Int
        /// The enterprise's position for the student, when it has ranked them.
        var position: Int?
    }

    struct Applicants: Content {
        var postId: UUID
        var items: [Applicant]
    }

    struct Ranking: Content {
        var studentIds: [UUID]
    }

    @Sendable static func applicants(req: Request) async throws -> Applicants {
        let (post, sql) = try await ownedPost(req)
        let ranked = try await positions(post, sql)
        let rows = try await sql.raw("""
            SELECT p.student_id, p.choice_rank, s.name, s.institution_code, s.program_code
            FROM internship_preferences p JOIN students s ON s.id = p.student_id
            WHERE p.post_id = \(bind: post) ORDER BY p.student_id
            """).all()
        let items = try rows.map { row in
            let student = try row.decode(column: "student_id", as: UUID.self)
            return Applicant(
                studentId: student, name: try row.decode(column: "name", as: String.self),
                institutionCode: try row.decode(column: "institution_code", as: String.self), programCode: try row.decode(column: "program_code", as: String.self),
                choiceRank: try row.decode(column: "choice_rank", as: Int.self), position: ranked[student]
            )
        }
        return Applicants(postId: post, items: items)
    }

    @Sendable static func replace(req: Request) async throws -> Applicants {
        let (post, sql) = try await ownedPost(req)
        let body: Ranking
        try req.checkDocumentedBody()
        do { body = try req.content.decode(Ranking.self) } catch {
            throw AppError.validation([FieldError(field: "studentIds", zh: "应为学生ID列表", en: "must be a list of student ids")])
        }
        guard Set(body.studentIds).count == body.studentIds.count else {
            throw AppError.validation([FieldError(field: "studentIds", zh: "有重复的学生", en: "a student is listed twice")])
        }
        let applied = Set(try await sql.select().column("student_id").from("internship_preferences").where("post_id", .equal, post).all()
            .map { try $0.decode(column: "student_id", as: UUID.self) })
        if let stranger = body.studentIds.first(where: { !applied.contains($0) }) {
            throw AppError.validation([FieldError(field: "studentIds", zh: "学生\(stranger.uuidString)未申请该岗位", en: "student \(stranger.uuidString) has not applied to this post")])
        }
        try await req.audited { tx in
            guard let sql = tx as? any SQLDatabase else { throw Abort(.internalServerError) }
            try await sql.delete(from: "internship_post_rankings").where("post_id", .equal, post).run()
            if !body.studentIds.isEmpty {
                var insert = sql.insert(into: "internship_post_rankings").columns("id", "post_id", "student_id", "position")
                for (i, student) in body.studentIds.enumerated() { insert = insert.values(UUID(), post, student, i + 1) }
                try await insert.run()
            }
            return ((), req.auditEntry(action: "rank_applicants", entity: "internship-posts", recordID: post.uuidString, detail: "\(body.studentIds.count) ranked"))
        }
        return try await applicants(req: req)
    }

    /// The post, if the caller may manage it (its enterprise, the city, the district).
    static func ownedPost(_ req: Request) async throws -> (UUID, any SQLDatabase) {
        let caller = try req.requireCaller()
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let id = try RegistryAPIController<InternshipPostResource>.id(req)
        guard let found = try await RegistryReader<InternshipPostResource>(sql: sql, caller: caller.scope).find(id) else { throw AppError.notFound }
        guard AccessPolicy.canRankInternshipApplicants(of: found.placement, caller: caller.scope) else { throw AppError.forbidden }
        return (id, sql)
    }

    static func positions(_ post: UUID, _ sql: any SQLDatabase) async throws -> [UUID: Int] {
        var positions: [UUID: Int] = [:]
        for row in try await sql.select().columns("student_id", "position").from("internship_post_rankings").where("post_id", .equal, post).all() {
            positions[try row.decode(column: "student_id", as: UUID.self)] = try row.decode(column: "position", as: Int.self)
        }
        return positions
    }
}
