import CreditBank
import Foundation
import Plot

/// 确认认定决定: before a final decision (recognised, rejected) goes into the ledger, the
/// reviewer sees the outcome and exactly what will be recorded — the units as the period cap
/// leaves them — and that only a city administrator can reverse it. 确认 records it;
/// 返回修改 goes back to the queue with what was typed kept.
struct DecisionConfirmationPage {
    let layout: PageLayout
    let item: CreditBankAPIController.QueueItem
    let typed: ReviewQueuePage.Typed
    /// The decision as it would be recorded now.
    let decision: RecognitionDecision

    var l: Language { layout.language }

    func row(_ label: String, _ value: String, id: String) -> Node<HTML.TableContext> {
        .tr(.th(.text(safe: label)), .td(.id(safe: id), .text(safe: value)))
    }

    /// The typed fields again, so that either button sends what the reviewer typed.
    func hidden(_ step: String) -> Node<HTML.FormContext> {
        .group(
            .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
            .input(.type(.hidden), .name("verdict"), .value(safe: typed.verdict)),
            .input(.type(.hidden), .name("reasonZh"), .value(safe: typed.reasonZh)),
            .input(.type(.hidden), .name("unitCode"), .value(safe: typed.unitCode)),
            .input(.type(.hidden), .name("credits"), .value(safe: typed.credits)),
            .input(.type(.hidden), .name("hubLevel"), .value(safe: typed.hubLevel)),
            .input(.type(.hidden), .name("step"), .value(safe: step))
        )
    }

    func render() -> String {
        let recognised = decision.verdict == .recognised
        let verdict = recognised ? l.t("认定", "Recognise") : l.t("不予认定", "Reject")
        let units = decision.units.map { "\($0.unitCode)：\($0.credits) \(l.t("学分", "credits"))，\(l.t("第\($0.hubLevel)级", "level \($0.hubLevel)"))" }
        let typedCredits = Credits(text: typed.credits)
        let cut = recognised && typedCredits != nil && decision.units.first.map { $0.credits != typedCredits } == true
        let action = "/credit-bank/outcomes/\(item.outcomeId.uuidString)/decision"
        let kind = OutcomeKind(rawValue: item.kind).map { l.t($0.labelZh, $0.labelEn) } ?? item.kind
        return layout.render(.div(
            .p(.id("confirm-question"), .text(safe: l.t("请确认以下认定决定。", "Please confirm this decision."))),
            .table(.id("decision-preview"),
                   row(l.t("学习者", "Learner"), item.learnerName, id: "preview-learner"),
                   row(l.t("成果", "Outcome"), "\(item.title)（\(kind)）", id: "preview-outcome"),
                   row(l.t("颁发机构", "Issuer"), item.issuer, id: "preview-issuer"),
                   row(l.t("结论", "Verdict"), verdict, id: "preview-verdict"),
                   row(l.t("理由", "Reason"), decision.reasonZh, id: "preview-reason"),
                   row(l.t("学分单元", "Units"), units.isEmpty ? l.t("无", "none") : units.joined(separator: "；"), id: "preview-units")),
            .if(cut, .p(.id("preview-cut"), .class("warning"),
                        .text(safe: l.t("注意：按本期学分上限，本次认定的学分已由 \(typed.credits) 调整为上表所列。",
                                        "Note: the period's credit cap cuts this recognition from \(typed.credits) credits to what the table shows.")))),
            .p(.class("note"), .text(safe: l.t(
                "确认后，决定连同理由和您的姓名写入台账与审计日志，不能修改；如需更正，只能由另一位市教育局管理员撤销并说明理由。",
                "Once confirmed, the decision is written to the ledger and the audit log with its reason and your name, and cannot be edited; only another city administrator can reverse it, with a reason."))),
            .div(.class("actions"),
                 .form(.id("confirm-decision"), .method(.post), .action(safe: action), hidden("confirm"),
                       .button(.type(.submit), .id("confirm"), .text(safe: l.t("确认\(verdict)", "Confirm: \(verdict.lowercased())")))),
                 .form(.id("edit-decision"), .method(.post), .action(safe: action), hidden("edit"),
                       .button(.type(.submit), .class("secondary"), .id("edit"), .text(safe: l.t("返回修改", "Back to edit")))))
        ))
    }
}
