import Plot
import SupplyDemand

/// 产教供需: the city's demand against graduates, by cluster, occupation and district, with
/// skill gaps, program signals and openings.
struct MarketPage {
    let layout: PageLayout
    let market: MarketSnapshot
    let year: Int?
    let skills: [SkillGap]
    let signals: MarketAPIController.Signals
    let openings: [(row: GapRow, programs: [String])]

    func render() -> String {
        let l = layout.language
        let english = l == .en
        guard let year else {
            return layout.render(.p(.id("market-empty"), .text(safe: l.t("尚无用工需求或毕业生数据。", "No demand or graduate figures yet."))))
        }
        let clusters = market.table(.industryCluster)
        let occupations = market.table(.occupation)
        let districts = market.table(.district)
        let city = market.table(.city).rows(in: year).first
        let clusterRows = clusters.rows(in: year).sorted { $0.key < $1.key }
        let chart = SVGChart.pairedBars(
            id: "cluster-chart", title: l.t("\(year)年各产业集群需求与毕业生", "Demand and graduates by industry cluster, \(year)"),
            items: clusterRows.map { (market.label($0.key, .industryCluster, english: english), Double($0.demand), $0.supply.doubleValue) },
            demandLabel: l.t("需求人数", "Demand"), supplyLabel: l.t("毕业生", "Graduates")
        )
        let trend = Dictionary(grouping: occupations.rows, by: \.key)
        let counts = Dictionary(grouping: signals.city, by: \.signal).mapValues(\.count)
        let summaryZh = "\(year)年：需求 \(city?.demand ?? 0) 人，已对应职业的毕业生 \(city.map { MarketSnapshot.people($0.supply) } ?? "0") 人，另有 \(occupations.unmappedGraduates[year] ?? 0) 名毕业生所在专业未对应职业（\(occupations.unmappedPrograms.count) 个专业）。"
        let summaryEn = "\(year): demand \(city?.demand ?? 0), graduates of mapped programs \(city.map { MarketSnapshot.people($0.supply) } ?? "0"); \(occupations.unmappedGraduates[year] ?? 0) more graduates are in programs with no occupation mapping (\(occupations.unmappedPrograms.count) programs)."
        let years: [Int] = market.table(.city).years.reversed()
        let surpluses = Array(occupations.rows(in: year).filter { $0.gap < .zero }.sorted { $0.gap < $1.gap }.prefix(10))
        let moves = signals.city.filter { $0.signal == .expand || $0.signal == .shrink }
        let countText = AdjustmentSignal.allCases.map { "\(l.t($0.labelZh, $0.labelEn)) \(counts[$0] ?? 0)" }.joined(separator: " · ")
        return layout.render(
            .div(
                .p(.text(safe: l.t("依据粤府〔2020〕63号第（四）（九）（十）条：专业群对接产业、动态调整。毕业生按专业—职业对应表在所对应的职业小类间平均分摊（显示取整）。",
                             "Clauses (四)(九)(十): program clusters matched to industry and adjusted as it changes. Graduates are shared equally among the occupation groups their program maps to (shown rounded to whole people)."))),
                .form(.method(.get), .action("/market"),
                      .label(.attribute(named: "for", value: "market-year"), .text(safe: l.t("年度 ", "Year "))),
                      .select(.attribute(named: "name", value: "year"), .id("market-year"), .forEach(years) { y in
                          .option(.value(safe: String(y)), .label(safe: String(y)), .isSelected(y == year))
                      }),
                      .button(.type(.submit), .text(safe: l.t("查看", "Show")))),
                .p(.id("market-summary"), .text(safe: l.t(summaryZh, summaryEn))),
                .p(.a(.href("/market/search"), .text(safe: l.t("检索需求与专业", "Search demand and programs"))), .text(safe: " · "),
                   .a(.href("/market/cooperation"), .text(safe: l.t("校企合作负面清单检查", "Negative-list check"))), .text(safe: " · "),
                   .a(.id("export-csv"), .href(safe: "/api/v1/market/signals?year=\(year)&format=csv"), .text(safe: l.t("导出调整信号 CSV", "Signals as CSV"))), .text(safe: " · "),
                   .a(.id("export-xlsx"), .href(safe: "/api/v1/market/signals?year=\(year)&format=xlsx"), .text(safe: l.t("导出调整信号 XLSX", "Signals as XLSX")))),
                .h2(.text(safe: l.t("各产业集群供需", "Supply and demand by industry cluster"))),
                .raw(chart),
                .h2(.text(safe: l.t("缺口最大的职业", "Largest shortages by occupation"))),
                gapTable(id: "top-gaps", rows: occupations.topShortages(in: year, limit: 15), dimension: .occupation, trend: trend),
                .h2(.text(safe: l.t("供过于求的职业", "Largest surpluses by occupation"))),
                gapTable(id: "top-surpluses", rows: surpluses, dimension: .occupation, trend: trend),
                .h2(.text(safe: l.t("各区供需", "By district"))),
                gapTable(id: "districts", rows: districts.rows(in: year).sorted { $0.key < $1.key }, dimension: .district, trend: Dictionary(grouping: districts.rows, by: \.key)),
                .h2(.text(safe: l.t("需求多、教得少的技能", "Skills most demanded, least taught"))),
                .table(.id("skill-gaps"),
                       .thead(.tr(.th(.text(safe: l.t("技能", "Skill"))), .th(.text(safe: l.t("需求人数", "Demanded"))), .th(.text(safe: l.t("学过的毕业生", "Graduates taught"))), .th(.text(safe: l.t("缺口", "Gap"))))),
                       .tbody(.forEach(skills.prefix(10)) { s in
                           .tr(.td(.text(safe: s.skill)), .td(.text(safe: String(s.demanded))), .td(.text(safe: String(s.taught))), .td(.text(safe: String(s.gap))))
                       })),
                .h2(.text(safe: l.t("专业调整信号（全市）", "Program signals, city-wide"))),
                .p(.id("signal-counts"), .text(safe: countText)),
                .table(.id("city-signals"),
                       .thead(.tr(.th(.text(safe: l.t("专业", "Program"))), .th(.text(safe: l.t("信号", "Signal"))), .th(.text(safe: l.t("依据", "Why"))))),
                       .tbody(.forEach(moves) { d in
                           .tr(.class(safe: "signal-\(d.signal.rawValue)"),
                               .td(.text(safe: "\(d.market.catalogCode) \(market.programName(d.market.catalogCode))")),
                               .td(.text(safe: l.t(d.signal.labelZh, d.signal.labelEn))), .td(.text(safe: l.t(d.reasonZh, d.reasonEn))))
                       })),
                .h2(.text(safe: l.t("有需求、无毕业生：建议新设", "Demand with no graduates: open new programs"))),
                .table(.id("city-openings"),
                       .thead(.tr(.th(.text(safe: l.t("职业小类", "Occupation group"))), .th(.text(safe: l.t("需求人数", "Demand"))), .th(.text(safe: l.t("可对应的目录专业", "Catalogue programs mapped"))))),
                       .tbody(.forEach(openings) { o in
                           .tr(.td(.text(safe: "\(o.row.key) \(market.label(o.row.key, .occupation))")), .td(.text(safe: String(o.row.demand))),
                               .td(.text(safe: o.programs.isEmpty ? l.t("尚无专业对应该职业", "no program mapped yet") : o.programs.map { "\($0) \(market.programName($0))" }.joined(separator: "；"))))
                       }))
            )
        )
    }

    func gapTable(id: String, rows: [GapRow], dimension: GapDimension, trend: [String: [GapRow]]) -> Node<HTML.BodyContext> {
        let l = layout.language
        return .table(
            .id(safe: id),
            .thead(.tr(
                .th(.text(safe: l.t("名称", "Name"))), .th(.text(safe: l.t("需求", "Demand"))), .th(.text(safe: l.t("毕业生", "Graduates"))),
                .th(.text(safe: l.t("缺口", "Gap"))), .th(.text(safe: l.t("需求/毕业生", "Ratio"))), .th(.text(safe: l.t("较上年", "Change"))), .th(.text(safe: l.t("趋势", "Trend")))
            )),
            .tbody(.forEach(rows) { row in
                .tr(
                    .class(safe: row.gap > .zero ? "short" : "surplus"),
                    .td(.text(safe: market.name(row.key, dimension, english: l == .en))), .td(.text(safe: String(row.demand))),
                    .td(.text(safe: MarketSnapshot.people(row.supply))), .td(.text(safe: MarketSnapshot.people(row.gap))), .td(.text(safe: row.ratio?.decimal(places: 2) ?? "—")),
                    .td(.text(safe: row.gapChange.map(MarketSnapshot.people) ?? "—")),
                    .td(.raw(SVGChart.sparkline((trend[row.key] ?? []).map(\.gap.doubleValue))))
                )
            })
        )
    }
}
