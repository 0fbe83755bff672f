import Foundation
import CreditBank
import Plot
import Registry

/// 认定审核: outcomes no rule decided, each with its evidence and a decision form. A refused
/// decision comes back with what the reviewer typed kept in its row, the problems listed at the
/// top and each by its field; a final decision (recognise, reject) is confirmed on its own page
/// first (`DecisionConfirmationPage`); a recorded one comes back with a banner.
struct ReviewQueuePage {
    /// What a reviewer typed into one row's form.
    struct Typed {
        var verdict = "recognised"
        var reasonZh = ""
        var unitCode = ""
        var credits = ""
        var hubLevel = ""
    }

    /// A decision the API refused: whose row, what was typed, why.
    struct Refusal {
        var outcomeId: UUID
        var typed: Typed
        var errors: [FieldError]
    }

    let layout: PageLayout
    let queue: [CreditBankAPIController.QueueItem]
    var refusal: Refusal?
    var message: String?
    /// The learner whose outcome was just decided: the banner links to their account, where
    /// each decision shows who made it and when.
    var decidedLearner: UUID?

    /// The form field an API error names (`units[0].credits` is the row's credits box).
    static func control(_ field: String) -> String {
        switch field {
        case "verdict": "verdict"
        case "reasonZh": "reasonZh"
        case "units": "unitCode"
        default:
            if field.hasSuffix(".credits") { "credits" } else if field.hasSuffix(".hubLevel") { "hubLevel" } else if field.hasSuffix(".unitCode") { "unitCode" } else { "reasonZh" }
        }
    }

    static func label(_ control: String, _ l: Language) -> String {
        switch control {
        case "verdict": l.t("认定结论", "Decision")
        case "unitCode": l.t("单元代码", "Unit code")
        case "credits": l.t("学分", "Credits")
        case "hubLevel": l.t("级别", "Level")
        default: l.t("理由", "Reason")
        }
    }

    func render() -> String {
        let l = layout.language
        // The refused row's errors, renamed to its own controls so that the summary links to them.
        let controls = (refusal?.errors ?? []).map { (control: Self.control($0.field), error: $0) }
        let anchor = { (control: String) in "\(control)-\(refusal?.outcomeId.uuidString ?? "")" }
        let anchored = controls.map { FieldError(field: anchor($0.control), zh: $0.error.reasonZh, en: $0.error.reasonEn) }
        let labels = Dictionary(controls.map { (anchor($0.control), Self.label($0.control, l)) }, uniquingKeysWith: { a, _ in a })
        return layout.render(.div(
            FormErrors.confirmation(message),
            .unwrap(decidedLearner) { learner in
                .p(.id("decided-account"), .a(.href(safe: "/credit-bank/learners/\(learner.uuidString)"),
                                              .text(safe: l.t("在学习者账户中查看该决定（含审核人与时间）", "See the decision, with who made it and when, in the learner's account"))))
            },
            FormErrors.summary(anchored, labels: labels, l),
            .p(.a(.href("/credit-bank/import"), .text(safe: l.t("学习成果批量推送", "Push outcomes in bulk"))), .text(safe: " · "),
               .a(.href("/credit-bank/rules"), .text(safe: l.t("认定、转换与授予规则", "Recognition, transfer and award rules")))),
            .p(.id("queue-summary"), .text(safe: l.t("待审核 \(queue.count) 项。每项决定连同理由写入台账，不可修改。", "\(queue.count) outcomes to review. Every decision goes into the ledger with its reason."))),
            .table(.id("queue"),
                   .thead(.tr(.th(.text(safe: l.t("学习者", "Learner"))), .th(.text(safe: l.t("成果", "Outcome"))), .th(.text(safe: l.t("颁发机构", "Issuer"))),
                              .th(.text(safe: l.t("佐证材料", "Evidence"))), .th(.text(safe: l.t("状态", "Status"))), .th(.text(safe: l.t("审核", "Decision"))))),
                   .tbody(.forEach(queue) { item in row(item, errors: refusal?.outcomeId == item.outcomeId ? anchored : [], l) }))
        ))
    }

    func row(_ item: CreditBankAPIController.QueueItem, errors: [FieldError], _ l: Language) -> Node<HTML.TableContext> {
        let id = item.outcomeId.uuidString
        let typed = refusal?.outcomeId == item.outcomeId ? refusal?.typed ?? Typed() : Typed()
        func field(_ name: String) -> String { "\(name)-\(id)" }
        func box(_ name: String, _ value: String, size: String, type: HTMLInputType = .text) -> Node<HTML.FormContext> {
            .group(
                .input(.type(type), .name(name), .id(safe: field(name)), .value(safe: value),
                       .attribute(named: "aria-label", safe: Self.label(name, l)), .placeholder(safe: Self.label(name, l)), .attribute(named: "size", value: size)),
                FormErrors.message(errors, field: field(name), l)
            )
        }
        return .tr(
            .td(.a(.href(safe: "/credit-bank/learners/\(item.learnerId.uuidString)"), .text(safe: item.learnerName))),
            .td(.text(safe: "\(item.title)（\(OutcomeKind(rawValue: item.kind).map { l.t($0.labelZh, $0.labelEn) } ?? item.kind)）")),
            .td(.text(safe: item.issuer)),
            .td(item.hasEvidence
                ? .a(.class("evidence"), .href(safe: "/api/v1/credit-bank/outcomes/\(id)/evidence"), .attribute(named: "target", value: "_blank"), .text(safe: l.t("查看", "Open")))
                : .text(safe: l.t("无", "none"))),
            .td(.text(safe: item.status == "evidence_requested" ? l.t("待补充材料", "evidence requested") : l.t("待审核", "to review"))),
            .td(.form(.class("decision"), .method(.post), .action(safe: "/credit-bank/outcomes/\(id)/decision"),
                      .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                      .select(.attribute(named: "name", value: "verdict"), .id(safe: field("verdict")), .attribute(named: "aria-label", safe: Self.label("verdict", l)),
                              .forEach([("recognised", l.t("认定", "recognise")), ("evidence_requested", l.t("补充材料", "ask for evidence")), ("rejected", l.t("不予认定", "reject"))]) { value, text in
                                  .option(.value(value), .label(safe: text), .isSelected(typed.verdict == value))
                              }),
                      FormErrors.message(errors, field: field("verdict"), l),
                      box("reasonZh", typed.reasonZh, size: "16"),
                      box("unitCode", typed.unitCode, size: "8"),
                      box("credits", typed.credits, size: "4"),
                      box("hubLevel", typed.hubLevel, size: "3", type: .number),
                      .button(.type(.submit), .text(safe: l.t("提交", "Submit")))))
        )
    }
}
