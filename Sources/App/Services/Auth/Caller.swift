import Fluent
import Registry
import Vapor

/// The signed-in account making a request, and how it signed in.
struct Caller: Authenticatable, Sendable {
    let userID: UUID
    let username: String
    let displayName: String
    let scope: CallerScope
    /// Set for cookie sessions; state-changing requests must echo its CSRF token.
    let session: SessionInfo?

    struct SessionInfo: Sendable {
        let id: UUID
        let csrfToken: String
    }

    /// "username (role)", as the audit log names actors.
    var auditName: String { "\(username) (\(scope.role.rawValue))" }
}

extension Request {
    /// The caller, or 401.
    func requireCaller() throws -> Caller {
        guard let caller = auth.get(Caller.self) else { throw AppError.unauthenticated }
        return caller
    }

    /// An audit entry for the current caller.
    func auditEntry(action: String, entity: String, recordID: String? = nil, detail: String = "", outcome: String = "success") -> AuditLog.Entry {
        let caller = auth.get(Caller.self)
        return AuditLog.Entry(
            actorUserID: caller?.userID, actor: caller?.auditName ?? "anonymous", action: action, entity: entity,
            recordID: recordID, detail: detail, outcome: outcome, clientIP: clientAddress
        )
    }

    func audit(_ entry: AuditLog.Entry) async throws {
        try await services.audit.append(entry, on: db)
        if entry.outcome == "denied" { storage[DenialAuditedKey.self] = true }
    }

    /// Runs `change` and appends the audit row it returns in the same transaction: the change
    /// and its row commit together or not at all.
    func audited<T: Sendable>(_ change: @escaping @Sendable (any Database) async throws -> (T, AuditLog.Entry)) async throws -> T {
        try await services.audit.recording(on: db, change)
    }

    private struct DenialAuditedKey: StorageKey { typealias Value = Bool }

    /// Whether this request has already written its own audit row for a refusal (so the
    /// catch-all for 403 answers does not write a second one).
    var denialAudited: Bool { storage[DenialAuditedKey.self] ?? false }
}
