import Indicators
import Plot

/// Two reporting periods side by side.
struct ComparisonPage {
    let layout: PageLayout
    let comparison: SupervisionAPIController.ComparisonBody

    func render() -> String {
        let l = layout.language
        let c = comparison
        func value(_ e: SupervisionAPIController.EvaluationBody) -> String {
            guard let v = e.value else { return "—" }
            return e.unit == "percent" ? String(format: "%.1f%%", v.value * 100) : (e.unit == "fen" ? String(format: "¥%.2f", v.value / 100) : v.exact)
        }
        func status(_ e: SupervisionAPIController.EvaluationBody) -> Node<HTML.BodyContext> {
            let s = IndicatorStatus(rawValue: e.status) ?? .noData
            return .span(.class(safe: "status status-\(s.rawValue)"), .text(safe: l.t(s.labelZh, s.labelEn)))
        }
        return layout.render(.div(
            .form(.method(.get), .action("/supervision/compare"),
                  .input(.type(.hidden), .name("level"), .value(safe: c.level)),
                  .input(.type(.hidden), .name("code"), .value(safe: c.code)),
                  .label(.attribute(named: "for", value: "compare-from"), .text(safe: l.t("从 ", "From "))), .input(.type(.text), .name("from"), .id("compare-from"), .value(safe: c.from), .attribute(named: "size", value: "7")),
                  .label(.attribute(named: "for", value: "compare-to"), .text(safe: l.t("到 ", "To "))), .input(.type(.text), .name("to"), .id("compare-to"), .value(safe: c.to), .attribute(named: "size", value: "7")),
                  .button(.type(.submit), .text(safe: l.t("比较", "Compare")))),
            .table(.id("comparison"),
                   .thead(.tr(.th(.text(safe: l.t("指标", "Indicator"))), .th(.text(safe: c.from)), .th(.text(safe: c.to)), .th(.text(safe: l.t("变化", "Change"))))),
                   .tbody(.forEach(c.indicators) { r in
                       .tr(.if(r.statusChanged, .class("changed")),
                           .td(.text(safe: l.t(r.nameZh, r.nameEn))),
                           .td(.text(safe: value(r.from) + " "), status(r.from)),
                           .td(.text(safe: value(r.to) + " "), status(r.to)),
                           .td(.text(safe: r.change.map { r.to.unit == "percent" ? l.t(String(format: "%+.1f 个百分点", $0.value * 100), String(format: "%+.1f pp", $0.value * 100)) : $0.exact } ?? "—")))
                   }))
        ))
    }
}
