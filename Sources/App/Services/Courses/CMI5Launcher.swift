import Courses
import Crypto
import Foundation
import JSON
import LearningRecords
import Registry
import SQLKit
import Vapor

/// Launching an assignable unit per cmi5 (§8, §10): a new AU session, any session of the
/// registration left open recorded as abandoned, `LMS.LaunchData` written to the State
/// document, the LMS's "launched" statement, and the launch URL with endpoint, fetch, actor,
/// registration and activityId. The fetch URL hands out the session's LRS credentials once.
struct CMI5Launcher: Sendable {
    let store: CourseStore

    /// How long a launch's fetch URL and its auth token stay usable.
    static let sessionLifetime: TimeInterval = 12 * 3600
    static let auditEntity = "cmi5-sessions"

    var publicURL: String { store.req.application.deployment.publicURL.trimmingSuffix("/") }

    /// The learner's launch actor: the platform's address and the student's id (the user's for
    /// someone without a student record).
    static func launchActor(_ caller: Caller, publicURL: String) -> LaunchActor {
        LaunchActor(homePage: publicURL, name: (caller.scope.studentID ?? caller.userID).uuidString.lowercased())
    }

    /// The LMS's activity id for an AU of a course: stable across versions and registrations,
    /// never the AU's publisher id (§8.1.5).
    static func activityID(publicURL: String, course: UUID, au: String) -> String {
        "\(publicURL)/cmi5/courses/\(course.uuidString.lowercased())/aus/\(Hex.encode(SHA256.hash(data: Data(au.utf8))).prefix(24))"
    }

    func launch(courseID: UUID, position: Int, mode: LaunchMode) async throws -> CourseLaunch {
        let course = try await store.visible(courseID)
        guard let enrolment = try await store.enrolment(courseID) else {
            throw AppError.conflict(FieldError(field: "enrolment", zh: "请先选课再启动学习单元", en: "enrol in the course before launching a unit"))
        }
        guard let versionID = course.versionID else { throw AppError.notFound }
        let (package, _) = try await CourseStore.package(versionID, sql: try store.sql)
        let aus = package.structure.assignableUnits
        guard (1...aus.count).contains(position) else { throw AppError.notFound }
        let au = aus[position - 1]
        let publicURL = self.publicURL, caller = store.caller, req = store.req, now = store.now
        let actor = Self.launchActor(caller, publicURL: publicURL)
        let actorJSON = CourseRecords.actor(actor)
        let sessionID = UUID(), fetchToken = TokenDigest.newToken()
        let activityID = Self.activityID(publicURL: publicURL, course: courseID, au: au.id)
        let fetchURL = "\(publicURL)/cmi5/fetch/\(fetchToken)"
        let launchURL: String
        do {
            launchURL = try LaunchURL.make(au: au, contentBase: "\(publicURL)/cmi5/content/\(versionID.uuidString.lowercased())/", endpoint: "\(publicURL)/xapi/",
                                           fetch: fetchURL, actor: actor, registration: enrolment.registration, activityId: activityID)
        } catch {
            throw AppError.conflict(FieldError(field: "au", zh: error.messageZh, en: error.messageEn))
        }
        let launchData = LaunchData.make(au: au, sessionID: sessionID.uuidString.lowercased(), registration: enrolment.registration, launchMode: mode,
                                         returnURL: "\(publicURL)/courses/\(courseID.uuidString.lowercased())")
        let expires = now.addingTimeInterval(Self.sessionLifetime)
        let owner = course.institutionID?.uuidString.lowercased() ?? "city"
        let agentKey = AgentKey(actorJSON)?.rawValue ?? ""
        var launchedExtensions: [String: JSONValue] = [
            CourseRecords.launchModeExtension: .string(mode.rawValue), CourseRecords.launchURLExtension: .string(launchURL),
            CourseRecords.moveOnExtension: .string(au.moveOn.rawValue),
        ]
        if let parameters = au.launchParameters { launchedExtensions[CourseRecords.launchParametersExtension] = .string(parameters) }
        let launched = CourseRecords.statement(.launched, actor: actorJSON, object: CourseRecords.activity(activityID), registration: enrolment.registration,
                                               sessionID: sessionID, at: now, grouping: au.id, extensions: launchedExtensions)
        let structure = package.structure
        try await req.audited { tx in
            let sql = try courseSQL(tx)
            var statements: [JSONValue] = []
            // A session of this registration still open is over: the learner launched again (§9.3.6).
            for row in try await sql.select().columns("id", "position", "activity_id", "launched_at_ms").from("cmi5_sessions")
                .where("enrolment_id", .equal, enrolment.id).where("state", .in, ["launched", "initialized"]).all() {
                let old = try row.decode(column: "id", as: UUID.self)
                let position = try row.decode(column: "position", as: Int.self)
                let started = CourseTime.date(try row.decode(column: "launched_at_ms", as: Int64.self))
                try await sql.update("cmi5_sessions").set("state", to: "abandoned").where("id", .equal, old).run()
                let grouping = position <= aus.count ? aus[position - 1].id : nil
                statements.append(CourseRecords.statement(.abandoned, actor: actorJSON, object: CourseRecords.activity(try row.decode(column: "activity_id", as: String.self)),
                                                          registration: enrolment.registration, sessionID: old, at: now, grouping: grouping,
                                                          result: ["duration": .string(ISODuration.format(seconds: max(0, now.timeIntervalSince(started))))]))
            }
            try await sql.insert(into: "cmi5_sessions")
                .columns("id", "enrolment_id", "version_id", "position", "activity_id", "launch_mode", "fetch_digest", "fetch_used", "auth_key", "auth_digest", "state", "launched_at_ms", "expires_at_ms")
                .values(SQLBind(sessionID), SQLBind(enrolment.id), SQLBind(versionID), SQLBind(position), SQLBind(activityID), SQLBind(mode.rawValue),
                        SQLBind(TokenDigest.digest(fetchToken)), SQLBind(false), SQLBind(CMI5SessionGate.keyPrefix + Hex.encode(Data(sessionID.uuidString.utf8)).prefix(32)),
                        SQLBind(String?.none), SQLBind("launched"), SQLBind(CourseTime.ms(now)), SQLBind(CourseTime.ms(expires)))
                .run()
            // LMS.LaunchData before the AU can ask for it (§10).
            let body = launchData.json()
            let address = DocumentAddress(owner: owner, kind: .state, activityID: activityID, agentKey: agentKey,
                                          registration: enrolment.registration.uuidString.lowercased(), documentID: LaunchData.stateId)
            try await sql.advisoryLock(DocumentStore.advisoryKey)
            try await DocumentStore(sql: sql).save(address, contentType: "application/json", content: body, etag: DocumentPrecondition.etag(of: body), now: now)
            statements.append(launched)
            // NotApplicable AUs are satisfied from the registration's start (§9.6.1).
            let outcome = try await CMI5Progress.settle(enrolmentID: enrolment.id, registration: enrolment.registration, structure: structure, updates: [],
                                                        sessionID: sessionID, actor: actorJSON, now: now, sql: sql)
            statements += outcome.statements
            try await CourseRecords.record(statements, institutionID: course.institutionID, publicURL: publicURL, on: sql)
            return ((), req.auditEntry(action: "launch", entity: Self.auditEntity, recordID: sessionID.uuidString,
                                       detail: "course \(courseID.uuidString) AU \(position) \(mode.rawValue), registration \(enrolment.registration.uuidString.lowercased())"))
        }
        return CourseLaunch(sessionId: sessionID, launchUrl: launchURL, launchMode: mode.rawValue, activityId: activityID, registration: enrolment.registration,
                            expiresAt: ISO8601DateFormatter().string(from: expires))
    }
}

/// The fetch URL (cmi5 §8.2): a POST returns `{"auth-token": …}` once; any further POST, an
/// expired or unknown token is an error with the spec's `error-code` and `error-text`.
enum CMI5Fetch {
    enum Refusal: Error {
        case alreadyUsed, invalid
    }

    /// The auth token of the session whose fetch token this is, issued now; `Refusal` otherwise.
    static func redeem(_ token: String, req: Request, now: Date = Date()) async throws -> String {
        let digest = TokenDigest.digest(token)
        let secret = TokenDigest.newToken()
        return try await req.application.services.audit.recording(on: req.db) { tx in
            let sql = try courseSQL(tx)
            guard let row = try await sql.select().columns("id", "fetch_used", "auth_key", "expires_at_ms", "state").from("cmi5_sessions")
                .where("fetch_digest", .equal, digest).first() else { throw Refusal.invalid }
            let id = try row.decode(column: "id", as: UUID.self)
            guard try row.decode(column: "expires_at_ms", as: Int64.self) > CourseTime.ms(now), try row.decode(column: "state", as: String.self) != "abandoned" else { throw Refusal.invalid }
            guard try !row.decode(column: "fetch_used", as: Bool.self) else { throw Refusal.alreadyUsed }
            // Only the request that flips the flag gets the token, even if two race.
            let updated = try await sql.update("cmi5_sessions").set("fetch_used", to: SQLBind(true)).set("auth_digest", to: SQLBind(TokenDigest.digest(secret)))
                .where("id", .equal, id).where("fetch_used", .equal, SQLBind(false)).returning("id").all()
            guard !updated.isEmpty else { throw Refusal.alreadyUsed }
            let key = try row.decode(column: "auth_key", as: String.self)
            let authToken = Data("\(key):\(secret)".utf8).base64EncodedString()
            let entry = AuditLog.Entry(actor: "cmi5 AU session", action: "fetch", entity: CMI5Launcher.auditEntity, recordID: id.uuidString,
                                       detail: "auth token issued", clientIP: req.clientAddress)
            return (authToken, entry)
        }
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
