import Courses
import Foundation
import JSON
import LearningRecords
import Registry
import SQLKit
import Vapor

/// The LRS's door for a launched AU (cmi5 §8.2, §9): the auth token the fetch URL handed out,
/// sent as HTTP Basic credentials, admits only that session — its actor, its registration,
/// its activity — and what it sends is held to the cmi5 session rules before it is stored.
/// Once stored, what the AU reported moves its progress on and settles moveOn.
enum CMI5SessionGate {
    /// The user name of a session's credentials; LRS client keys start with "lrs_".
    static let keyPrefix = "cmi5-"

    /// A launched AU session as the gate sees it.
    struct Session: Sendable {
        var id: UUID
        var enrolmentID: UUID
        var registration: UUID
        var courseID: UUID
        var versionID: UUID
        var position: Int
        var activityID: String
        var launchMode: LaunchMode
        var institutionID: UUID?
        var agentKey: String
        var actor: JSONValue
        var expiresAt: Int64
        /// launched, initialized, terminated or abandoned
        var state: String
    }

    private struct SessionKey: StorageKey { typealias Value = Session }

    /// Authenticates a session's credentials and returns the LRS client they act as (write
    /// scope, the course's school): nil when unknown, expired or not yet fetched.
    static func authenticate(_ req: Request, key: String, secret: String, now: Date = Date()) async throws -> StoredLearningRecordClient? {
        guard key.utf8.count <= 64, secret.utf8.count <= 256 else { return nil }
        let sql = try req.sql
        guard let row = try await sql.raw("""
            SELECT s.id, s.enrolment_id, s.version_id, s.position, s.activity_id, s.launch_mode, s.auth_digest, s.expires_at_ms, s.state, \
            e.registration, e.user_id, e.student_id, e.course_id, c.institution_id \
            FROM cmi5_sessions s JOIN course_enrolments e ON e.id = s.enrolment_id JOIN courses c ON c.id = e.course_id WHERE s.auth_key = \(bind: key)
            """).first(),
            let stored = try row.decode(column: "auth_digest", as: String?.self)
        else { return nil }
        let given = Array(TokenDigest.digest(secret).utf8), expected = Array(stored.utf8)
        guard given.count == expected.count, zip(given, expected).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0 else { return nil }
        guard try row.decode(column: "expires_at_ms", as: Int64.self) > CourseTime.ms(now) else { return nil }
        let learner = try row.decode(column: "student_id", as: UUID?.self) ?? row.decode(column: "user_id", as: UUID.self)
        let publicURL = req.application.deployment.publicURL.trimmingSuffix("/")
        let actor = CourseRecords.actor(LaunchActor(homePage: publicURL, name: learner.uuidString.lowercased()))
        let session = Session(
            id: try row.decode(column: "id", as: UUID.self), enrolmentID: try row.decode(column: "enrolment_id", as: UUID.self),
            registration: try row.decode(column: "registration", as: UUID.self), courseID: try row.decode(column: "course_id", as: UUID.self),
            versionID: try row.decode(column: "version_id", as: UUID.self), position: try row.decode(column: "position", as: Int.self),
            activityID: try row.decode(column: "activity_id", as: String.self),
            launchMode: LaunchMode(rawValue: try row.decode(column: "launch_mode", as: String.self)) ?? .normal,
            institutionID: try row.decode(column: "institution_id", as: UUID?.self), agentKey: AgentKey(actor)?.rawValue ?? "", actor: actor,
            expiresAt: try row.decode(column: "expires_at_ms", as: Int64.self), state: try row.decode(column: "state", as: String.self))
        req.storage[SessionKey.self] = session
        return StoredLearningRecordClient(id: session.id, apiKey: key, name: "cmi5 AU session", institutionID: session.institutionID, scope: .write,
                                          createdBy: "cmi5", createdAt: CourseTime.date(session.expiresAt), revokedAt: nil)
    }

    /// The session the request's credentials belong to, if they are a session's.
    static func session(of req: Request) -> Session? { req.storage[SessionKey.self] }

    /// Before the resource runs: the request must stay inside the session (8.1.3.0-3, 8.1.4.0-3),
    /// and statements must keep the cmi5 rules. Returns the statements to account for once stored.
    static func admit(_ req: Request, _ session: Session) async throws -> [JSONValue] {
        let path = req.url.path
        let p = req.url.query.map(XAPIQuery.parse) ?? [:]
        if let agent = p["agent"] {
            guard let value = try? JSONValue.parse(Data(agent.utf8)), AgentKey(value)?.rawValue == session.agentKey else {
                throw XAPIError.bad("agent must be the launch actor", zh: "agent 必须是启动时的学习者")
            }
        }
        if let activity = p["activityId"], activity != session.activityID {
            throw XAPIError.bad("activityId must be the launch activityId", zh: "activityId 必须是启动时的活动标识")
        }
        if let registration = p["registration"], UUID(uuidString: registration) != session.registration {
            throw XAPIError.bad("registration must be the launch registration", zh: "registration 必须是启动时的注册号")
        }
        guard path.hasSuffix("/statements"), req.method == .POST || req.method == .PUT else { return [] }
        // The LMS recorded the session abandoned: nothing more may be recorded for it (9.3.6).
        if session.state == "abandoned" {
            throw XAPIError.bad("the session was abandoned: no statement may be recorded for it after abandoned (cmi5 9.3.6)", zh: "该会话已被放弃，之后不得再记录语句（cmi5 9.3.6）")
        }
        let buffer = try await req.body.collect(max: 20 * 1024 * 1024).get()
        guard let buffer, let body = try? JSONValue.parse(Data(buffer: buffer)) else { return [] }
        let statements: [JSONValue]
        switch body {
        case .array(let list): statements = list
        case .object: statements = [body]
        default: return []
        }
        var incoming: [SessionStatement] = []
        for statement in statements {
            guard AgentKey(statement["actor"] ?? .null)?.rawValue == session.agentKey else {
                throw XAPIError.bad("the statement's actor must be the launch actor (cmi5 8.1.3)", zh: "语句的 actor 必须是启动时的学习者（cmi5 8.1.3）")
            }
            guard statement["context"]?["registration"]?.stringValue.flatMap(UUID.init(uuidString:)) == session.registration else {
                throw XAPIError.bad("the statement's context.registration must be the launch registration (cmi5 8.1.4)", zh: "语句的 context.registration 必须是启动时的注册号（cmi5 8.1.4）")
            }
            let parsed: SessionStatement
            do { parsed = try SessionStatement(json: statement.serialized()) } catch {
                throw XAPIError.bad("cmi5: \(error.messageEn)", zh: "cmi5：\(error.messageZh)")
            }
            if let verb = parsed.verb, verb.isLMSVerb {
                throw XAPIError.bad("only the LMS sends \(verb.id) (cmi5 9.3)", zh: "只有学习管理系统发送 \(verb.id)（cmi5 9.3）")
            }
            incoming.append(parsed)
        }
        let sql = try req.sql
        let earlier = try await recorded(sql, session: session)
        let masteryScore = try await sql.select().column("mastery_score").from("course_aus").where("version_id", .equal, session.versionID)
            .where("position", .equal, session.position).first()?.decode(column: "mastery_score", as: String?.self).flatMap { Decimal(string: $0) }
        let launch = SessionRules.Launch(activityID: session.activityID, sessionID: session.id.uuidString.lowercased(), launchMode: session.launchMode, masteryScore: masteryScore)
        let all = earlier.thisSession + incoming
        let violations = SessionRules.check(all, launch: launch, earlierInRegistration: earlier.otherSessions).filter { $0.statementIndex >= earlier.thisSession.count }
        if !violations.isEmpty {
            // Numbered within the session: its statements so far, then this request's.
            throw XAPIError.bad(violations.map(\.messageEn).joined(separator: "; "), zh: violations.map(\.messageZh).joined(separator: "；"))
        }
        return statements
    }

    /// The statements this session and the registration's earlier sessions of the same AU recorded.
    static func recorded(_ sql: any SQLDatabase, session: Session) async throws -> (thisSession: [SessionStatement], otherSessions: [SessionStatement]) {
        var this: [SessionStatement] = [], others: [SessionStatement] = []
        for row in try await sql.raw("""
            SELECT t.session_id, t.statement FROM cmi5_session_statements t JOIN cmi5_sessions s ON s.id = t.session_id \
            WHERE s.enrolment_id = \(bind: session.enrolmentID) AND s.activity_id = \(bind: session.activityID) ORDER BY s.launched_at_ms, t.seq
            """).all() {
            guard let statement = try? SessionStatement(json: try row.decode(column: "statement", as: Data.self)) else { continue }
            if try row.decode(column: "session_id", as: UUID.self) == session.id { this.append(statement) } else { others.append(statement) }
        }
        return (this, others)
    }

    /// After the LRS stored them: the session's statements kept for its rules, its state moved
    /// on, the AU's progress recorded and moveOn settled, the LMS's satisfied statements written
    /// — one transaction with its audit row.
    static func accepted(_ statements: [JSONValue], req: Request, session: Session, now: Date = Date()) async throws {
        guard !statements.isEmpty else { return }
        let parsed = statements.compactMap { try? SessionStatement(json: $0.serialized()) }
        let verbs = parsed.compactMap(\.verb)
        let sql = try req.sql
        let (package, _) = try await CourseStore.package(session.versionID, sql: sql)
        let aus = package.structure.assignableUnits
        guard (1...aus.count).contains(session.position) else { return }
        let au = aus[session.position - 1]
        var update = CMI5Progress.Update(auPublisherID: au.id)
        if session.launchMode == .normal {
            update.completed = verbs.contains(.completed)
            update.passed = verbs.contains(.passed)
        }
        let counts = session.launchMode == .normal && (update.completed || update.passed)
        let progress = update
        let publicURL = req.application.deployment.publicURL.trimmingSuffix("/")
        try await req.application.services.audit.recording(on: req.db) { tx in
            let sql = try courseSQL(tx)
            var seq = try await sql.raw("SELECT COALESCE(MAX(seq), 0) AS n FROM cmi5_session_statements WHERE session_id = \(bind: session.id)").first()?.decode(column: "n", as: Int.self) ?? 0
            for statement in statements {
                seq += 1
                try await sql.insert(into: "cmi5_session_statements").columns("session_id", "seq", "statement")
                    .values(SQLBind(session.id), SQLBind(seq), SQLBind(statement.serialized())).run()
            }
            if verbs.contains(.terminated) {
                try await sql.update("cmi5_sessions").set("state", to: "terminated").where("id", .equal, session.id).run()
            } else if verbs.contains(.initialized) {
                try await sql.update("cmi5_sessions").set("state", to: "initialized").where("id", .equal, session.id).where("state", .equal, "launched").run()
            }
            var detail = "session \(session.id.uuidString.lowercased()): " + verbs.map { $0.id.split(separator: "/").last.map(String.init) ?? "" }.joined(separator: ", ")
            if counts {
                let outcome = try await CMI5Progress.settle(enrolmentID: session.enrolmentID, registration: session.registration, structure: package.structure,
                                                            updates: [progress], sessionID: session.id, actor: session.actor, now: now, sql: sql)
                try await CourseRecords.record(outcome.statements, institutionID: session.institutionID, publicURL: publicURL, on: sql)
                if !outcome.satisfiedAUs.isEmpty { detail += "; AU satisfied" }
                if outcome.courseSatisfied { detail += "; course satisfied" }
            }
            return ((), AuditLog.Entry(actor: "cmi5 AU session", action: "statements", entity: CMI5Launcher.auditEntity, recordID: session.id.uuidString,
                                       detail: detail, clientIP: req.clientAddress))
        }
    }
}
