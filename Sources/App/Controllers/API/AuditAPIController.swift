import Fluent
import Registry
import Vapor

/// The audit log, readable by the city administrators only.
enum AuditAPIController {
    struct Event: Content {
        var seq: Int
        var at: Date
        var actor: String
        var action: String
        var entity: String
        var recordId: String?
        var detail: String
        var outcome: String
        /// Every hashed field travels, so the chain can be recomputed outside the platform.
        /// Hash version 2: SHA-256 over hashVersion, prevHash, seq, atMilliseconds, actorUserId,
        /// actor, action, entity, recordId, detail, outcome, clientIp, each written as its UTF-8
        /// length in decimal, ":", then the value (absent values as ""). Version 1 (rows before
        /// the upgrade): the same fields without hashVersion, joined by U+001F.
        var hashVersion: Int
        var atMilliseconds: Int64
        var actorUserId: UUID?
        var clientIp: String?
        var prevHash: String
        var hash: String
    }

    struct Page: Content {
        var items: [Event]
        var page: Int
        var per: Int
        var total: Int
    }

    @Sendable static func list(req: Request) async throws -> Page {
        let caller = try req.requireCaller()
        guard AccessPolicy.canReadAuditLog(caller: caller.scope) else { throw AppError.forbidden }
        let page = req.query[Int.self, at: "page"] ?? 1
        let per = req.query[Int.self, at: "per"] ?? 50
        guard (1...1_000_000).contains(page), (1...500).contains(per) else {
            throw AppError.validation([.outOfRange("per", min: 1, max: 500)])
        }
        let total = try await AuditEvent.query(on: req.db).count()
        let events = try await AuditEvent.query(on: req.db).sort(\.$seq, .descending).range(((page - 1) * per)..<(page * per)).all()
        return Page(items: events.map {
            Event(seq: $0.seq, at: Date(timeIntervalSince1970: Double($0.atMilliseconds) / 1000), actor: $0.actor, action: $0.action,
                  entity: $0.entity, recordId: $0.recordID, detail: $0.detail, outcome: $0.outcome, hashVersion: $0.hashVersion, atMilliseconds: $0.atMilliseconds,
                  actorUserId: $0.actorUserID, clientIp: $0.clientIP, prevHash: $0.prevHash, hash: $0.hash)
        }, page: page, per: per, total: total)
    }
}

extension AuditAPIController {
    /// `GET /api/v1/audit-events/verify`: recomputes the whole chain and names the first row
    /// that breaks it (city administrators only).
    @Sendable static func verify(req: Request) async throws -> AuditLog.Verification {
        let caller = try req.requireCaller()
        guard AccessPolicy.canVerifyAuditChain(caller: caller.scope) else { throw AppError.forbidden }
        return try await AuditLog.verify(on: req.db)
    }
}
