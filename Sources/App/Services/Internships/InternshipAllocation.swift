import Fluent
import Foundation
import Matching
import SQLKit
import Vapor

/// Runs an allocation round: reads every internship post and every student's ranked choices,
/// ranks each post's applicants, computes the stable matching, proves it stable, explains
/// every student's result and saves the round as a draft.
///
/// A post's applicants are ranked by its enterprise's own ranking where it has given one
/// (applicants it left out are not acceptable to it); otherwise by the default rule: an applicant whose program is one the post asks for (or any
/// program, when the post names none) scores 100; an applicant whose school is in the post's
/// district scores 10 more; ties are broken by `ApplicantRanking.tieBreak(seed:id:)`, so the
/// same seed always gives the same round.
struct InternshipAllocation {
    let db: any Database
    var progress: (@Sendable (String) -> Void)?
    /// The audit row that records the run, appended in the transaction that saves it.
    var audit: (@Sendable (Summary) -> AuditLog.Entry)?

    struct Summary: Content, Equatable {
        var id: UUID
        var name: String
        var seed: Int
        var optimal: String
        var status: String
        var students: Int
        var placed: Int
        var places: Int
        var createdAt: Date
        var publishedAt: Date?
        /// Who ran the round, and who published it (account names, as the audit log has them).
        var createdBy: String?
        var publishedBy: String?
    }

    static let rule = ApplicantRanking(programMatchWeight: 100, gradeWeight: 0, distanceWeight: 1)

    func run(name: String, seed: UInt64, optimal: OptimalSide, actor: String) async throws -> Summary {
        guard let sql = db as? any SQLDatabase else { throw AppError.badRequest(zh: "数据库不支持SQL", en: "database is not SQL") }
        progress?("读取岗位 reading posts")
        struct Post { var id: UUID; var enterprise: UUID?; var capacity: Int; var programs: Set<String>; var district: String }
        let posts = try await sql.select().columns("id", "enterprise_id", "capacity", "program_codes", "district_code").from("internship_posts").orderBy("id").all().map {
            Post(id: try $0.decode(column: "id", as: UUID.self), enterprise: try $0.decode(column: "enterprise_id", as: UUID?.self),
                 capacity: try $0.decode(column: "capacity", as: Int.self),
                 programs: Set((try $0.decode(column: "program_codes", as: String?.self) ?? "").split(separator: ";").map(String.init)),
                 district: try $0.decode(column: "district_code", as: String.self))
        }
        progress?("读取志愿 reading choices")
        struct Applicant { var id: UUID; var program: String; var district: String; var institution: UUID }
        let students = try await sql.raw("""
            SELECT id, program_code, district_code, institution_id FROM students
            WHERE id IN (SELECT student_id FROM internship_preferences) ORDER BY id
            """).all().map {
            Applicant(id: try $0.decode(column: "id", as: UUID.self), program: try $0.decode(column: "program_code", as: String.self),
                      district: try $0.decode(column: "district_code", as: String.self), institution: try $0.decode(column: "institution_id", as: UUID.self))
        }
        let studentIndex = Dictionary(uniqueKeysWithValues: students.enumerated().map { ($1.id, $0) })
        let postIndex = Dictionary(uniqueKeysWithValues: posts.enumerated().map { ($1.id, $0) })
        var choices = [[Int]](repeating: [], count: students.count)
        for row in try await sql.select().columns("student_id", "post_id").from("internship_preferences").orderBy("student_id").orderBy("choice_rank").all() {
            guard let s = studentIndex[try row.decode(column: "student_id", as: UUID.self)], let p = postIndex[try row.decode(column: "post_id", as: UUID.self)] else { continue }
            choices[s].append(p)
        }
        progress?("排序申请人 ranking applicants")
        var applicants = [[ApplicantRanking.Applicant]](repeating: [], count: posts.count)
        for (s, list) in choices.enumerated() {
            for p in list {
                let post = posts[p], student = students[s]
                applicants[p].append(.init(
                    studentID: student.id.uuidString, programMatches: post.programs.isEmpty || post.programs.contains(student.program),
                    grade: 0, distanceKilometres: post.district == student.district ? -10 : 0
                ))
            }
        }
        var explicit = [[Int]](repeating: [], count: posts.count)
        var hasExplicit = [Bool](repeating: false, count: posts.count)
        for row in try await sql.select().columns("post_id", "student_id").from("internship_post_rankings").orderBy("post_id").orderBy("position").all() {
            guard let p = postIndex[try row.decode(column: "post_id", as: UUID.self)] else { continue }
            hasExplicit[p] = true
            if let s = studentIndex[try row.decode(column: "student_id", as: UUID.self)] { explicit[p].append(s) }
        }
        let rankings = applicants.enumerated().map { p, list in
            hasExplicit[p] ? explicit[p] : Self.rule.rank(list, seed: seed).compactMap { UUID(uuidString: $0).flatMap { studentIndex[$0] } }
        }
        progress?("匹配 matching")
        let instance = try MatchingInstance(studentChoices: choices, postRanking: rankings, capacities: posts.map(\.capacity))
        let matching = DeferredAcceptance.solve(instance, optimal: optimal)
        let violations = StabilityCheck.violations(matching, in: instance)
        guard violations.isEmpty else { throw AllocationError.unstable(violations.count) }
        let explanations = PlacementExplanation.explain(matching, in: instance)

        progress?("保存 saving")
        let roundID = UUID()
        let now = Date()
        let chosen = choices
        let placed = students.count - matching.unmatchedStudents.count
        let summary = Summary(id: roundID, name: name, seed: Int(truncatingIfNeeded: seed), optimal: optimal.rawValue, status: "draft",
                              students: students.count, placed: placed, places: posts.reduce(0) { $0 + $1.capacity }, createdAt: now, publishedAt: nil, createdBy: actor, publishedBy: nil)
        let audit = audit
        try await WriteGate.shared.records(on: db) { tx in
            guard let sql = tx as? any SQLDatabase else { return }
            try await sql.insert(into: "internship_rounds")
                .columns("id", "name", "seed", "optimal", "status", "students", "placed", "places", "created_by", "created_at")
                .values(roundID, name, summary.seed, summary.optimal, "draft", summary.students, placed, summary.places, actor, now)
                .run()
            for chunk in Array(students.indices).chunked(1_000) {
                var insert = sql.insert(into: "internship_placements")
                    .columns("id", "round_id", "student_id", "post_id", "enterprise_id", "institution_id", "district_code", "choice_rank", "explanation")
                for s in chunk {
                    let p = Int(matching.postOfStudent[s])
                    let post = p >= 0 ? posts[p] : nil
                    let choiceRank = post.flatMap { _ in chosen[s].firstIndex(of: p).map { $0 + 1 } }
                    let explanation = explanations[s].higherChoices.map { ["postId": posts[$0.post].id.uuidString, "reason": $0.reason.rawValue] }
                    let text = String(decoding: try JSONSerialization.data(withJSONObject: explanation, options: [.sortedKeys]), as: UTF8.self)
                    insert = insert.values(UUID(), roundID, students[s].id, post?.id, post?.enterprise, students[s].institution, students[s].district, choiceRank, text)
                }
                try await insert.run()
            }
            if let audit { try await AuditLog().append(audit(summary), on: tx) }
        }
        return summary
    }

    enum AllocationError: Error, CustomStringConvertible {
        case unstable(Int)
        var description: String { "the allocation has \(self) blocking pairs; nothing was saved" }
    }
}
