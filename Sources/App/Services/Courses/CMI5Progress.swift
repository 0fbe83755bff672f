import Courses
import Foundation
import JSON
import SQLKit

/// moveOn evaluated for a registration (cmi5 §9.3.9, §13.1.4): what the LMS has recorded for
/// each AU updated, newly satisfied AUs stamped, and the "satisfied" statements it owes for
/// blocks and the course written once each; a satisfied course is stamped on the enrolment.
enum CMI5Progress {
    struct Update: Sendable {
        var auPublisherID: String
        var completed = false
        var passed = false
        var waived = false
    }

    /// What changed, for the audit row and the learner.
    struct Outcome: Sendable {
        var satisfiedAUs: [String] = []
        var satisfiedBlocks: [String] = []
        var courseSatisfied = false
        var statements: [JSONValue] = []
    }

    /// Applies `updates` (call inside the change's transaction) and returns the statements to record.
    static func settle(enrolmentID: UUID, registration: UUID, structure: CourseStructure, updates: [Update], sessionID: UUID,
                       actor: JSONValue, now: Date, sql: any SQLDatabase) async throws -> Outcome {
        var progress: [String: AUProgress] = [:]
        var satisfiedBefore: Set<String> = []
        for row in try await sql.select().columns("au_publisher_id", "completed", "passed", "waived", "satisfied_at_ms").from("course_au_progress")
            .where("enrolment_id", .equal, enrolmentID).all() {
            let id = try row.decode(column: "au_publisher_id", as: String.self)
            progress[id] = AUProgress(completed: try row.decode(column: "completed", as: Bool.self), passed: try row.decode(column: "passed", as: Bool.self),
                                      waived: try row.decode(column: "waived", as: Bool.self))
            if try row.decode(column: "satisfied_at_ms", as: Int64?.self) != nil { satisfiedBefore.insert(id) }
        }
        let courseBefore = try await sql.select().column("satisfied_at_ms").from("course_enrolments").where("id", .equal, enrolmentID).first()?
            .decode(column: "satisfied_at_ms", as: Int64?.self) != nil
        // Blocks satisfied before: every AU under them stamped satisfied.
        func blocksSatisfied(_ nodes: [CourseNode], _ satisfied: Set<String>, into set: inout Set<String>) -> Bool {
            var all = true
            for node in nodes {
                switch node {
                case let .au(au): if !satisfied.contains(au.id) { all = false }
                case let .block(block):
                    if blocksSatisfied(block.children, satisfied, into: &set) { set.insert(block.id) } else { all = false }
                }
            }
            return all
        }
        var blocksBefore: Set<String> = []
        _ = blocksSatisfied(structure.children, satisfiedBefore, into: &blocksBefore)

        for update in updates {
            var p = progress[update.auPublisherID] ?? AUProgress()
            p.completed = p.completed || update.completed
            p.passed = p.passed || update.passed
            p.waived = p.waived || update.waived
            progress[update.auPublisherID] = p
        }
        let after = Satisfaction.evaluate(structure, progress: progress)
        let stamp = CourseTime.ms(now)
        var outcome = Outcome()
        for au in structure.assignableUnits {
            let nowSatisfied = after.satisfiedAUs.contains(au.id)
            let changed = updates.contains { $0.auPublisherID == au.id }
            guard changed || (nowSatisfied && !satisfiedBefore.contains(au.id)) else { continue }
            let p = progress[au.id] ?? AUProgress()
            let newly = nowSatisfied && !satisfiedBefore.contains(au.id)
            if newly { outcome.satisfiedAUs.append(au.id) }
            try await sql.raw("""
                INSERT INTO course_au_progress (enrolment_id, au_publisher_id, completed, passed, waived, satisfied_at_ms) \
                VALUES (\(bind: enrolmentID), \(bind: au.id), \(bind: p.completed), \(bind: p.passed), \(bind: p.waived), \(bind: nowSatisfied ? stamp : nil as Int64?)) \
                ON CONFLICT (enrolment_id, au_publisher_id) DO UPDATE SET completed = excluded.completed, passed = excluded.passed, waived = excluded.waived, \
                satisfied_at_ms = COALESCE(course_au_progress.satisfied_at_ms, excluded.satisfied_at_ms)
                """).run()
        }
        outcome.satisfiedBlocks = after.satisfiedBlocks.subtracting(blocksBefore).sorted()
        for block in outcome.satisfiedBlocks {
            outcome.statements.append(CourseRecords.statement(.satisfied, actor: actor, object: CourseRecords.activity(block, type: CMI5Verb.blockType),
                                                              registration: registration, sessionID: sessionID, at: now))
        }
        if after.courseSatisfied, !courseBefore {
            outcome.courseSatisfied = true
            outcome.statements.append(CourseRecords.statement(.satisfied, actor: actor, object: CourseRecords.activity(structure.course.id, type: CMI5Verb.courseType),
                                                              registration: registration, sessionID: sessionID, at: now))
            try await sql.update("course_enrolments").set("satisfied_at_ms", to: SQLBind(stamp)).where("id", .equal, enrolmentID).run()
        }
        return outcome
    }
}
