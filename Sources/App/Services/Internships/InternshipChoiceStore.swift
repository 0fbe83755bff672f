import Foundation
import Registry
import SQLKit
import Vapor

/// A student's ranked internship choices (实习志愿), read, checked and replaced for the API and
/// the learner's page alike. The learner sets their own; a school administrator or the city may
/// set them for a student in scope (schools that collect choices on paper).
struct InternshipChoiceStore: Sendable {
    let sql: any SQLDatabase
    let caller: CallerScope

    /// A post a student may put among their choices, as the form lists it.
    struct PostOption: Sendable, Equatable {
        var id: UUID
        var title: String
        var enterprise: String
        var capacity: Int
        var periodStart: String
        var periodEnd: String
    }

    /// The latest published round's answer for one student (实习分配结果).
    struct Outcome: Sendable {
        var round: String
        var publishedAt: Date?
        var postId: UUID?
        var choiceRank: Int?
        var higherChoices: [InternshipRoundAPIController.HigherChoice]
    }

    static var maxChoices: Int { Environment.get("ZHIJIAO_MAX_CHOICES").flatMap(Int.init) ?? 10 }

    /// Whether the student's choices are the caller's to read (or, `forWriting`, to set): a
    /// role that may never is refused (403); a student outside the caller's scope is not found.
    func requireStudent(_ id: UUID, forWriting: Bool) async throws {
        let mayAtAll = forWriting ? AccessPolicy.maySetInternshipPreferences(caller: caller) : AccessPolicy.mayReadInternshipPreferences(caller: caller)
        guard mayAtAll else { throw AppError.forbidden }
        guard let student = try await RegistryReader<StudentResource>(sql: sql, caller: caller).find(id) else { throw AppError.notFound }
        let allowed = forWriting
            ? AccessPolicy.canSetInternshipPreferences(of: student.placement, caller: caller)
            : AccessPolicy.canReadInternshipPreferences(of: student.placement, caller: caller)
        guard allowed else { throw AppError.notFound }
    }

    /// The student's choices, first choice first.
    func postIds(of student: UUID) async throws -> [UUID] {
        try await sql.select().column("post_id").from("internship_preferences").where("student_id", .equal, student).orderBy("choice_rank").all()
            .map { try $0.decode(column: "post_id", as: UUID.self) }
    }

    /// What is wrong with a list of choices, each naming `postIds`.
    func problems(_ postIds: [UUID]) async throws -> [FieldError] {
        let max = Self.maxChoices
        if postIds.count > max { return [FieldError(field: "postIds", zh: "最多填报\(max)个志愿", en: "at most \(max) choices")] }
        if Set(postIds).count != postIds.count { return [FieldError(field: "postIds", zh: "志愿中有重复岗位", en: "a post is listed twice")] }
        var known: Set<UUID> = []
        for chunk in postIds.chunked(500) where !chunk.isEmpty {
            for row in try await sql.select().column("id").from("internship_posts").where("id", .in, Array(chunk)).all() {
                known.insert(try row.decode(column: "id", as: UUID.self))
            }
        }
        if let missing = postIds.first(where: { !known.contains($0) }) {
            return [FieldError(field: "postIds", zh: "岗位\(missing.uuidString)不存在", en: "no post \(missing.uuidString)")]
        }
        return []
    }

    /// Replaces the student's choices with `postIds`, audited in the same transaction.
    func replace(_ postIds: [UUID], of student: UUID, req: Request) async throws {
        let problems = try await problems(postIds)
        guard problems.isEmpty else { throw AppError.validation(problems) }
        try await req.audited { tx in
            guard let sql = tx as? any SQLDatabase else { throw Abort(.internalServerError) }
            try await sql.delete(from: "internship_preferences").where("student_id", .equal, student).run()
            if !postIds.isEmpty {
                var insert = sql.insert(into: "internship_preferences").columns("id", "student_id", "post_id", "choice_rank", "created_at")
                for (rank, post) in postIds.enumerated() { insert = insert.values(UUID(), student, post, rank + 1, Date()) }
                try await insert.run()
            }
            return ((), req.auditEntry(action: "set_internship_choices", entity: "students", recordID: student.uuidString, detail: "\(postIds.count) choices"))
        }
    }

    /// Every post the caller may read, by enterprise and title: what the choice form offers.
    func posts() async throws -> [PostOption] {
        let rows = try await sql.select()
            .column(SQLColumn("id", table: "p")).column(SQLColumn("title", table: "p")).column(SQLColumn("capacity", table: "p"))
            .column(SQLColumn("period_start", table: "p")).column(SQLColumn("period_end", table: "p"))
            .column(SQLColumn("name", table: "e"), as: "enterprise")
            .from(SQLAlias(SQLIdentifier("internship_posts"), as: SQLIdentifier("p")))
            .join(SQLAlias(SQLIdentifier("enterprises"), as: SQLIdentifier("e")), on: SQLColumn("enterprise_id", table: "p"), .equal, SQLColumn("id", table: "e"))
            .where(ScopeSQL.predicate(AccessPolicy.readFilter(.internshipPost, for: caller), table: "p"))
            .orderBy(SQLColumn("name", table: "e")).orderBy(SQLColumn("title", table: "p"))
            .all()
        return try rows.map { row in
            PostOption(id: try row.decode(column: "id", as: UUID.self), title: try row.decode(column: "title", as: String.self),
                       enterprise: try row.decode(column: "enterprise", as: String.self), capacity: try row.decode(column: "capacity", as: Int.self),
                       periodStart: try row.decode(column: "period_start", as: String.self), periodEnd: try row.decode(column: "period_end", as: String.self))
        }
    }

    /// The student's placement in the latest published round, or nil before any is published.
    func latestOutcome(of student: UUID) async throws -> Outcome? {
        guard let row = try await sql.raw("""
            SELECT r.name, r.published_at, p.post_id, p.choice_rank, p.explanation FROM internship_placements p
            JOIN internship_rounds r ON r.id = p.round_id
            WHERE p.student_id = \(bind: student) AND r.status = 'published' ORDER BY r.published_at DESC LIMIT 1
            """).first() else { return nil }
        return Outcome(round: try row.decode(column: "name", as: String.self), publishedAt: try row.decode(column: "published_at", as: Date?.self),
                       postId: try row.decode(column: "post_id", as: UUID?.self), choiceRank: try row.decode(column: "choice_rank", as: Int?.self),
                       higherChoices: InternshipRoundAPIController.HigherChoice.list(try row.decode(column: "explanation", as: String.self)))
    }
}
