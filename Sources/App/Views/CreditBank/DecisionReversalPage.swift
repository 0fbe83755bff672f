import CreditBank
import Foundation
import Plot
import Registry

/// 撤销认定: the outcome, the decision in force and who made it, earlier reversals, and — for
/// the city administrator who did not make the decision — the reversal form. Problems are
/// summarised at the top and shown by their field, in the page's language; what was typed is kept.
struct DecisionReversalPage {
    let layout: PageLayout
    let learnerName: String
    let target: CreditBankAPIController.ReversalTarget
    var errors: [FieldError] = []
    var reason = ""
    var reasonEn = ""

    var l: Language { layout.language }

    func verdictLabel(_ v: RecognitionDecision.Verdict) -> String {
        switch v {
        case .recognised: l.t("已认定", "recognised")
        case .rejected: l.t("未予认定", "rejected")
        case .needsReview: l.t("待审核", "awaiting review")
        case .evidenceRequested: l.t("待补充材料", "evidence requested")
        }
    }

    func row(_ label: String, _ value: String, id: String? = nil) -> Node<HTML.TableContext> {
        .tr(.th(.text(safe: label)), .td(.unwrap(id) { .id(safe: $0) }, .text(safe: value)))
    }

    func outcomeTable() -> Node<HTML.BodyContext> {
        let o = target.outcome
        let status = target.account.status[o.id]?.rawValue ?? ""
        return .table(.id("reversal-outcome"),
                      row(l.t("成果", "Outcome"), o.title),
                      row(l.t("类型", "Kind"), l.t(o.kind.labelZh, o.kind.labelEn)),
                      row(l.t("颁发机构", "Issuer"), o.issuer),
                      row(l.t("取得日期", "Awarded on"), o.awardedOn.description),
                      row(l.t("当前状态", "Status"), status, id: "reversal-status"))
    }

    func decisionTable(_ d: CreditLedgerStore.DecisionInForce) -> Node<HTML.BodyContext> {
        let units = d.decision.units.map { "\($0.unitCode) \($0.credits) \(l.t("学分", "credits")) L\($0.hubLevel)" }.joined(separator: "；")
        return .table(.id("decision-in-force"),
                      row(l.t("结论", "Verdict"), verdictLabel(d.decision.verdict)),
                      row(l.t("理由", "Reason"), l.t(d.decision.reasonZh, d.decision.reasonEn)),
                      row(l.t("依据规则", "Rule"), d.decision.ruleID ?? ""),
                      row(l.t("认定人", "Decided by"), d.reviewer ?? l.t("规则自动认定", "a rule, automatically"), id: "decided-by"),
                      row(l.t("台账序号", "Ledger entry"), String(d.sequence)),
                      row(l.t("学分单元", "Units"), units))
    }

    func earlierReversals() -> Node<HTML.BodyContext> {
        let reversals = target.account.reversals[target.outcome.id] ?? []
        guard !reversals.isEmpty else { return .empty }
        return .group(
            .h2(.text(safe: l.t("撤销记录", "Earlier reversals"))),
            .ul(.id("earlier-reversals"), .forEach(reversals) { r in
                let text = "\(r.by)：\(verdictLabel(r.reversedVerdict))，\(l.t("减少", "removed")) \(r.creditsRemoved) \(l.t("学分", "credits"))。\(l.t(r.reasonZh, r.reasonEn))"
                return .li(.text(safe: text))
            }))
    }

    func form(_ d: CreditLedgerStore.DecisionInForce) -> Node<HTML.BodyContext> {
        let note = l.t("撤销后，该认定授予的学分单元从账户中移除，成果回到审核队列，由审核人员重新认定。撤销写入台账和审计日志，不可修改。",
                       "Reversing removes the units this decision granted from the account and sends the outcome back to the reviewers' queue for a fresh decision. The reversal is written to the ledger and the audit log and cannot be edited.")
        let reasonLabel = l.t("撤销理由（必填，至少\(DecisionReversal.minimumReason)个字）", "Reason (required, at least \(DecisionReversal.minimumReason) characters)")
        let action = "/credit-bank/outcomes/\(target.outcome.id.uuidString)/reversal"
        let maxLength = String(DecisionReversal.maximumReason)
        return .group(
            .p(.class("note"), .text(safe: note)),
            .form(.id("reversal-form"), .method(.post), .action(safe: action),
                  .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                  .input(.type(.hidden), .name("decisionSequence"), .value(safe: String(d.sequence))),
                  .label(.for("reversal-reason"), .text(safe: reasonLabel)),
                  .textarea(.id("reversal-reason"), .name("reason"), .attribute(named: "rows", value: "3"), .attribute(named: "maxlength", value: maxLength), .text(safe: reason)),
                  FormErrors.message(errors, field: "reason", l),
                  .label(.for("reversal-reason-en"), .text(safe: l.t("英文理由（可选）", "Reason in English (optional)"))),
                  .input(.type(.text), .id("reversal-reason-en"), .name("reasonEn"), .value(safe: reasonEn)),
                  FormErrors.message(errors, field: "reasonEn", l),
                  .div(.button(.type(.submit), .id("reverse-decision"), .text(safe: l.t("撤销该认定", "Reverse this decision"))))))
    }

    /// What stands instead of the form, or the form.
    func reversal() -> Node<HTML.BodyContext> {
        let others = errors.filter { !["reason", "reasonEn"].contains($0.field) }
        let labels = ["reason": l.t("撤销理由", "Reason"), "reasonEn": l.t("英文理由", "Reason in English"), "decisionSequence": l.t("认定", "Decision")]
        let shown = FormErrors.summary(errors, labels: labels, l, controls: ["reason": "reversal-reason", "reasonEn": "reversal-reason-en", "decisionSequence": "decision-in-force"])
        if let refusal = target.account.reversalRefusal(target.outcome.id) {
            return .group(shown, .if(others.isEmpty, .p(.id("not-reversible"), .text(safe: l.t(refusal.zh, refusal.en)))))
        }
        if target.madeByCaller {
            return .p(.id("own-decision"), .text(safe: l.t("该认定由您本人作出，须由另一位市教育局管理员撤销。", "You made this decision; another city administrator must reverse it.")))
        }
        guard let d = target.inForce else { return shown }
        return .group(shown, form(d))
    }

    func render() -> String {
        let back = l.t("返回 \(learnerName) 的学分银行账户", "Back to \(learnerName)'s account")
        let decision: Node<HTML.BodyContext> = target.inForce.map(decisionTable) ?? .p(.text(safe: l.t("该成果没有现行认定。", "The outcome has no decision in force.")))
        return layout.render(.div(
            .p(.a(.href(safe: "/credit-bank/learners/\(target.learner.uuidString)"), .text(safe: back))),
            .h2(.text(safe: l.t("学习成果", "Outcome"))),
            outcomeTable(),
            .h2(.text(safe: l.t("现行认定", "Decision in force"))),
            decision,
            earlierReversals(),
            .h2(.text(safe: l.t("撤销认定", "Reverse the decision"))),
            reversal()
        ))
    }
}
