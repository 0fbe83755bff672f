import Foundation
import Indicators
import Registry
import Vapor

/// `/work-tasks…` pages: the list, one task with its reports, the report form and the
/// city's review.
enum WorkListPageController {
    @Sendable static func list(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        let list = req.query[String.self, at: "list"].flatMap { $0.isEmpty ? nil : $0 }
        let standing = req.query[String.self, at: "standing"].flatMap { $0.isEmpty ? nil : $0 }
        // An empty selection in the form means "all".
        let tasks = try await WorkListAPIController.tasks(req, list: list, standing: standing)
        let l = Language(req)
        let layout = PageLayout(title: l.t("工作任务清单", "Work list"), language: l, caller: caller)
        return .html(WorkTasksPage(layout: layout, tasks: tasks, list: list, standing: standing).render())
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let l = Language(req)
        var message: String?
        if req.query[String.self, at: "reported"] != nil { message = l.t("进展报告已报送，等待市教育局审核", "Report submitted; it awaits the city's review") }
        switch req.query[String.self, at: "reviewed"] {
        case WorkReportReview.accepted.rawValue?: message = l.t("已通过该报告", "Report accepted")
        case WorkReportReview.returned.rawValue?: message = l.t("已退回该报告", "Report returned")
        default: break
        }
        return try await taskPage(req, task: try WorkListAPIController.task(req), message: message)
    }

    /// The task page; after a refused report or review, with what was typed and each reason by
    /// its field (422), so that nothing typed is lost.
    static func taskPage(_ req: Request, task: WorkTask, typed: WorkTaskPage.ReportTyped = .init(), errors: [FieldError] = [],
                         review: WorkTaskPage.ReviewRefusal? = nil, message: String? = nil) async throws -> Response {
        let caller = try req.requireCaller()
        let body = try await WorkListAPIController.show(req, task: task)
        let l = Language(req)
        let names = Dictionary(uniqueKeysWithValues: req.services.indicators.indicators.map { ($0.id, l.t($0.nameZh, $0.nameEn)) })
        let layout = PageLayout(title: l.t("任务 \(body.id)", "Task \(body.id)"), language: l, caller: caller)
        let scope = caller.scope
        var page = WorkTaskPage(layout: layout, task: body, indicatorNames: names,
                                canReport: AccessPolicy.canReportOnWorkTask(responsibleUnits: body.units, caller: scope),
                                canReview: AccessPolicy.canReviewWorkReport(caller: scope), choosesUnit: AccessPolicy.reportsOnBehalfOfUnits(caller: scope))
        page.typed = typed
        page.errors = errors
        page.review = review
        page.message = message
        return .html(page.render(), status: errors.isEmpty && review == nil ? .ok : .unprocessableEntity)
    }

    /// Every field as text, so that a word typed as the percentage comes back to the form with
    /// its reason instead of failing to decode.
    struct ReportForm: Content {
        var text: String?
        var percent: String?
        var unit: String?
        var evidence: File?
    }

    @Sendable static func report(req: Request) async throws -> Response {
        let task = try WorkListAPIController.task(req)
        let form = try req.content.decode(ReportForm.self)
        let typed = WorkTaskPage.ReportTyped(text: form.text ?? "", percent: form.percent ?? "", unit: form.unit ?? "")
        var uploads: [EvidenceUpload] = []
        if let file = form.evidence, file.data.readableBytes > 0 {
            let type = file.contentType.map { "\($0.type)/\($0.subType)" } ?? "application/octet-stream"
            uploads.append(.init(fileName: file.filename, contentType: type, contentBase64: Data(buffer: file.data).base64EncodedString()))
        }
        let percentText = typed.percent.trimmingCharacters(in: .whitespaces)
        guard let percent = Int(percentText.hasSuffix("%") ? String(percentText.dropLast()) : percentText) else {
            let error = percentText.isEmpty ? FieldError.required("percent") : FieldError(field: "percent", zh: "应为0到100的整数", en: "must be a whole number from 0 to 100")
            return try await taskPage(req, task: task, typed: typed, errors: [error])
        }
        let request = WorkListAPIController.ReportRequest(text: typed.text, percent: percent, unit: form.unit, evidence: uploads)
        switch try await FormRefusal.attempt({ try await WorkListAPIController.submit(request, req: req) }) {
        case .done:
            return req.redirect(to: "/work-tasks/\(task.id)?reported=1")
        case .refused(let errors):
            return try await taskPage(req, task: task, typed: typed, errors: errors)
        }
    }

    @Sendable static func review(req: Request) async throws -> Response {
        let body = try req.content.decode(WorkListAPIController.ReviewRequest.self)
        switch try await FormRefusal.attempt({ try await WorkListAPIController.decide(body, req: req) }) {
        case .done(let report):
            return req.redirect(to: "/work-tasks/\(report.taskId)?reviewed=\(report.review.rawValue)")
        case .refused(let errors):
            guard let id = req.parameters.get("id", as: UUID.self),
                  let taskID = try await WorkReports.taskID(ofReport: id, on: try WorkListAPIController.sql(req)) else { throw AppError.notFound }
            return try await taskPage(req, task: try WorkListAPIController.task(req, id: taskID),
                                      review: .init(reportID: id, comment: body.comment ?? "", errors: errors))
        }
    }
}
