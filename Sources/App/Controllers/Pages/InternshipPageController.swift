import Registry
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

extension InternshipPageController {
    @Sendable static func rounds(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        let list = try await InternshipRoundAPIController.list(req: req)
        let l = Language(req)
        let layout = PageLayout(title: l.t("实习分配", "Internship allocation"), language: l, caller: caller)
        return .html(RoundsPage(layout: layout, rounds: list.items, canRun: AccessPolicy.canRunInternshipRound(caller: caller.scope)).render())
    }

    struct RunForm: Content {
        var name: String
        var seed: Int?
    }

    @Sendable static func run(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard AccessPolicy.canRunInternshipRound(caller: caller.scope) else { throw AppError.forbidden }
        let form = try req.content.decode(RunForm.self)
        let name = form.name.trimmingCharacters(in: .whitespaces)
        guard (1...100).contains(name.count) else { throw AppError.validation([.tooLong("name", max: 100)]) }
        var allocation = InternshipAllocation(db: req.db)
        allocation.audit = { req.auditEntry(action: "run_internship_round", entity: "internship_rounds", recordID: $0.id.uuidString, detail: "\($0.placed)/\($0.students) placed") }
        let summary = try await allocation.run(name: name, seed: UInt64(truncatingIfNeeded: form.seed ?? 2020), optimal: .student, actor: caller.auditName)
        return req.redirect(to: "/internships/rounds/\(summary.id.uuidString)?done=run")
    }

    @Sendable static func round(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        let result = try await InternshipRoundAPIController.placements(req: req)
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        // Names of the students in view and titles of the posts, for the table.
        var names: [UUID: String] = [:]
        for chunk in result.items.map(\.studentId).chunked(500) where !chunk.isEmpty {
            for row in try await sql.select().columns("id", "name").from("students").where("id", .in, Array(chunk)).all() {
                names[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "name", as: String.self)
            }
        }
        var posts: [UUID: String] = [:]
        for row in try await sql.select().columns("id", "title").from("internship_posts").all() {
            posts[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "title", as: String.self)
        }
        let l = Language(req)
        let layout = PageLayout(title: result.round.name, language: l, caller: caller)
        var page = RoundPage(layout: layout, round: result.round, placements: result.items, names: names, posts: posts, canPublish: AccessPolicy.canPublishInternshipRound(caller: caller.scope))
        switch req.query[String.self, at: "done"] {
        case "run": page.message = l.t("已运行分配，结果为草稿：核对后再发布。", "The allocation ran; the result is a draft — check it, then publish.")
        case "published": page.message = l.t("已发布。学生、学校和企业现在可以看到分配结果。", "Published. Students, schools and enterprises now see their placements.")
        default: break
        }
        return .html(page.render())
    }

    /// `GET /internships/rounds/{id}/publish`: what publishing does, and the button that does it.
    /// A round already published has nothing to confirm: its page instead.
    @Sendable static func confirmPublish(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard AccessPolicy.canPublishInternshipRound(caller: caller.scope) else { throw AppError.forbidden }
        let round = try await InternshipRoundAPIController.find(req, caller)
        guard round.status == "draft" else { return req.redirect(to: "/internships/rounds/\(round.id.uuidString)") }
        let l = Language(req)
        let layout = PageLayout(title: l.t("发布确认：", "Publish: ") + round.name, language: l, caller: caller)
        return .html(RoundPublishPage(layout: layout, round: round).render())
    }

    @Sendable static func publish(req: Request) async throws -> Response {
        let round = try await InternshipRoundAPIController.publish(req: req)
        return req.redirect(to: "/internships/rounds/\(round.id.uuidString)?done=published")
    }
}
