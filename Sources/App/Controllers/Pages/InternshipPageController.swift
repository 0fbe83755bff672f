import SQLKit
import Vapor

/// `/internships/…` pages.
enum InternshipPageController {
    @Sendable static func quotas(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let under = req.query[String.self, at: "under"] == "true"
        let lines = try await QuotaReport.lines(sql: sql, caller: caller.scope, quota: req.services.internshipQuota, onlyUnder: under)
        let l = Language(req)
        let layout = PageLayout(title: l.t("实习岗位配额", "Internship quotas"), language: l, caller: caller)
        return .html(QuotaPage(layout: layout, lines: lines, onlyUnder: under).render())
    }
}
