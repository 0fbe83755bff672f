import Fluent
import Foundation
import LearningRecords
import SQLKit
import Vapor

/// Publishing an allocation round (发布实习分配): final, once, and recorded — the round moves
/// from draft to published and every placed learner's record gains the placement, in one
/// transaction. The API, the page and `zhijiao match-internships --publish` all publish here.
enum InternshipPublication {
    /// Publishes a draft round; false when it was not a draft any more (published meanwhile).
    /// `audit` is the row that records the publication, appended in the same transaction.
    static func publish(round: UUID, by actor: String, on db: any Database, now: Date = Date(), audit: AuditLog.Entry) async throws -> Bool {
        try await WriteGate.shared.records(on: db) { tx in
            guard let sql = tx as? any SQLDatabase else { throw Abort(.internalServerError) }
            let moved = try await sql.update("internship_rounds").set("status", to: "published").set("published_at", to: now).set("published_by", to: actor)
                .where("id", .equal, round).where("status", .equal, "draft").returning("id").all()
            guard !moved.isEmpty else { return false }
            let placements = try await sql.raw("""
                SELECT p.student_id AS student, p.post_id AS post, ip.title AS title, e.name AS enterprise FROM internship_placements p \
                JOIN internship_posts ip ON ip.id = p.post_id LEFT JOIN enterprises e ON e.id = p.enterprise_id WHERE p.round_id = \(bind: round)
                """).all()
            let events = try placements.map { row in
                PlatformEvent(kind: .placementPublished(roundID: round, postID: try row.decode(column: "post", as: UUID.self), postTitle: try row.decode(column: "title", as: String.self),
                                                        enterprise: try row.decode(column: "enterprise", as: String?.self) ?? ""),
                              learner: try row.decode(column: "student", as: UUID.self).uuidString.lowercased(), at: now)
            }
            try await PlatformRecords.record(events, on: sql)
            try await AuditLog().append(audit, on: tx)
            return true
        }
    }
}
