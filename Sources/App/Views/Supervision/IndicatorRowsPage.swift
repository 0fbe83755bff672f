import Indicators
import Plot

/// The rows behind one indicator: what each adds to the numerator and denominator, with
/// the totals, the ones that count against the target marked.
struct IndicatorRowsPage {
    let layout: PageLayout
    let drill: IndicatorDrillDown
    let scopeName: String
    let onlyShort: Bool
    static let shown = 1000

    func render() -> String {
        let l = layout.language
        let d = drill
        let q = d.scope.level == .city ? "level=city&period=\(d.period)" : "level=\(d.scope.level.rawValue)&code=\(d.scope.code)&period=\(d.period)"
        let rows = onlyShort ? d.rows.filter(\.short) : d.rows
        let totals = d.denominator.map { l.t("分子 \(d.numerator)，分母 \($0)，共 \(d.rows.count) 行；未达标 \(d.rows.filter(\.short).count) 行。",
                                             "numerator \(d.numerator), denominator \($0), \(d.rows.count) rows; \(d.rows.filter(\.short).count) count against the target.") }
            ?? l.t("合计 \(d.indicator.unit == .fen ? Money.readable(d.numerator) : Money.grouped(String(d.numerator)))，共 \(d.rows.count) 行。",
                   "total \(d.indicator.unit == .fen ? Money.readable(d.numerator, english: true) : Money.grouped(String(d.numerator))), \(d.rows.count) rows.")
        return layout.render(.div(
            .p(.text(safe: "\(scopeName) · \(d.period) · \(d.indicator.clause) \(d.indicator.quote)")),
            .p(.class("note"), .text(safe: l.t(d.indicator.measure.formula.zh, d.indicator.measure.formula.en))),
            .p(.id("rows-summary"), .text(safe: totals)),
            .p(.if(d.indicator.measure.isShare, .group(
                    .a(.href(safe: "?\(q)&short=\(onlyShort ? "0" : "1")"), .text(safe: onlyShort ? l.t("显示全部", "Show all") : l.t("只看未达标", "Only those short"))),
                    .text(safe: " · "))),
               .a(.href(safe: "/api/v1/supervision/indicators/\(d.indicator.id)/rows?\(q)&format=xlsx"), .text(safe: l.t("导出 XLSX", "Export XLSX"))), .text(safe: " · "),
               .a(.href(safe: "/api/v1/supervision/indicators/\(d.indicator.id)/rows?\(q)&format=csv"), .text(safe: l.t("导出 CSV", "Export CSV")))),
            .if(rows.count > Self.shown, .p(.class("note"), .text(safe: l.t("仅显示前 \(Self.shown) 行，完整明细请导出。", "First \(Self.shown) rows shown; export for all.")))),
            .table(.id("rows"),
                   .thead(.tr(.forEach(d.columns) { .th(.text(safe: l.t($0.zh, $0.en))) },
                              .th(.text(safe: l.t("计入分子", "Numerator"))), .if(d.indicator.measure.isShare, .th(.text(safe: l.t("计入分母", "Denominator")))))),
                   .tbody(.forEach(rows.prefix(Self.shown)) { r in
                       .tr(.if(r.short, .class("short")),
                           .forEach(r.cells) { .td(.text(safe: $0)) },
                           .td(.text(safe: d.indicator.unit == .fen ? Money.readable(r.numerator, english: l == .en) : String(r.numerator))),
                           .if(d.indicator.measure.isShare, .td(.text(safe: r.denominator.map(String.init) ?? ""))))
                   }))
        ))
    }
}
