import Foundation
import Indicators
import Registry
import SQLKit
import Vapor

/// `/api/v1/work-tasks/…` and `/api/v1/work-reports/…`: the policy's work lists, progress
/// reports with evidence, and the city's review. A responsible unit sees and reports on its
/// own tasks only; the city sees every task and reviews.
enum WorkListAPIController {
    struct TaskBody: Content {
        var id: String
        var list: String
        var number: Int
        var content: String
        var units: [String]
        var lead: String
        var indicators: [String]
        var deadline: String
        var yearly: Bool
        var standing: String
        var acceptedPercent: Int?
        var lastReportAt: Date?
        var pendingReviews: Int
        var reports: [WorkReports.Report]?
    }

    static func body(_ task: WorkTask, reports: [WorkReports.Report], withReports: Bool) -> TaskBody {
        TaskBody(id: task.id, list: task.list.rawValue, number: task.number, content: task.content, units: task.units, lead: task.lead,
                 indicators: task.indicators, deadline: task.deadline.description, yearly: task.yearly,
                 standing: WorkReports.standing(of: task, reports: reports).rawValue,
                 acceptedPercent: reports.first { $0.review == .accepted }?.percent, lastReportAt: reports.first?.submittedAt,
                 pendingReviews: reports.filter { $0.review == .pending }.count, reports: withReports ? reports : nil)
    }

    /// The tasks the caller may see (all for the city, its own for a responsible unit); a role
    /// without the work list is refused.
    static func visibleTasks(_ req: Request) throws -> [WorkTask] {
        let caller = try req.requireCaller().scope
        guard AccessPolicy.mayUseWorkList(caller: caller) else { throw AppError.forbidden }
        return req.services.workList.tasks.filter { AccessPolicy.canReadWorkTask(responsibleUnits: $0.units, caller: caller) }
    }

    static func sql(_ req: Request) throws -> any SQLDatabase {
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        return sql
    }

    /// `GET /work-tasks?list=city&standing=overdue`
    @Sendable static func list(req: Request) async throws -> [TaskBody] {
        try await tasks(req, list: req.query[String.self, at: "list"], standing: req.query[String.self, at: "standing"])
    }

    /// The visible tasks on one list (nil: all) in one standing (nil: any).
    static func tasks(_ req: Request, list: String?, standing standingFilter: String?) async throws -> [TaskBody] {
        var tasks = try visibleTasks(req)
        if let list {
            guard let wanted = PolicyList(rawValue: list) else {
                throw AppError.validation([FieldError(field: "list", zh: "只能是 moe、province 或 city", en: "must be moe, province or city")])
            }
            tasks = tasks.filter { $0.list == wanted }
        }
        if let standingFilter, TaskStanding(rawValue: standingFilter) == nil {
            throw AppError.validation([FieldError(field: "standing", zh: "只能是 done、in_progress、overdue、stalled 或 not_started", en: "must be done, in_progress, overdue, stalled or not_started")])
        }
        let reports = try await WorkReports.reports(tasks: tasks.map(\.id), on: try sql(req))
        return tasks.map { body($0, reports: reports[$0.id] ?? [], withReports: false) }
            .filter { standingFilter == nil || $0.standing == standingFilter }
    }

    /// The task in the path (or `id`); another unit's task answers like a missing one.
    static func task(_ req: Request, id: String? = nil) throws -> WorkTask {
        let caller = try req.requireCaller().scope
        guard AccessPolicy.mayUseWorkList(caller: caller) else { throw AppError.forbidden }
        let id = id ?? req.parameters.get("id") ?? ""
        guard let task = req.services.workList[id], AccessPolicy.canReadWorkTask(responsibleUnits: task.units, caller: caller) else { throw AppError.notFound }
        return task
    }

    @Sendable static func show(req: Request) async throws -> TaskBody {
        try await show(req, task: try task(req))
    }

    /// One task with its reports.
    static func show(_ req: Request, task: WorkTask) async throws -> TaskBody {
        let reports = try await WorkReports.reports(tasks: [task.id], on: try sql(req))
        return body(task, reports: reports[task.id] ?? [], withReports: true)
    }

    struct ReportRequest: Content {
        var text: String
        var percent: Int
        /// Which of the task's units reports; a responsible unit reports as itself.
        var unit: String?
        var evidence: [EvidenceUpload]?
    }

    struct Created: Content {
        var id: UUID
    }

    /// Checks a report and its files; every problem is named at once.
    static func validate(_ body: ReportRequest, task: WorkTask, caller: CallerScope) throws -> (unit: String, files: [EvidenceFile]) {
        var errors: [FieldError] = []
        let text = body.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { errors.append(.required("text")) }
        if text.count > 4000 { errors.append(.tooLong("text", max: 4000)) }
        if !(0...100).contains(body.percent) { errors.append(.outOfRange("percent", min: 0, max: 100)) }
        var unit = caller.unit ?? ""
        if AccessPolicy.reportsOnBehalfOfUnits(caller: caller) {
            unit = body.unit ?? task.lead
            if !task.isResponsible(unit) {
                errors.append(FieldError(field: "unit", zh: "“\(unit)”不是该任务的责任单位", en: "'\(unit)' is not responsible for this task"))
            }
        }
        let checked = EvidencePolicy.check(body.evidence ?? [])
        errors += checked.errors
        let files = checked.files
        if !errors.isEmpty { throw AppError.validation(errors) }
        return (unit, files)
    }

    /// `POST /work-tasks/{id}/reports`
    @Sendable static func report(req: Request) async throws -> Response {
        let id = try await submit(try req.content.decode(ReportRequest.self), req: req)
        return try await Created(id: id).encodeResponse(status: .created, for: req)
    }

    /// Records a progress report on the task in the path, after the access check and every
    /// check of its content (the API and the page's form both come here).
    static func submit(_ body: ReportRequest, req: Request) async throws -> UUID {
        let caller = try req.requireCaller()
        let task = try task(req)
        guard AccessPolicy.canReportOnWorkTask(responsibleUnits: task.units, caller: caller.scope) else { throw AppError.forbidden }
        let checked = try validate(body, task: task, caller: caller.scope)
        let id = try await req.audited { db in
            guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
            let id = try await WorkReports.insert(task: task, unit: checked.unit, text: body.text.trimmingCharacters(in: .whitespacesAndNewlines),
                                                  percent: body.percent, evidence: checked.files, by: caller.userID, on: sql)
            return (id, req.auditEntry(action: "report", entity: "work_task", recordID: task.id, detail: "\(checked.unit) \(body.percent)% \(checked.files.count) files"))
        }
        return id
    }

    struct ReviewRequest: Content {
        var decision: String
        var comment: String?
    }

    /// `POST /work-reports/{id}/review`: the city accepts or returns a pending report.
    @Sendable static func review(req: Request) async throws -> WorkReports.Report {
        guard AccessPolicy.canReviewWorkReport(caller: try req.requireCaller().scope) else { throw AppError.forbidden }
        try req.checkDocumentedBody()
        return try await decide(try req.content.decode(ReviewRequest.self), req: req)
    }

    /// Accepts or returns the pending report in the path (the API and the page's form both
    /// come here).
    static func decide(_ body: ReviewRequest, req: Request) async throws -> WorkReports.Report {
        let caller = try req.requireCaller()
        guard AccessPolicy.canReviewWorkReport(caller: caller.scope) else { throw AppError.forbidden }
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        var errors: [FieldError] = []
        let decision = WorkReportReview(rawValue: body.decision)
        if decision == nil || decision == .pending {
            errors.append(FieldError(field: "decision", zh: "只能是 accepted 或 returned", en: "must be accepted or returned"))
        }
        let comment = body.comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        if decision == .returned, comment?.isEmpty ?? true {
            errors.append(FieldError(field: "comment", zh: "退回时须说明理由", en: "required when returning a report"))
        }
        if (comment?.count ?? 0) > 2000 { errors.append(.tooLong("comment", max: 2000)) }
        guard errors.isEmpty, let decision else { throw AppError.validation(errors) }
        let taskID: String = try await req.audited { db in
            guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
            guard let taskID = try await WorkReports.taskID(ofReport: id, on: sql) else { throw AppError.notFound }
            // Decided once: the update only applies to a report still pending, so two
            // reviewers at once cannot both decide it.
            let pending = WorkReportReview.pending.rawValue
            let decided = try await sql.update("work_reports")
                .set("review", to: decision.rawValue).set("review_comment", to: comment).set("reviewed_by", to: caller.userID).set("reviewed_at", to: Date())
                .where("id", .equal, id).where("review", .equal, pending).returning("id").all()
            guard !decided.isEmpty else {
                throw AppError.conflict(FieldError(field: "decision", zh: "该报告已审核", en: "the report has already been reviewed"))
            }
            return (taskID, req.auditEntry(action: "review", entity: "work_report", recordID: id.uuidString, detail: "\(taskID) \(decision.rawValue)"))
        }
        let sql = try sql(req)
        guard let report = try await WorkReports.reports(tasks: [taskID], on: sql)[taskID]?.first(where: { $0.id == id }) else { throw AppError.notFound }
        return report
    }

    /// `GET /work-reports/{id}/evidence/{evidenceId}`: the file, for whoever may see the task.
    @Sendable static func evidence(req: Request) async throws -> Response {
        let caller = try req.requireCaller().scope
        guard AccessPolicy.mayUseWorkList(caller: caller) else { throw AppError.forbidden }
        guard let reportID = req.parameters.get("id", as: UUID.self), let evidenceID = req.parameters.get("evidenceId", as: UUID.self) else { throw AppError.notFound }
        let sql = try sql(req)
        guard let taskID = try await WorkReports.taskID(ofReport: reportID, on: sql) else { throw AppError.notFound }
        // Another unit's report answers like a missing one.
        guard let task = req.services.workList[taskID], AccessPolicy.canReadWorkTask(responsibleUnits: task.units, caller: caller) else { throw AppError.notFound }
        guard let file = try await sql.select().columns("file_name", "content_type", "sha256", "content").from("work_evidence")
            .where("id", .equal, evidenceID).where("report_id", .equal, reportID).first() else { throw AppError.notFound }
        return EvidencePolicy.response(content: try file.decode(column: "content", as: Data.self), fileName: try file.decode(column: "file_name", as: String.self),
                                       contentType: try file.decode(column: "content_type", as: String.self), sha256: try file.decode(column: "sha256", as: String.self))
    }
}
