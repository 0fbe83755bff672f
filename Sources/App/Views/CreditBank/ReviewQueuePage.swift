import CreditBank
import Plot

/// 认定审核: outcomes no rule decided, each with a decision form.
struct ReviewQueuePage {
    let layout: PageLayout
    let queue: [CreditBankAPIController.QueueItem]

    func render() -> String {
        let l = layout.language
        return layout.render(.div(
            .p(.a(.href("/credit-bank/import"), .text(safe: l.t("学习成果批量推送", "Push outcomes in bulk"))), .text(safe: " · "),
               .a(.href("/credit-bank/rules"), .text(safe: l.t("认定、转换与授予规则", "Recognition, transfer and award rules")))),
            .p(.id("queue-summary"), .text(safe: l.t("待审核 \(queue.count) 项。每项决定连同理由写入台账，不可修改。", "\(queue.count) outcomes to review. Every decision goes into the ledger with its reason."))),
            .table(.id("queue"),
                   .thead(.tr(.th(.text(safe: l.t("学习者", "Learner"))), .th(.text(safe: l.t("成果", "Outcome"))), .th(.text(safe: l.t("颁发机构", "Issuer"))),
                              .th(.text(safe: l.t("状态", "Status"))), .th(.text(safe: l.t("审核", "Decision"))))),
                   .tbody(.forEach(queue) { item in
                       .tr(.td(.a(.href(safe: "/credit-bank/learners/\(item.learnerId.uuidString)"), .text(safe: item.learnerName))),
                           .td(.text(safe: "\(item.title)（\(OutcomeKind(rawValue: item.kind).map { l.t($0.labelZh, $0.labelEn) } ?? item.kind)）")),
                           .td(.text(safe: item.issuer)), .td(.text(safe: item.status == "evidence_requested" ? l.t("待补充材料", "evidence requested") : l.t("待审核", "to review"))),
                           .td(.form(.class("decision"), .method(.post), .action(safe: "/credit-bank/outcomes/\(item.outcomeId.uuidString)/decision"),
                                     .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                                     .select(.attribute(named: "name", value: "verdict"), .attribute(named: "aria-label", safe: l.t("认定结论", "Decision")),
                                             .option(.value("recognised"), .label(safe: l.t("认定", "recognise"))),
                                             .option(.value("evidence_requested"), .label(safe: l.t("补充材料", "ask for evidence"))),
                                             .option(.value("rejected"), .label(safe: l.t("不予认定", "reject")))),
                                     .input(.type(.text), .name("reasonZh"), .attribute(named: "aria-label", safe: l.t("理由（必填）", "Reason (required)")), .placeholder(safe: l.t("理由（必填）", "Reason (required)"))),
                                     .input(.type(.text), .name("unitCode"), .attribute(named: "aria-label", safe: l.t("单元代码", "Unit code")), .placeholder(safe: l.t("单元代码", "Unit code")), .attribute(named: "size", value: "8")),
                                     .input(.type(.text), .name("credits"), .attribute(named: "aria-label", safe: l.t("学分", "Credits")), .placeholder(safe: l.t("学分", "Credits")), .attribute(named: "size", value: "4")),
                                     .input(.type(.number), .name("hubLevel"), .attribute(named: "aria-label", safe: l.t("级别", "Level")), .placeholder(safe: l.t("级别", "Level")), .attribute(named: "min", value: "1"), .attribute(named: "max", value: "7")),
                                     .button(.type(.submit), .text(safe: l.t("提交", "Submit"))))))
                   }))
        ))
    }
}
