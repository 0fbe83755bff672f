import Foundation
import Indicators
import Plot
import Registry

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
    /// What was typed into the report form, kept when it is refused.
    var typed = ReportTyped()
    /// Why the report was refused, by field.
    var errors: [FieldError] = []
    /// A refused review: which report, the comment typed, and why.
    var review: ReviewRefusal?
    /// What the last action did.
    var message: String?

    struct ReportTyped {
        var text = ""
        var percent = ""
        var unit = ""
    }

    struct ReviewRefusal {
        var reportID: UUID
        var comment: String
        var errors: [FieldError]
    }

    static let reportControls = ["text": "report-text", "percent": "report-percent", "unit": "report-unit", "evidence": "report-file"]

    func render() -> String {
        let l = layout.language
        let s = TaskStanding(rawValue: task.standing) ?? .notStarted
        return layout.render(.div(
            FormErrors.confirmation(message),
            .p(.text(safe: task.content)),
            .p(.id("task-standing"), .span(.class(safe: "status status-\(s.rawValue)"), .text(safe: l.t(s.labelZh, s.labelEn))),
               .text(safe: " · " + l.t("责任单位：", "Units: ") + task.units.joined(separator: "、") + " · " + l.t("期限：", "Due: ") + (task.yearly ? l.t("每年", "yearly") : task.deadline))),
            .if(!task.indicators.isEmpty, .p(.text(safe: l.t("关联指标：", "Indicators: ")),
                .forEach(task.indicators) { id in .group(.a(.href(safe: "/supervision/indicators/\(id)?level=city"), .text(safe: indicatorNames[id] ?? id)), .text(safe: " ")) })),
            .h2(.text(safe: l.t("进展报告", "Progress reports"))),
            .unwrap(review) { r in
                FormErrors.summary(r.errors, labels: ["comment": l.t("审核意见", "Review comment"), "decision": l.t("审核结论", "Decision")], l,
                                   controls: ["comment": "review-comment-\(r.reportID.uuidString)", "decision": "review-comment-\(r.reportID.uuidString)"])
            },
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
        let refusal = review?.reportID == id ? review : nil
        let errors = refusal?.errors ?? []
        return .form(.method(.post), .action(safe: "/work-reports/\(id.uuidString)/review"),
                     .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                     FormErrors.message(errors, field: "decision", l),
                     FormErrors.message(errors, field: "comment", l),
                     .input(.type(.text), .name("comment"), .id(safe: "review-comment-\(id.uuidString)"), .value(safe: refusal?.comment ?? ""),
                            .attribute(named: "aria-label", safe: l.t("审核意见", "Review comment")), .placeholder(safe: l.t("审核意见（退回时必填）", "Comment (required to return)")),
                            FormErrors.invalid(errors, "comment", "decision")),
                     .button(.type(.submit), .name("decision"), .value("accepted"), .class("accept"), .text(safe: l.t("通过", "Accept"))),
                     .button(.type(.submit), .name("decision"), .value("returned"), .class("return"), .text(safe: l.t("退回", "Return"))))
    }

    func reportForm() -> Node<HTML.BodyContext> {
        let l = layout.language
        let labels = ["text": l.t("进展说明", "Progress"), "percent": l.t("完成度（%）", "Percent complete"), "unit": l.t("报送单位", "Unit"),
                      "evidence": l.t("佐证材料", "Evidence")]
        return .group(
            .h2(.text(safe: l.t("报送进展", "Report progress"))),
            FormErrors.summary(errors, labels: labels, l, controls: Self.reportControls),
            .form(.id("report-form"), .method(.post), .action(safe: "/work-tasks/\(task.id)/reports"), .enctype(.multipartData),
                  .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                  .if(choosesUnit, .group(
                      .label(.attribute(named: "for", value: "report-unit"), .text(safe: labels["unit"] ?? "")),
                      FormErrors.message(errors, field: "unit", l),
                      .select(.attribute(named: "name", value: "unit"), .id("report-unit"),
                              .forEach(task.units) { u in .option(.value(safe: u), .label(safe: u), .isSelected(typed.unit == u)) })
                  )),
                  .label(.attribute(named: "for", value: "report-text"), .text(safe: labels["text"] ?? "")),
                  FormErrors.message(errors, field: "text", l),
                  .textarea(.name("text"), .id("report-text"), .attribute(named: "rows", value: "4"), .attribute(named: "maxlength", value: "4000"),
                            .attribute(named: "required", value: "required"), .attribute(FormErrors.invalid(errors, "text")),
                            .text(safe: typed.text)),
                  .label(.attribute(named: "for", value: "report-percent"), .text(safe: labels["percent"] ?? "")),
                  FormErrors.message(errors, field: "percent", l),
                  // Text, not a number input: a browser empties a number box it cannot read, and
                  // what was typed must come back with its reason.
                  .input(.type(.text), .name("percent"), .id("report-percent"), .attribute(named: "inputmode", value: "numeric"), .value(safe: typed.percent),
                         .attribute(named: "required", value: "required"), FormErrors.invalid(errors, "percent")),
                  .label(.attribute(named: "for", value: "report-file"), .text(safe: l.t("佐证材料（PDF、图片、文本、Word、Excel、WPS，不超过10 MiB；被退回时须重新选择）",
                                                                                         "Evidence (PDF, image, text, Word, Excel, WPS; up to 10 MiB; choose it again after a refusal)"))),
                  FormErrors.message(errors, field: "evidence", l),
                  .input(.type(.file), .name("evidence"), .id("report-file"), FormErrors.invalid(errors, "evidence")),
                  .div(.button(.type(.submit), .id("submit-report"), .text(safe: l.t("报送", "Submit")))))
        )
    }
}
