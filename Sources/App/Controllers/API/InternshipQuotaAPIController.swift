import Vapor

/// `GET /api/v1/internship-quotas[?under=true]`: the 2 % quota of 规模以上 enterprises in scope.
enum InternshipQuotaAPIController {
    struct Response: Content {
        var quotaPerMille: Int
        var rounding: String
        var items: [QuotaReport.Line]
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let under = req.query[String.self, at: "under"] == "true"
        let quota = req.services.internshipQuota
        let items = try await QuotaReport.lines(sql: sql, caller: caller.scope, quota: quota, onlyUnder: under)
        return Response(quotaPerMille: quota.perMille, rounding: quota.rounding.rawValue, items: items)
    }
}

import SQLKit
