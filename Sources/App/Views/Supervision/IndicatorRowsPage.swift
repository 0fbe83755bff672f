import Exact
import Indicators
import Registry
import Plot

/// The rows behind one indicator: what each adds to the numerator and denominator, with
/// the totals, the ones that count against the target marked.
struct IndicatorRowsPage {
    let layout: PageLayout
    let drill: IndicatorDrillDown
    let scopeName: String
    let onlyShort: Bool
    /// District names by code, for the by-school table.
    var districtNames: [String: String] = [:]
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
               .a(.id("export-xlsx"), .href(safe: "/api/v1/supervision/indicators/\(d.indicator.id)/rows?\(q)\(onlyShort ? "&short=1" : "")&format=xlsx"), .text(safe: l.t("导出 XLSX", "Export XLSX"))), .text(safe: " · "),
               .a(.id("export-csv"), .href(safe: "/api/v1/supervision/indicators/\(d.indicator.id)/rows?\(q)\(onlyShort ? "&short=1" : "")&format=csv"), .text(safe: l.t("导出 CSV", "Export CSV")))),
            schoolTable(l),
            .if(rows.count > Self.shown, .p(.class("note"), .text(safe: l.t("仅显示前 \(Self.shown) 行，完整明细请导出。", "First \(Self.shown) rows shown; export for all.")))),
            .h2(.text(safe: l.t("明细", "Rows"))),
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

    /// At city and district level, the schools first: each one's part, worst first, linked to
    /// its dashboard — "only those short" keeps the schools below the target.
    func schoolTable(_ l: Language) -> Node<HTML.BodyContext> {
        let d = drill
        guard d.scope.level != .school else { return .empty }
        let all = d.schools
        guard all.count > 1 else { return .empty }
        let lines = onlyShort && d.indicator.measure.isShare ? all.filter(\.short) : all
        let unit = d.indicator.unit
        let share = d.indicator.measure.isShare
        let judged = lines.contains { $0.gap != nil }
        let shortCount = all.filter(\.short).count
        return .div(
            .h2(.text(safe: l.t("按学校", "By school"))),
            .p(.id("schools-summary"), .text(safe: judged
                ? l.t("\(all.count) 所学校，\(shortCount) 所未达到目标；最差的在前。", "\(all.count) schools, \(shortCount) below the target; worst first.")
                : l.t("\(all.count) 所学校，贡献最少的在前；该目标按全市计，不按学校判定。", "\(all.count) schools, smallest first; the target is city-wide, not judged per school."))),
            .div(.class("table-scroll"), .table(.id("schools"),
                .thead(.tr(
                    .th(.text(safe: l.t("学校", "School"))), .th(.text(safe: l.t("所在区", "District"))),
                    .th(.text(safe: l.t("分子", "Numerator"))), .if(share, .th(.text(safe: l.t("分母", "Denominator")))),
                    .if(share, .th(.text(safe: l.t("当前值", "Value")))), .if(judged, .th(.text(safe: l.t("距目标", "Gap to target"))))
                )),
                .tbody(.forEach(lines.prefix(Self.shown)) { s in
                    .tr(.if(s.short, .class("short")),
                        .td(.a(.href(safe: "/supervision/schools/\(s.code)?period=\(d.period)"), .text(safe: "\(s.name.isEmpty ? s.code : s.name)"))),
                        .td(.text(safe: districtNames[s.district] ?? s.district)),
                        .td(.text(safe: unit == .fen ? Money.readable(s.numerator, english: l == .en) : String(s.numerator))),
                        .if(share, .td(.text(safe: s.denominator.map(String.init) ?? ""))),
                        .if(share, .td(.text(safe: IndicatorFormat.value(s.value, unit: .percent)))),
                        .if(judged, .td(.text(safe: s.gap.map { $0.isZero ? l.t("已达标", "met") : (($0 * Fraction(100)).decimal(places: 1) + l.t(" 个百分点", " pp")) } ?? "—"))))
                })
            ))
        )
    }
}

