import Exact
import Indicators
import Plot

/// Two reporting periods side by side.
struct ComparisonPage {
    let layout: PageLayout
    let comparison: SupervisionAPIController.ComparisonBody

    func render() -> String {
        let l = layout.language
        let c = comparison
        // The exact fractions, formatted as the dashboard formats them, so the two agree.
        func value(_ e: SupervisionAPIController.EvaluationBody) -> String {
            guard let unit = IndicatorUnit(rawValue: e.unit) else { return e.value?.exact ?? "—" }
            return IndicatorFormat.value(e.value.flatMap { Fraction(exact: $0.exact) }, unit: unit, english: l == .en)
        }
        func change(_ r: SupervisionAPIController.ComparisonRow) -> String {
            guard let c = r.change, let f = Fraction(exact: c.exact), let unit = IndicatorUnit(rawValue: r.to.unit) else { return "—" }
            return IndicatorFormat.change(f, unit: unit, english: l == .en)
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
                           .td(.text(safe: change(r))))
                   }))
        ))
    }
}
