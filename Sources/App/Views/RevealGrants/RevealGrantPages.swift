import Foundation
import Plot
import Registry

/// What the request form held, kept when it is shown again with errors.
struct RevealGrantFormValues: Sendable {
    var kind = RevealGrantKind.students.rawValue
    var purpose = ""
    var records = ""
    var justification = ""
}

enum RevealGrantViews {
    static func statusLabel(_ status: String, _ l: Language) -> String {
        if status == "expired" { return l.t("已过期", "Expired") }
        return RevealGrantStatus(rawValue: status).map { l.t($0.labelZh, $0.labelEn) } ?? status
    }

    static func purposeLabel(_ code: String, _ l: Language) -> String {
        RevealPurpose(rawValue: code).map { l.t($0.labelZh, $0.labelEn) } ?? code
    }

    static func kindLabel(_ code: String, _ l: Language) -> String {
        RevealGrantKind(rawValue: code).map { l.t($0.labelZh, $0.labelEn) } ?? code
    }

    static func table(_ grants: [RevealGrant], id: String, _ l: Language) -> Node<HTML.BodyContext> {
        let head: Node<HTML.TableContext> = .thead(.tr(
            .th(.text(safe: l.t("申请人", "Requested by"))), .th(.text(safe: l.t("记录", "Records"))), .th(.text(safe: l.t("用途", "Purpose"))),
            .th(.text(safe: l.t("理由", "Justification"))), .th(.text(safe: l.t("状态", "Status"))), .th(.text(safe: l.t("已查看", "Revealed"))),
            .th(.text(safe: l.t("申请时间", "Requested")))))
        let rows: [Node<HTML.TableContext>] = grants.map { g in
            let link: Node<HTML.TableRowContext> = .td(.a(.href(safe: "/reveal-grants/\(g.id.uuidString.lowercased())"), .text(safe: g.requester)))
            let status: Node<HTML.TableRowContext> = .td(.span(.class(safe: "status status-\(g.status)"), .text(safe: statusLabel(g.status, l))))
            let requested = String(g.requestedAt.prefix(16)).replacingOccurrences(of: "T", with: " ")
            return .tr(link, .td(.text(safe: "\(kindLabel(g.kind, l)) × \(g.recordCount)")), .td(.text(safe: purposeLabel(g.purpose, l))),
                       .td(.text(safe: g.justification)), status, .td(.text(safe: "\(g.revealedCount)/\(g.recordCount)")), .td(.text(safe: requested)))
        }
        return .div(.class("table-scroll"), .table(.id(safe: id), head, .tbody(.group(rows))))
    }
}

/// 查看授权: a school asks for a grant and follows it; the city reviews the pending ones.
struct RevealGrantsPage {
    let layout: PageLayout
    let canRequest: Bool
    let canReview: Bool
    let mine: [RevealGrant]
    let pending: [RevealGrant]
    let decided: [RevealGrant]
    var form = RevealGrantFormValues()
    var errors: [FieldError] = []

    func render() -> String {
        let l = layout.language
        let days = Int(RevealGrantRules.validity / 86_400), times = RevealGrantRules.revealsPerRecord
        let intro = l.t("逐条查看完整证件号码每人每小时最多 30 次。需要批量查看（如向考试机构报送）时，在此提出申请，写明用途和理由；市教育局管理员（申请人本人除外）批准后 \(days) 天内，可查看所列记录各 \(times) 次，每次查看均记入审计日志。",
                        "Full identity numbers can be seen one at a time, at most 30 an hour. For more (e.g. to register students for an exam), ask here with a purpose and a justification; once a city administrator other than you approves, you may reveal each listed record \(times) time(s) within \(days) days, every reveal audited.")
        let own: Node<HTML.BodyContext> = .if(canRequest, .group(
            .h2(.text(safe: l.t("我的申请", "My requests"))),
            .if(mine.isEmpty, .p(.id("no-grants"), .text(safe: l.t("尚无申请。", "No requests yet.")))),
            RevealGrantViews.table(mine, id: "my-grants", l)))
        let review: Node<HTML.BodyContext> = .if(canReview, .group(
            .h2(.text(safe: l.t("待审批", "Waiting for a decision"))),
            .if(pending.isEmpty, .p(.id("no-pending"), .text(safe: l.t("没有待审批的申请。", "Nothing is waiting.")))),
            RevealGrantViews.table(pending, id: "pending-grants", l),
            .h2(.text(safe: l.t("最近审批", "Recently decided"))),
            RevealGrantViews.table(decided, id: "decided-grants", l)))
        return layout.render(.div(.p(.text(safe: intro)), .if(canRequest, requestForm()), own, review))
    }

    func requestForm() -> Node<HTML.BodyContext> {
        let l = layout.language
        let kinds: [Node<HTML.SelectContext>] = RevealGrantKind.allCases.map { k in
            .option(.value(safe: k.rawValue), .label(safe: l.t(k.labelZh, k.labelEn)), .isSelected(k.rawValue == form.kind))
        }
        let purposes: [Node<HTML.SelectContext>] = RevealPurpose.allCases.filter { $0 != .ownRecord }.map { p in
            .option(.value(safe: p.rawValue), .label(safe: l.t(p.labelZh, p.labelEn)), .isSelected(p.rawValue == form.purpose))
        }
        let kindField: Node<HTML.FormContext> = .group(
            .label(.for("grant-kind"), .text(safe: l.t("记录类型", "Kind of record"))),
            .select(.id("grant-kind"), .attribute(named: "name", value: "kind"), .group(kinds)),
            FormErrors.message(errors, field: "kind", l))
        let purposeField: Node<HTML.FormContext> = .group(
            .label(.for("grant-purpose"), .text(safe: l.t("用途", "Purpose"))),
            .select(.id("grant-purpose"), .attribute(named: "name", value: "purpose"), .option(.value(""), .label(safe: l.t("请选择", "Choose"))), .group(purposes)),
            FormErrors.message(errors, field: "purpose", l))
        let recordsLabel = l.t("记录：每行一个学号/工号或记录编号（最多 \(RevealGrantRules.maxRecords) 条）",
                               "Records: one student or staff number, or record id, a line (at most \(RevealGrantRules.maxRecords))")
        let recordsField: Node<HTML.FormContext> = .group(
            .label(.for("grant-records"), .text(safe: recordsLabel)),
            .textarea(.id("grant-records"), .name("records"), .attribute(named: "rows", value: "6"), .text(safe: form.records)),
            FormErrors.message(errors, field: "recordIds", l))
        let justificationField: Node<HTML.FormContext> = .group(
            .label(.for("grant-justification"), .text(safe: l.t("理由", "Justification"))),
            .textarea(.id("grant-justification"), .name("justification"), .attribute(named: "rows", value: "3"),
                      .attribute(named: "maxlength", value: String(RevealGrantRules.maxJustification)), .text(safe: form.justification)),
            FormErrors.message(errors, field: "justification", l))
        let labels = ["kind": l.t("记录类型", "Kind of record"), "purpose": l.t("用途", "Purpose"), "recordIds": l.t("记录", "Records"),
                      "justification": l.t("理由", "Justification")]
        let controls = ["kind": "grant-kind", "purpose": "grant-purpose", "recordIds": "grant-records", "justification": "grant-justification"]
        let rejected = FormErrors.summary(errors, labels: labels, l, controls: controls)
        let formNode: Node<HTML.BodyContext> = .form(.id("grant-form"), .method(.post), .action("/reveal-grants"),
                                                 .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                                                 kindField, purposeField, recordsField, justificationField,
                                                 .div(.button(.type(.submit), .id("submit-grant"), .text(safe: l.t("提交申请", "Send the request")))))
        return .group(.h2(.text(safe: l.t("申请批量查看", "Ask for a bulk reveal"))), rejected, formNode)
    }
}

/// One grant: what it names (masked), its decision; the reviewer's decision form, the
/// requester's download of the granted numbers.
struct RevealGrantPage {
    let layout: PageLayout
    let detail: RevealGrantDetail
    let canDecide: Bool
    let canDownload: Bool
    var reason = ""
    var errors: [FieldError] = []

    func render() -> String {
        let l = layout.language
        let g = detail.grant
        let base = "/reveal-grants/\(g.id.uuidString.lowercased())"
        let facts: Node<HTML.BodyContext> = .dl(.id("grant-facts"),
            .dt(.text(safe: l.t("申请人", "Requested by"))), .dd(.text(safe: g.requester)),
            .dt(.text(safe: l.t("记录", "Records"))), .dd(.text(safe: "\(RevealGrantViews.kindLabel(g.kind, l)) × \(g.recordCount)")),
            .dt(.text(safe: l.t("用途", "Purpose"))), .dd(.text(safe: RevealGrantViews.purposeLabel(g.purpose, l))),
            .dt(.text(safe: l.t("理由", "Justification"))), .dd(.text(safe: g.justification)),
            .dt(.text(safe: l.t("状态", "Status"))),
            .dd(.span(.id("grant-status"), .class(safe: "status status-\(g.status)"), .text(safe: RevealGrantViews.statusLabel(g.status, l)))),
            .unwrap(g.decidedBy) { .group(.dt(.text(safe: l.t("审批人", "Decided by"))), .dd(.text(safe: $0))) },
            .unwrap(g.decisionReason) { .group(.dt(.text(safe: l.t("审批意见", "Reason"))), .dd(.id("grant-reason"), .text(safe: $0))) },
            .unwrap(g.expiresAt) { .group(.dt(.text(safe: l.t("有效期至", "Valid until"))), .dd(.text(safe: String($0.prefix(16)).replacingOccurrences(of: "T", with: " ")))) })
        let reasonField: Node<HTML.FormContext> = .group(
            .label(.for("decision-reason"), .text(safe: l.t("审批意见（必填）", "Reason (required)"))),
            .textarea(.id("decision-reason"), .name("reason"), .attribute(named: "rows", value: "2"),
                      .attribute(named: "maxlength", value: String(RevealGrantRules.maxDecisionReason)), .text(safe: reason)),
            FormErrors.message(errors, field: "reason", l),
            FormErrors.message(errors, field: "decision", l))
        let buttons: Node<HTML.FormContext> = .div(
            .button(.type(.submit), .name("decision"), .value("approve"), .id("approve"), .text(safe: l.t("批准", "Approve"))),
            .button(.type(.submit), .name("decision"), .value("refuse"), .id("refuse"), .text(safe: l.t("拒绝", "Refuse"))))
        let decision: Node<HTML.BodyContext> = .if(canDecide, .group(
            .h2(.text(safe: l.t("审批", "Decision"))),
            .form(.id("decision-form"), .method(.post), .action(safe: base + "/decision"),
                  .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")), reasonField, buttons)))
        let downloadForm: Node<HTML.BodyContext> = .form(.id("download-form"), .method(.post), .action(safe: base + "/download"),
            .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
            .select(.attribute(named: "name", value: "format"), .attribute(named: "aria-label", safe: l.t("下载格式", "Download format")), .option(.value("csv"), .label("CSV")), .option(.value("xlsx"), .label("XLSX"))),
            .button(.type(.submit), .id("download"), .text(safe: l.t("下载", "Download"))))
        let download: Node<HTML.BodyContext> = .if(canDownload, .group(
            .h2(.text(safe: l.t("下载证件号码", "Download the identity numbers"))),
            .p(.text(safe: l.t("下载包含尚未查看的全部记录；每条记录的查看都记入审计日志，并计入本授权。",
                               "The download holds every record not yet revealed; each is audited and counted against this grant."))),
            downloadForm))
        let head: Node<HTML.TableContext> = .thead(.tr(
            .th(.text(safe: l.t("学号/工号", "Number"))), .th(.text(safe: l.t("姓名", "Name"))),
            .th(.text(safe: l.t("证件号码（遮蔽）", "Identity number (masked)"))), .th(.text(safe: l.t("已查看次数", "Times revealed")))))
        let rows: Node<HTML.TableContext> = .tbody(.forEach(detail.records) { r in
            .tr(.td(.text(safe: r.number)), .td(.text(safe: r.name)), .td(.code(.text(safe: r.idMasked))), .td(.text(safe: String(r.reveals))))
        })
        return layout.render(.div(
            facts, decision, FormErrors.message(errors, field: "grant", l), download,
            .h2(.text(safe: l.t("所列记录", "Records named"))),
            .div(.class("table-scroll"), .table(.id("grant-records"), head, rows))
        ))
    }
}
