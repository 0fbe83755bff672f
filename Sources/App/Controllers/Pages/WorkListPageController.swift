import Foundation
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
        let caller = try req.requireCaller()
        let task = try await WorkListAPIController.show(req: req)
        let l = Language(req)
        let names = Dictionary(uniqueKeysWithValues: req.services.indicators.indicators.map { ($0.id, l.t($0.nameZh, $0.nameEn)) })
        let layout = PageLayout(title: l.t("任务 \(task.id)", "Task \(task.id)"), language: l, caller: caller)
        let scope = caller.scope
        return .html(WorkTaskPage(layout: layout, task: task, indicatorNames: names,
                                  canReport: AccessPolicy.canReportOnWorkTask(responsibleUnits: task.units, caller: scope),
                                  canReview: AccessPolicy.canReviewWorkReport(caller: scope), choosesUnit: AccessPolicy.reportsOnBehalfOfUnits(caller: scope)).render())
    }

    struct ReportForm: Content {
        var text: String
        var percent: Int
        var unit: String?
        var evidence: File?
    }

    @Sendable static func report(req: Request) async throws -> Response {
        let form = try req.content.decode(ReportForm.self)
        var uploads: [EvidenceUpload] = []
        if let file = form.evidence, file.data.readableBytes > 0 {
            let type = file.contentType.map { "\($0.type)/\($0.subType)" } ?? "application/octet-stream"
            uploads.append(.init(fileName: file.filename, contentType: type, contentBase64: Data(buffer: file.data).base64EncodedString()))
        }
        try req.content.encode(WorkListAPIController.ReportRequest(text: form.text, percent: form.percent, unit: form.unit, evidence: uploads), as: .json)
        _ = try await WorkListAPIController.report(req: req)
        return req.redirect(to: "/work-tasks/\(req.parameters.get("id") ?? "")")
    }

    @Sendable static func review(req: Request) async throws -> Response {
        let report = try await WorkListAPIController.review(req: req)
        return req.redirect(to: "/work-tasks/\(report.taskId)")
    }
}
