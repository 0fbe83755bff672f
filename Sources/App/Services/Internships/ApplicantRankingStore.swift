import Foundation
import Registry
import SQLKit
import Vapor

/// An enterprise's own ranking of a post's applicants (企业对申请者排序), which replaces the default
/// rule for that post in the next round; read and replaced for the API and the enterprise's
/// page alike. The enterprise sees only who applied to its own posts, never their identity
/// numbers (security checklist B1).
struct ApplicantRankingStore: Sendable {
    let sql: any SQLDatabase
    let caller: CallerScope

    /// One student who listed the post among their choices.
    struct Applicant: Content, Equatable {
        var studentId: UUID
        var name: String
        var institutionCode: String
        var programCode: String
        /// Where the student placed this post in their choices (1 = first).
        var choiceRank: Int
        /// The enterprise's position for the student, when it has ranked them.
        var position: Int?
    }

    /// A post the caller may rank, with how many applied and how many it has ranked.
    struct PostLine: Sendable, Equatable {
        var id: UUID
        var title: String
        var enterprise: String
        var capacity: Int
        var periodStart: String
        var applicants: Int
        var ranked: Int
    }

    /// The post's title, when the caller may rank its applicants: a post outside the caller's
    /// reading scope is not found (404); one it may read but not rank is refused (403).
    @discardableResult
    func requirePost(_ id: UUID) async throws -> String {
        guard let found = try await RegistryReader<InternshipPostResource>(sql: sql, caller: caller).find(id) else { throw AppError.notFound }
        guard AccessPolicy.canRankInternshipApplicants(of: found.placement, caller: caller) else { throw AppError.forbidden }
        if case .string(let title)? = found.body.fields["title"] { return title }
        return ""
    }

    /// The post's applicants: ranked ones in the enterprise's order, then the rest by name.
    func applicants(of post: UUID) async throws -> [Applicant] {
        let ranked = try await positions(post)
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
        return items.sorted { a, b in
            switch (a.position, b.position) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return (a.name, a.studentId.uuidString) < (b.name, b.studentId.uuidString)
            }
        }
    }

    /// What is wrong with a ranking, each naming `studentIds`.
    func problems(_ studentIds: [UUID], post: UUID) async throws -> [FieldError] {
        if Set(studentIds).count != studentIds.count { return [FieldError(field: "studentIds", zh: "有重复的学生", en: "a student is listed twice")] }
        let applied = Set(try await sql.select().column("student_id").from("internship_preferences").where("post_id", .equal, post).all()
            .map { try $0.decode(column: "student_id", as: UUID.self) })
        if let stranger = studentIds.first(where: { !applied.contains($0) }) {
            return [FieldError(field: "studentIds", zh: "学生\(stranger.uuidString)未申请该岗位", en: "student \(stranger.uuidString) has not applied to this post")]
        }
        return []
    }

    /// Replaces the post's ranking with `studentIds` (first = most wanted), audited in the same transaction.
    func replace(_ studentIds: [UUID], post: UUID, req: Request) async throws {
        let problems = try await problems(studentIds, post: post)
        guard problems.isEmpty else { throw AppError.validation(problems) }
        try await req.audited { tx in
            guard let sql = tx as? any SQLDatabase else { throw Abort(.internalServerError) }
            try await sql.delete(from: "internship_post_rankings").where("post_id", .equal, post).run()
            if !studentIds.isEmpty {
                var insert = sql.insert(into: "internship_post_rankings").columns("id", "post_id", "student_id", "position")
                for (i, student) in studentIds.enumerated() { insert = insert.values(UUID(), post, student, i + 1) }
                try await insert.run()
            }
            return ((), req.auditEntry(action: "rank_applicants", entity: "internship-posts", recordID: post.uuidString, detail: "\(studentIds.count) ranked"))
        }
    }

    /// Every post the caller may rank, with its counts, by enterprise and title.
    func posts() async throws -> [PostLine] {
        let rows = try await sql.raw("""
            SELECT p.id, p.title, p.capacity, p.period_start, p.district_code, p.institution_id, p.enterprise_id, e.name AS enterprise,
                (SELECT COUNT(*) FROM internship_preferences x WHERE x.post_id = p.id) AS applicants,
                (SELECT COUNT(*) FROM internship_post_rankings y WHERE y.post_id = p.id) AS ranked
            FROM internship_posts p JOIN enterprises e ON e.id = p.enterprise_id
            WHERE \(ScopeSQL.predicate(AccessPolicy.readFilter(.internshipPost, for: caller), table: "p"))
            ORDER BY e.name, p.title, p.period_start
            """).all()
        return try rows.compactMap { row in
            let placement = RecordPlacement(districtCode: try row.decode(column: "district_code", as: String.self),
                                            institutionID: try row.decode(column: "institution_id", as: UUID?.self),
                                            enterpriseID: try row.decode(column: "enterprise_id", as: UUID?.self),
                                            recordID: try row.decode(column: "id", as: UUID.self))
            guard AccessPolicy.canRankInternshipApplicants(of: placement, caller: caller) else { return nil }
            return PostLine(id: try row.decode(column: "id", as: UUID.self), title: try row.decode(column: "title", as: String.self),
                            enterprise: try row.decode(column: "enterprise", as: String.self), capacity: try row.decode(column: "capacity", as: Int.self),
                            periodStart: try row.decode(column: "period_start", as: String.self),
                            applicants: try row.decode(column: "applicants", as: Int.self), ranked: try row.decode(column: "ranked", as: Int.self))
        }
    }

    /// The schools' names by code, for the applicants' table.
    func schoolNames(_ codes: Set<String>) async throws -> [String: String] {
        var names: [String: String] = [:]
        for chunk in Array(codes).chunked(500) where !chunk.isEmpty {
            for row in try await sql.select().columns("code", "name").from("institutions").where("code", .in, Array(chunk)).all() {
                names[try row.decode(column: "code", as: String.self)] = try row.decode(column: "name", as: String.self)
            }
        }
        return names
    }

    func positions(_ post: UUID) async throws -> [UUID: Int] {
        var positions: [UUID: Int] = [:]
        for row in try await sql.select().columns("student_id", "position").from("internship_post_rankings").where("post_id", .equal, post).all() {
            positions[try row.decode(column: "student_id", as: UUID.self)] = try row.decode(column: "position", as: Int.self)
        }
        return positions
    }
}
