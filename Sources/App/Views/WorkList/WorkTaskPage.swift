import Foundation
import Indicators
import Plot

/// One task: its text, units, linked indicators, the reports with their evidence, a report
/// form for its units, and review buttons for the city.
struct WorkTaskPage {
    let layout: PageLayout
    let task: WorkListAPIController.TaskBody
    let indicatorNames: [String: String]
    let canReport: Bool
    let canReview: Bool
    /// The city reports on a unit's behalf and picks which.
    let choosesUnit: Bool

    func render() -> String {
        let l = layout.language
        let s = TaskStanding(rawValue: task.standing) ?? .notStarted
        return layout.render(.div(
            .p(.text(safe: task.content)),
            .p(.id("task-standing"), .span(.class(safe: "status status-\(s.rawValue)"), .text(safe: l.t(s.labelZh, s.labelEn))),
               .text(safe: " · " + l.t("责任单位：", "Units: ") + task.units.joined(separator: "、") + " · " + l.t("期限：", "Due: ") + (task.yearly ? l.t("每年", "yearly") : task.deadline))),
            .if(!task.indicators.isEmpty, .p(.text(safe: l.t("关联指标：", "Indicators: ")),
                .forEach(task.indicators) { id in .group(.a(.href(safe: "/supervision/indicators/\(id)?level=city"), .text(safe: indicatorNames[id] ?? id)), .text(safe: " ")) })),
            .h2(.text(safe: l.t("进展报告", "Progress reports"))),
            .table(.id("reports"),
                   .thead(.tr(.th(.text(safe: l.t("报送时间", "Submitted"))), .th(.text(safe: l.t("单位", "Unit"))), .th(.text(safe: l.t("进展", "Progress"))),
                              .th(.text(safe: l.t("完成度", "Percent"))), .th(.text(safe: l.t("佐证材料（SHA-256）", "Evidence (SHA-256)"))), .th(.text(safe: l.t("审核", "Review"))))),
                   .tbody(.forEach(task.reports ?? []) { r in
                       .tr(.class(safe: "review-\(r.review.rawValue)"),
                           .td(.text(safe: DisplayTime.minute(r.submittedAt))), .td(.text(safe: r.unit)), .td(.text(safe: r.text)), .td(.text(safe: "\(r.percent)%")),
                           .td(.forEach(r.evidence) { e in
                               .div(.a(.href(safe: "/api/v1/work-reports/\(r.id.uuidString)/evidence/\(e.id.uuidString)"), .text(safe: e.fileName)),
                                    .span(.class("note"), .text(safe: " \(e.size) B · \(e.sha256.prefix(16))…")))
                           }),
                           .td(.text(safe: l.t(r.review.labelZh, r.review.labelEn) + (r.reviewComment.map { "：\($0)" } ?? "")),
                               .if(canReview && r.review == .pending, reviewForm(r.id))))
                   })),
            .if(canReport, reportForm())
        ))
    }

    func reviewForm(_ id: UUID) -> Node<HTML.BodyContext> {
        let l = layout.language
        return .form(.method(.post), .action(safe: "/work-reports/\(id.uuidString)/review"),
                     .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                     .input(.type(.text), .name("comment"), .attribute(named: "aria-label", safe: l.t("审核意见", "Review comment")), .placeholder(safe: l.t("审核意见（退回时必填）", "Comment (required to return)"))),
                     .button(.type(.submit), .name("decision"), .value("accepted"), .class("accept"), .text(safe: l.t("通过", "Accept"))),
                     .button(.type(.submit), .name("decision"), .value("returned"), .class("return"), .text(safe: l.t("退回", "Return"))))
    }

    func reportForm() -> Node<HTML.BodyContext> {
        let l = layout.language
        return .group(
            .h2(.text(safe: l.t("报送进展", "Report progress"))),
            .form(.id("report-form"), .method(.post), .action(safe: "/work-tasks/\(task.id)/reports"), .enctype(.multipartData),
                  .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                  .if(choosesUnit, .group(
                      .label(.attribute(named: "for", value: "report-unit"), .text(safe: l.t("报送单位", "Unit"))),
                      .select(.attribute(named: "name", value: "unit"), .id("report-unit"), .forEach(task.units) { u in .option(.value(safe: u), .label(safe: u)) })
                  )),
                  .label(.attribute(named: "for", value: "report-text"), .text(safe: l.t("进展说明", "Progress"))),
                  .textarea(.name("text"), .id("report-text"), .attribute(named: "rows", value: "4"), .attribute(named: "maxlength", value: "4000"), .attribute(named: "required", value: "required")),
                  .label(.attribute(named: "for", value: "report-percent"), .text(safe: l.t("完成度（%）", "Percent complete"))),
                  .input(.type(.number), .name("percent"), .id("report-percent"), .attribute(named: "min", value: "0"), .attribute(named: "max", value: "100"), .attribute(named: "required", value: "required")),
                  .label(.attribute(named: "for", value: "report-file"), .text(safe: l.t("佐证材料（PDF、图片、文本、XLSX、DOCX，不超过10 MiB）", "Evidence (PDF, image, text, XLSX, DOCX; up to 10 MiB)"))),
                  .input(.type(.file), .name("evidence"), .id("report-file")),
                  .div(.button(.type(.submit), .id("submit-report"), .text(safe: l.t("报送", "Submit")))))
        )
    }
}
