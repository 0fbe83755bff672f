import Exact
import Plot
import SupplyDemand

/// One institution's programs against the market: each program's market demand and graduates,
/// its signal, and programs it could open.
struct SchoolMarketPage {
    let layout: PageLayout
    let market: MarketSnapshot
    let institutionCode: String
    let institutionName: String
    let year: Int?
    let signals: [ProgramSignal]
    let openings: [OpeningSuggestion]

    func render() -> String {
        let l = layout.language
        guard let year else {
            return layout.render(.p(.text(safe: l.t("尚无用工需求或毕业生数据。", "No demand or graduate figures yet."))))
        }
        let chart = SVGChart.pairedBars(
            id: "school-chart", title: l.t("\(institutionName)各专业对应职业的需求与全市毕业生", "Each program's market: demand and city graduates"),
            items: signals.map { ("\(market.programName($0.catalogCode))", Double($0.decision.market.demand), $0.decision.market.supply.doubleValue) },
            demandLabel: l.t("需求人数", "Demand"), supplyLabel: l.t("全市毕业生", "City graduates")
        )
        return layout.render(
            .div(
                .p(.id("school-summary"), .text(safe: l.t("\(institutionName)（\(institutionCode)）\(year)年：\(signals.count) 个专业。", "\(institutionName) (\(institutionCode)), \(year): \(signals.count) programs."))),
                .p(.a(.href(safe: "/api/v1/market/signals?year=\(year)&institution=\(institutionCode)&format=xlsx"), .text(safe: l.t("导出 XLSX", "Export XLSX")))),
                .raw(chart),
                .table(.id("school-signals"),
                       .thead(.tr(.th(.text(safe: l.t("专业", "Program"))), .th(.text(safe: l.t("本校毕业生", "Our graduates"))), .th(.text(safe: l.t("占全市供给", "Share of supply"))),
                                  .th(.text(safe: l.t("需求", "Demand"))), .th(.text(safe: l.t("全市毕业生", "City graduates"))), .th(.text(safe: l.t("信号", "Signal"))), .th(.text(safe: l.t("依据", "Why"))))),
                       .tbody(.forEach(signals) { s in
                           .tr(.class(safe: "signal-\(s.decision.signal.rawValue)"),
                               .td(.text(safe: "\(s.catalogCode) \(market.programName(s.catalogCode))")), .td(.text(safe: String(s.graduated))),
                               .td(.text(safe: s.shareOfSupply.map { ($0 * Fraction(100)).decimal(places: 1) + "%" } ?? "—")),
                               .td(.text(safe: String(s.decision.market.demand))), .td(.text(safe: MarketSnapshot.people(s.decision.market.supply))),
                               .td(.text(safe: l.t(s.decision.signal.labelZh, s.decision.signal.labelEn))), .td(.text(safe: l.t(s.decision.reasonZh, s.decision.reasonEn))))
                       })),
                .h2(.text(safe: l.t("可考虑新设的专业", "Programs to consider opening"))),
                .table(.id("school-openings"),
                       .thead(.tr(.th(.text(safe: l.t("专业", "Program"))), .th(.text(safe: l.t("依据", "Why"))))),
                       .tbody(.forEach(openings) { o in
                           .tr(.td(.text(safe: "\(o.catalogCode) \(market.programName(o.catalogCode))")), .td(.text(safe: l.t(o.reasonZh, o.reasonEn))))
                       }))
            )
        )
    }
}
