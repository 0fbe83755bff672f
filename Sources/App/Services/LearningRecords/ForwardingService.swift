import Fluent
import Foundation
import LearningRecords
import Registry
import SQLKit
import Vapor

/// Forwarding a school's statements to another learning record store (转发), e.g. a national
/// one: targets, their status, the dead-letter list (死信) and its retry. What the forwarding
/// page and `zhijiao lrs forward` call; the sending itself is `ForwardingWorker`.
///
/// Every change is audited. Errors are `AppError` (`.validation` naming the field, `.notFound`),
/// so a page shows them like any other form error.
struct LearningRecordForwarding: Sendable {
    let db: any Database
    let vault: PersonalDataVault
    let audit: AuditLog

    init(db: any Database, vault: PersonalDataVault, audit: AuditLog) {
        self.db = db
        self.vault = vault
        self.audit = audit
    }

    init(_ app: Application) {
        self.init(db: app.db, vault: app.services.vault, audit: app.services.audit)
    }

    /// The xAPI versions a target may speak (the `X-Experience-API-Version` sent).
    static let versions = ["1.0.3", "2.0.0"]

    /// Who makes a change, as the audit log records it.
    struct Actor: Sendable {
        var userID: UUID?
        /// "username (role)", or "cli".
        var name: String
        var clientIP: String?

        static let cli = Actor(userID: nil, name: "cli", clientIP: nil)

        /// The signed-in caller of a request.
        init(_ request: Request) {
            let caller = request.auth.get(Caller.self)
            self.init(userID: caller?.userID, name: caller?.auditName ?? "anonymous", clientIP: request.clientAddress)
        }

        init(userID: UUID?, name: String, clientIP: String?) {
            self.userID = userID
            self.name = name
            self.clientIP = clientIP
        }
    }

    /// A target as shown: never its credentials.
    struct Target: Sendable, Equatable {
        var id: UUID
        var name: String
        /// The remote's xAPI base, e.g. `https://lrs.example.cn/xapi` (statements go to `…/statements`).
        var endpoint: String
        var xapiVersion: String
        /// Whose statements: one institution's, or nil for all.
        var institutionID: UUID?
        var active: Bool
        var createdBy: String
        var createdAt: Date
        var deactivatedAt: Date?
    }

    /// What to create: `credentials` are the remote's Basic credentials as `KEY:SECRET`.
    struct NewTarget: Sendable {
        var name: String
        var endpoint: String
        var credentials: String
        var institutionID: UUID?
        var xapiVersion: String = "2.0.0"
    }

    /// A target and its queue: what the status page lists.
    struct TargetStatus: Sendable, Equatable {
        var target: Target
        var pending: Int
        var sent: Int
        var dead: Int
        /// When the oldest statement still waiting was stored (nil when none waits); the page
        /// shows its age, the lag behind this LRS.
        var oldestPendingStored: Date?
        /// The remote's latest failure, trimmed to 500 characters, and when.
        var lastError: String?
        var lastErrorAt: Date?
        var lastSentAt: Date?
    }

    /// One dead letter: a statement given up after too many failures or refused by the remote.
    struct DeadLetter: Sendable, Equatable {
        var targetID: UUID
        /// The statement's place in this store's order: the paging cursor.
        var sequence: Int64
        var statementID: UUID
        var attempts: Int
        var lastError: String?
        var lastAttemptAt: Date?
    }

    /// A page of dead letters and the cursor of the next (pass it as `after`), if any.
    struct DeadLetterPage: Sendable, Equatable {
        var letters: [DeadLetter]
        var next: Int64?
    }

    // MARK: targets

    /// Adds a target. Statements stored from now on are queued for it (earlier ones are not).
    func addTarget(_ new: NewTarget, by actor: Actor, now: Date = Date()) async throws -> Target {
        let name = new.name.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [FieldError] = []
        if name.isEmpty || name.count > 200 { errors.append(FieldError(field: "name", zh: "名称须为 1–200 个字符", en: "the name must be 1–200 characters")) }
        let endpoint = Self.normalisedEndpoint(new.endpoint)
        if endpoint == nil {
            errors.append(FieldError(field: "endpoint", zh: "须为 http(s) 地址，如 https://lrs.example.cn/xapi", en: "must be an http(s) URL such as https://lrs.example.cn/xapi"))
        }
        let parts = new.credentials.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].isEmpty || parts[1].isEmpty || new.credentials.utf8.count > 1_000 {
            errors.append(FieldError(field: "credentials", zh: "须为 KEY:SECRET 形式", en: "must be KEY:SECRET"))
        }
        if !Self.versions.contains(new.xapiVersion) {
            errors.append(FieldError(field: "xapiVersion", zh: "须为 1.0.3 或 2.0.0", en: "must be 1.0.3 or 2.0.0"))
        }
        guard errors.isEmpty, let endpoint else { throw AppError.validation(errors) }
        let sql = try sqlDatabase()
        if let institution = new.institutionID,
           try await sql.select().column("id").from("institutions").where("id", .equal, SQLBind(institution)).first() == nil {
            throw AppError.validation([FieldError(field: "institution", zh: "无此学校", en: "no such institution")])
        }
        let stored = StoredForwardingTarget(
            id: UUID(), name: name, endpoint: endpoint, authCipher: try vault.seal(new.credentials), xapiVersion: new.xapiVersion,
            institutionID: new.institutionID, active: true, createdBy: actor.name, createdAt: now)
        // Through the statements' gate: a target appears between two statement writes, never inside one.
        let audit = audit, row = Self.entry(actor, action: "create_lrs_forward_target", recordID: stored.id,
                                       detail: "\(endpoint) \(new.institutionID?.uuidString.lowercased() ?? "all") \(new.xapiVersion)")
        try await WriteGate.shared.records(on: db, postgresLock: LearningRecordService.advisoryKey) { tx in
            try await ForwardingQueue(sql: try Self.sql(tx)).insertTarget(stored)
            try await audit.append(row, on: tx)
        }
        return Self.view(stored)
    }

    /// Every target (active first, then by creation) with the state of its queue.
    func targets() async throws -> [TargetStatus] {
        let queue = ForwardingQueue(sql: try sqlDatabase())
        let counts = try await queue.counts()
        let oldest = try await queue.oldestPending()
        return try await queue.targets(activeOnly: false)
            .sorted { $0.active && !$1.active }
            .map { target in
                let count = counts[target.id] ?? [:]
                return TargetStatus(target: Self.view(target), pending: count[.pending] ?? 0, sent: count[.sent] ?? 0, dead: count[.dead] ?? 0,
                                    oldestPendingStored: oldest[target.id], lastError: target.lastError, lastErrorAt: target.lastErrorAt,
                                    lastSentAt: target.lastSentAt)
            }
    }

    /// One target, or nil.
    func target(_ id: UUID) async throws -> Target? {
        try await ForwardingQueue(sql: try sqlDatabase()).target(id).map(Self.view)
    }

    /// Stops queuing statements for a target; what is queued stays (and is not sent while
    /// inactive). False when it was already inactive.
    @discardableResult
    func deactivate(_ id: UUID, by actor: Actor, now: Date = Date()) async throws -> Bool {
        guard try await target(id) != nil else { throw AppError.notFound }
        let audit = audit, row = Self.entry(actor, action: "deactivate_lrs_forward_target", recordID: id, detail: "")
        let changed = try await WriteGate.shared.records(on: db, postgresLock: LearningRecordService.advisoryKey) { tx in
            let changed = try await ForwardingQueue(sql: try Self.sql(tx)).deactivate(id, now: now)
            if changed { try await audit.append(row, on: tx) }
            return changed
        }
        return changed
    }

    // MARK: dead letters

    /// A target's dead letters in statement order, `limit` (1…500) at a time after `after`.
    func deadLetters(target: UUID, after: Int64? = nil, limit: Int = 50) async throws -> DeadLetterPage {
        let limit = min(max(limit, 1), 500)
        let rows = try await ForwardingQueue(sql: try sqlDatabase()).deadLetters(target: target, after: after, limit: limit + 1)
        let page = Array(rows.prefix(limit))
        return DeadLetterPage(letters: page, next: rows.count > limit ? page.last?.sequence : nil)
    }

    /// Puts a target's dead letters — all of them, or the one of `statementID` — back in the
    /// queue, due at once with a fresh count of attempts. Returns how many.
    @discardableResult
    func retryDeadLetters(target: UUID, statementID: UUID? = nil, by actor: Actor, now: Date = Date()) async throws -> Int {
        guard try await self.target(target) != nil else { throw AppError.notFound }
        let audit = audit
        let count = try await WriteGate.shared.records(on: db) { tx in
            let count = try await ForwardingQueue(sql: try Self.sql(tx)).retry(target: target, statementID: statementID, now: now)
            try await audit.append(Self.entry(actor, action: "retry_lrs_forward_dead_letters", recordID: target,
                                         detail: "\(statementID?.uuidString.lowercased() ?? "all") \(count)"), on: tx)
            return count
        }
        return count
    }

    // MARK: helpers

    private static func sql(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw AppError.badRequest(zh: "数据库不支持 SQL", en: "the database does not speak SQL") }
        return sql
    }

    /// The endpoint without a trailing slash (statements go to `endpoint + "/statements"`);
    /// nil unless an absolute http(s) URL with a host and no query or credentials.
    static func normalisedEndpoint(_ text: String) -> String? {
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard trimmed.utf8.count <= 2_000, let url = URLComponents(string: trimmed), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil, url.user == nil, url.password == nil else { return nil }
        return trimmed
    }

    static func view(_ stored: StoredForwardingTarget) -> Target {
        Target(id: stored.id, name: stored.name, endpoint: stored.endpoint, xapiVersion: stored.xapiVersion, institutionID: stored.institutionID,
               active: stored.active, createdBy: stored.createdBy, createdAt: stored.createdAt, deactivatedAt: stored.deactivatedAt)
    }

    private static func entry(_ actor: Actor, action: String, recordID: UUID, detail: String) -> AuditLog.Entry {
        AuditLog.Entry(actorUserID: actor.userID, actor: actor.name, action: action, entity: "lrs_forward_targets",
                       recordID: recordID.uuidString.lowercased(), detail: detail, clientIP: actor.clientIP)
    }

    private func sqlDatabase() throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw AppError.badRequest(zh: "数据库不支持 SQL", en: "the database does not speak SQL") }
        return sql
    }
}
