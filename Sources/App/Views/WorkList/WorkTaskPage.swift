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
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return layout.render(.div(
            .p(.text(task.content)),
            .p(.id("task-standing"), .span(.class("status status-\(s.rawValue)"), .text(l.t(s.labelZh, s.labelEn))),
               .text(" · " + l.t("责任单位：", "Units: ") + task.units.joined(separator: "、") + " · " + l.t("期限：", "Due: ") + (task.yearly ? l.t("每年", "yearly") : task.deadline))),
            .if(!task.indicators.isEmpty, .p(.text(l.t("关联指标：", "Indicators: ")),
                .forEach(task.indicators) { id in .group(.a(.href("/supervision/indicators/\(id)?level=city"), .text(indicatorNames[id] ?? id)), .text(" ")) })),
            .h2(.text(l.t("进展报告", "Progress reports"))),
            .table(.id("reports"),
                   .thead(.tr(.th(.text(l.t("报送时间", "Submitted"))), .th(.text(l.t("单位", "Unit"))), .th(.text(l.t("进展", "Progress"))),
                              .th(.text(l.t("完成度", "Percent"))), .th(.text(l.t("佐证材料（SHA-256）", "Evidence (SHA-256)"))), .th(.text(l.t("审核", "Review"))))),
                   .tbody(.forEach(task.reports ?? []) { r in
                       .tr(.class("review-\(r.review.rawValue)"),
                           .td(.text(formatter.string(from: r.submittedAt))), .td(.text(r.unit)), .td(.text(r.text)), .td(.text("\(r.percent)%")),
                           .td(.forEach(r.evidence) { e in
                               .div(.a(.href("/api/v1/work-reports/\(r.id.uuidString)/evidence/\(e.id.uuidString)"), .text(e.fileName)),
                                    .span(.class("note"), .text(" \(e.size) B · \(e.sha256.prefix(16))…")))
                           }),
                           .td(.text(l.t(r.review.labelZh, r.review.labelEn) + (r.reviewComment.map { "：\($0)" } ?? "")),
                               .if(canReview && r.review == .pending, reviewForm(r.id))))
                   })),
            .if(canReport, reportForm())
        ))
    }

    func reviewForm(_ id: UUID) -> Node<HTML.BodyContext> {
        let l = layout.language
        return .form(.method(.post), .action("/work-reports/\(id.uuidString)/review"),
                     .input(.type(.hidden), .name("csrf"), .value(layout.csrf ?? "")),
                     .input(.type(.text), .name("comment"), .placeholder(l.t("审核意见（退回时必填）", "Comment (required to return)"))),
                     .button(.type(.submit), .name("decision"), .value("accepted"), .class("accept"), .text(l.t("通过", "Accept"))),
                     .button(.type(.submit), .name("decision"), .value("returned"), .class("return"), .text(l.t("退回", "Return"))))
    }

    func reportForm() -> Node<HTML.BodyContext> {
        let l = layout.language
        return .group(
            .h2(.text(l.t("报送进展", "Report progress"))),
            .form(.id("report-form"), .method(.post), .action("/work-tasks/\(task.id)/reports"), .enctype(.multipartData),
                  .input(.type(.hidden), .name("csrf"), .value(layout.csrf ?? "")),
                  .if(choosesUnit, .group(
                      .label(.text(l.t("报送单位", "Unit"))),
                      .select(.attribute(named: "name", value: "unit"), .forEach(task.units) { u in .option(.value(u), .label(u)) })
                  )),
                  .label(.text(l.t("进展说明", "Progress"))),
                  .textarea(.name("text"), .id("report-text"), .attribute(named: "rows", value: "4"), .attribute(named: "maxlength", value: "4000"), .attribute(named: "required", value: "required")),
                  .label(.text(l.t("完成度（%）", "Percent complete"))),
                  .input(.type(.number), .name("percent"), .id("report-percent"), .attribute(named: "min", value: "0"), .attribute(named: "max", value: "100"), .attribute(named: "required", value: "required")),
                  .label(.text(l.t("佐证材料（PDF、图片、文本、XLSX、DOCX，不超过10 MiB）", "Evidence (PDF, image, text, XLSX, DOCX; up to 10 MiB)"))),
                  .input(.type(.file), .name("evidence"), .id("report-file")),
                  .div(.button(.type(.submit), .id("submit-report"), .text(l.t("报送", "Submit")))))
        )
    }
}
