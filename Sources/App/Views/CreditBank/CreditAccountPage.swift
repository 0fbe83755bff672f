import CreditBank
import Plot
import Registry

/// 学分银行账户: a learner's credits by level, field and source, each outcome and what became
/// of it, the units held, the qualifications within reach, and a transfer question.
struct CreditAccountPage {
    let layout: PageLayout
    let account: CreditBankAPIController.AccountBody
    let awards: [CreditBankAPIController.AwardLine]
    let programs: [ProgramTransferLimit]
    let transfer: CreditBankAPIController.TransferBody?
    /// The learner themself, their school or the city may submit an outcome here.
    let canSubmit: Bool
    var credentials: CredentialPanel?
    /// The caller may reverse decisions (the city administrator): decided outcomes link to the
    /// reversal page.
    var canReverse = false
    /// A notice after a change (a reversal, a submission).
    var message: String?
    /// What was typed into the submission form, kept when it is refused.
    var typed = OutcomeTyped()
    /// Why the submission was refused, by the API's field names.
    var errors: [FieldError] = []

    /// The submission form's fields as typed (text, so nothing typed is lost on a refusal).
    struct OutcomeTyped {
        var kind = OutcomeKind.allCases.first?.rawValue ?? ""
        var title = ""
        var issuer = ""
        var code = ""
        var hours = ""
        var score = ""
        var awardedOn = ""
        var validUntil = ""
    }

    /// Each field of the API's submission and the control that holds it on this page.
    static let controls = [
        "kind": "outcome-kind", "title": "outcome-title", "issuer": "outcome-issuer", "code": "outcome-code", "hours": "outcome-hours",
        "score": "outcome-score", "awardedOn": "outcome-date", "validUntil": "outcome-valid-until", "evidence": "outcome-evidence",
    ]

    static func labels(_ l: Language) -> [String: String] {
        ["kind": l.t("成果类型", "Kind of outcome"), "title": l.t("成果名称", "Title"), "issuer": l.t("颁发机构", "Issuer"),
         "code": l.t("证书或课程代码", "Certificate or course code"), "hours": l.t("学时", "Hours"), "score": l.t("成绩", "Score"),
         "awardedOn": l.t("取得日期", "Awarded on"), "validUntil": l.t("有效期至（可空）", "Valid until (optional)"), "evidence": l.t("佐证材料", "Evidence")]
    }

    func submitForm() -> Node<HTML.BodyContext> {
        let l = layout.language
        let labels = Self.labels(l)
        func box(_ name: String, _ value: String, type: HTMLInputType = .text, required: Bool = false) -> Node<HTML.FormContext> {
            let id = Self.controls[name] ?? name
            return .group(
                .label(.for(id), .text(safe: labels[name] ?? name)),
                required ? .input(.type(type), .name(name), .id(safe: id), .value(safe: value), .attribute(named: "required", value: "required"))
                         : .input(.type(type), .name(name), .id(safe: id), .value(safe: value)),
                FormErrors.message(errors, field: name, l))
        }
        return .group(
            .h2(.text(safe: l.t("提交学习成果", "Submit a learning outcome"))),
            FormErrors.summary(errors, labels: labels, l, controls: Self.controls),
            .form(.id("submit-outcome"), .method(.post), .action(safe: "/credit-bank/learners/\(account.learner.id.uuidString)/outcomes"), .enctype(.multipartData),
                  .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                  .label(.for("outcome-kind"), .text(safe: labels["kind"] ?? "")),
                  .select(.attribute(named: "name", value: "kind"), .id("outcome-kind"),
                          .forEach(OutcomeKind.allCases) { k in .option(.value(safe: k.rawValue), .label(safe: l.t(k.labelZh, k.labelEn)), .isSelected(typed.kind == k.rawValue)) }),
                  FormErrors.message(errors, field: "kind", l),
                  box("title", typed.title, required: true),
                  box("issuer", typed.issuer),
                  box("code", typed.code),
                  box("hours", typed.hours),
                  box("score", typed.score),
                  box("awardedOn", typed.awardedOn, type: .date, required: true),
                  box("validUntil", typed.validUntil, type: .date),
                  .label(.for("outcome-evidence"), .text(safe: labels["evidence"] ?? "")),
                  .input(.type(.file), .name("evidence"), .id("outcome-evidence")),
                  .p(.class("note"), .text(safe: l.t("可上传 PDF、Word（.doc/.docx）、WPS、Excel 或图片；按内容识别类型。提交未成功时，请重新选择文件。",
                                                    "PDF, Word (.doc/.docx), WPS, Excel or a picture, recognised by content. If the submission is refused, choose the file again."))),
                  FormErrors.message(errors, field: "evidence", l),
                  .div(.button(.type(.submit), .id("submit-outcome-button"), .text(safe: l.t("提交", "Submit")))))
        )
    }

    /// For the city administrator, a decided outcome's link to the reversal page.
    func reverseLink(_ o: CreditBankAPIController.OutcomeLine) -> Node<HTML.BodyContext> {
        guard canReverse, ["recognised", "rejected"].contains(o.status) else { return .empty }
        let label = layout.language.t("撤销认定", "reverse")
        return .group(.text(safe: " "), .a(.class("reverse-decision"), .href(safe: "/credit-bank/outcomes/\(o.id.uuidString)/reversal"), .text(safe: label)))
    }

    func render() -> String {
        let l = layout.language
        let a = account
        func statusLabel(_ s: String) -> String {
            switch s {
            case "recognised": l.t("已认定", "recognised")
            case "rejected": l.t("未予认定", "rejected")
            case "needs_review": l.t("待审核", "awaiting review")
            case "evidence_requested": l.t("待补充材料", "evidence requested")
            case "withdrawn": l.t("已撤回", "withdrawn")
            default: l.t("已提交", "submitted")
            }
        }
        func kindLabel(_ k: String) -> String { OutcomeKind(rawValue: k).map { l.t($0.labelZh, $0.labelEn) } ?? k }
        return layout.render(.div(
            .unwrap(message) { .p(.id("account-message"), .class("ok"), .text(safe: $0)) },
            .p(.id("account-summary"), .text(safe: l.t("\(a.learner.name)（\(a.learner.idNumber)）：累计 \(a.totalCredits) 学分，\(a.outcomes.count) 项学习成果。",
                                                 "\(a.learner.name) (\(a.learner.idNumber)): \(a.totalCredits) credits from \(a.outcomes.count) outcomes."))),
            .p(.class("note"), .text(safe: l.t("账户由学分银行台账逐条回放得出；级别为广东终身教育资历框架级别。", "Rebuilt by replaying the ledger; levels are on the Guangdong framework."))),
            .h2(.text(safe: l.t("学分积累", "Credits held"))),
            .table(.id("by-level"), .thead(.tr(.th(.text(safe: l.t("级别", "Level"))), .th(.text(safe: l.t("学分", "Credits"))))),
                   .tbody(.forEach(a.byLevel) { .tr(.td(.text(safe: $0.key)), .td(.text(safe: $0.credits))) })),
            .table(.id("by-source"), .thead(.tr(.th(.text(safe: l.t("来源", "Source"))), .th(.text(safe: l.t("学分", "Credits"))))),
                   .tbody(.forEach(a.bySource) { .tr(.td(.text(safe: kindLabel($0.key))), .td(.text(safe: $0.credits))) })),
            .h2(.text(safe: l.t("学习成果", "Learning outcomes"))),
            .table(.id("outcomes"),
                   .thead(.tr(.th(.text(safe: l.t("成果", "Outcome"))), .th(.text(safe: l.t("类型", "Kind"))), .th(.text(safe: l.t("颁发机构", "Issuer"))),
                              .th(.text(safe: l.t("取得日期", "Awarded"))), .th(.text(safe: l.t("认定结果", "Decision"))), .th(.text(safe: l.t("依据", "Reason"))),
                              .th(.text(safe: l.t("佐证", "Evidence"))))),
                   .tbody(.forEach(a.outcomes) { o in
                       .tr(.class(safe: "outcome-\(o.status)"), .td(.text(safe: o.title)), .td(.text(safe: kindLabel(o.kind))), .td(.text(safe: o.issuer)), .td(.text(safe: o.awardedOn)),
                           .td(.text(safe: statusLabel(o.status)), reverseLink(o)),
                           .td(.text(safe: (l == .zh ? o.reasonZh : o.reasonEn) ?? "")),
                           .td(.unwrap(o.evidenceSHA256) { hash in
                               .a(.href(safe: "/api/v1/credit-bank/outcomes/\(o.id.uuidString)/evidence"), .attribute(named: "title", safe: "SHA-256 \(hash)"), .text(safe: String(hash.prefix(12)) + "…"))
                           }))
                   })),
            .if(canSubmit, submitForm()),
            .h2(.text(safe: l.t("学分单元", "Units"))),
            .table(.id("units"),
                   .thead(.tr(.th(.text(safe: l.t("单元", "Unit"))), .th(.text(safe: l.t("学分", "Credits"))), .th(.text(safe: l.t("级别", "Level"))), .th(.text(safe: l.t("已用于转换", "Used"))))),
                   .tbody(.forEach(a.units) { u in .tr(.td(.text(safe: u.unitCode)), .td(.text(safe: u.credits)), .td(.text(safe: String(u.hubLevel))), .td(.text(safe: u.used ? l.t("是", "yes") : ""))) })),
            .h2(.text(safe: l.t("可申请的资历", "Qualifications"))),
            .table(.id("awards"),
                   .thead(.tr(.th(.text(safe: l.t("资历", "Qualification"))), .th(.text(safe: l.t("结论", "Result"))), .th(.text(safe: l.t("尚缺", "Missing"))))),
                   .tbody(.forEach(awards) { q in
                       .tr(.class(safe: q.eligible ? "eligible" : "short"), .td(.text(safe: l.t(q.nameZh, q.nameEn))),
                           .td(.text(safe: q.eligible ? l.t("符合授予条件", "eligible") : l.t("尚未符合", "not yet"))),
                           .td(.text(safe: q.missing.map { l == .zh ? $0.textZh : $0.textEn }.joined(separator: "；"))))
                   })),
            .h2(.text(safe: l.t("转换到专业", "Transfer into a program"))),
            .form(.method(.get), .action(safe: "/credit-bank/learners/\(a.learner.id.uuidString)"),
                  .select(.attribute(named: "name", value: "target"), .id("target"), .attribute(named: "aria-label", safe: l.t("拟转入的专业", "Program to transfer into")),
                          .forEach(programs) { p in .option(.value(safe: "\(p.institutionCode):\(p.programCode)"), .label(safe: "\(p.institutionCode) · \(p.programCode)")) }),
                  .button(.type(.submit), .id("ask-transfer"), .text(safe: l.t("如果我报读这个专业，能转换多少？", "What would transfer?")))),
            .unwrap(transfer) { t in
                .div(.p(.id("transfer-summary"), .text(safe: l.t("可转换 \(t.total) 学分（上限 \(t.cap)）。", "\(t.total) credits would transfer (cap \(t.cap))."))),
                     .table(.id("transfer"),
                            .thead(.tr(.th(.text(safe: l.t("单元", "Unit"))), .th(.text(safe: l.t("规则", "Rule"))), .th(.text(safe: l.t("免修课程", "Course exempted"))), .th(.text(safe: l.t("学分", "Credits"))))),
                            .tbody(.forEach(t.items) { i in .tr(.td(.text(safe: i.unitId)), .td(.text(safe: i.ruleId)), .td(.text(safe: i.exemptsCourse ?? "")), .td(.text(safe: i.credits))) },
                                   .forEach(t.refusals) { r in .tr(.class("short"), .td(.text(safe: r.unitId)), .td(.text(safe: r.ruleId ?? "")), .td(.text(safe: l == .zh ? r.reasonZh : r.reasonEn)), .td(.text(safe: "0"))) })))
            },
            .unwrap(credentials) { $0.node }
        ))
    }
}
