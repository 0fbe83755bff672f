import Fluent
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
        guard caller.scope.role == .cityAdmin else { throw AppError.forbidden }
        let page = req.query[Int.self, at: "page"] ?? 1
        let per = req.query[Int.self, at: "per"] ?? 50
        guard (1...1_000_000).contains(page), (1...500).contains(per) else {
            throw AppError.validation([.outOfRange("per", min: 1, max: 500)])
        }
        let total = try await AuditEvent.query(on: req.db).count()
        let events = try await AuditEvent.query(on: req.db).sort(\.$seq, .descending).range(((page - 1) * per)..<(page * per)).all()
        return Page(items: events.map {
            Event(seq: $0.seq, at: Date(timeIntervalSince1970: Double($0.atMilliseconds) / 1000), actor: $0.actor, action: $0.action,
                  entity: $0.entity, recordId: $0.recordID, detail: $0.detail, outcome: $0.outcome, hash: $0.hash)
        }, page: page, per: per, total: total)
    }
}
