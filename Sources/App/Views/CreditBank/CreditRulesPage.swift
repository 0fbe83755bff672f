import CreditBank
import Plot

/// 学分银行规则: every rule document as stored, the alignment in force, and a form for the
/// city to replace one.
struct CreditRulesPage {
    let layout: PageLayout
    let documents: [(kind: String, code: String, body: String)]
    let alignment: LevelAlignment
    let canEdit: Bool
    let message: String?

    func render() -> String {
        let l = layout.language
        return layout.render(.div(
            .unwrap(message) { .p(.id("rules-message"), .class("ok"), .text(safe: $0)) },
            .h2(.text(safe: l.t("资历级别对照（对广东终身教育资历框架）", "Level alignment (to the Guangdong framework)"))),
            .table(.id("alignment"), .thead(.tr(.th(.text(safe: l.t("框架级别", "Level"))), .th(.text(safe: l.t("对应广东级别", "Hub level"))))),
                   .tbody(.forEach(alignment.pairs) { p in .tr(.td(.text(safe: p.level.description)), .td(.text(safe: String(p.hubLevel)))) })),
            .h2(.text(safe: l.t("规则文件", "Rule documents"))),
            .table(.id("rules"), .thead(.tr(.th(.text(safe: l.t("类别", "Kind"))), .th(.text(safe: l.t("编号", "Code"))), .th(.text(safe: l.t("内容", "Document"))))),
                   .tbody(.forEach(documents) { d in .tr(.td(.text(safe: d.kind)), .td(.text(safe: d.code)), .td(.element(named: "pre", nodes: [.text(safe: d.body)]))) })),
            .if(canEdit, .group(
                .h2(.text(safe: l.t("新增或替换规则", "Add or replace a rule"))),
                .p(.id("period-cap-hint"), .class("note"),
                   .text(safe: l.t("认定规则可设每名学习者每周期上限，例如 \"periodCap\": {\"credits\": \"10\", \"period\": \"calendar_year\"}（按成果取得日期所在年度计；自动认定与审核认定都只认定上限剩余部分）。",
                                   "A recognition rule may cap what it grants a learner per period, e.g. \"periodCap\": {\"credits\": \"10\", \"period\": \"calendar_year\"} (counted by the year of each outcome's date; automatic and reviewed recognitions are cut to what it leaves)."))),
                .form(.method(.post), .action("/credit-bank/rules"),
                      .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                      .select(.attribute(named: "name", value: "kind"), .attribute(named: "aria-label", safe: l.t("规则类型", "Rule kind")), .forEach(["recognition", "qualification", "conversion", "program_limit"]) { .option(.value(safe: $0), .label(safe: $0)) }),
                      .input(.type(.text), .name("code"), .attribute(named: "aria-label", safe: l.t("编号", "Code")), .placeholder(safe: l.t("编号（与内容中的 id 一致）", "Code (the id in the document)"))),
                      .textarea(.name("body"), .attribute(named: "aria-label", safe: l.t("规则内容（JSON）", "Rule document (JSON)")), .attribute(named: "rows", value: "10"), .attribute(named: "required", value: "required")),
                      .div(.button(.type(.submit), .id("save-rule"), .text(safe: l.t("保存", "Save")))))
            ))
        ))
    }
}
