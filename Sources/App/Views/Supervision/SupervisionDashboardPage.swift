import Indicators
import Plot

/// 督导监测: every indicator for the city, a district or a school, with status, value, target,
/// clause, trend and a link to the rows behind it.
struct SupervisionDashboardPage {
    let layout: PageLayout
    let dashboard: SupervisionDashboard
    let periods: [ReportingPeriod]
    let current: ReportingPeriod
    /// Districts (code, name) for the city page's links.
    let districts: [(code: String, name: String)]
    let canDrillDown: Bool
    let canSnapshot: Bool
    /// A district's schools (code, name), each linking to its dashboard.
    var schools: [(code: String, name: String)] = []
    /// Only the indicators in this state.
    var status: IndicatorStatus?
    /// Not met and at risk first, rather than the policy's order.
    var worstFirst = false

    /// The order "worst first" uses: what needs action before what does not.
    static let severity: [IndicatorStatus] = [.notMet, .atRisk, .noData, .onTrack, .met, .cityTarget]

    var shown: [IndicatorEvaluation] {
        var list = dashboard.evaluations
        if let status { list = list.filter { $0.status == status } }
        if worstFirst {
            let rank = Dictionary(uniqueKeysWithValues: Self.severity.enumerated().map { ($1, $0) })
            list = list.enumerated().sorted { (rank[$0.element.status] ?? 9, $0.offset) < (rank[$1.element.status] ?? 9, $1.offset) }.map(\.element)
        }
        return list
    }

    var query: String {
        let d = dashboard
        return d.scope.level == .city ? "level=city&period=\(d.period)" : "level=\(d.scope.level.rawValue)&code=\(d.scope.code)&period=\(d.period)"
    }

    func render() -> String {
        let l = layout.language
        let d = dashboard
        let counts = IndicatorStatus.allCases.map { "\(l.t($0.labelZh, $0.labelEn)) \(d.counts[$0] ?? 0)" }.joined(separator: " · ")
        let here = d.scope.level == .city ? "/supervision" : (d.scope.level == .district ? "/supervision/districts/\(d.scope.code)" : "/supervision/schools/\(d.scope.code)")
        return layout.render(.div(
            .p(.text(safe: l.t("依据粤府〔2020〕63号及其附件：每项指标由登记数据计算，点击“明细”查看构成数字的记录。",
                         "Each target of 粤府〔2020〕63号 computed from registry rows; “rows” lists the records behind a number."))),
            .form(.method(.get), .action(safe: here),
                  .label(.attribute(named: "for", value: "period"), .text(safe: l.t("报告期 ", "Period "))),
                  .select(.attribute(named: "name", value: "period"), .id("period"), .forEach(([current] + periods.filter { $0 != current }.reversed())) { p in
                      .option(.value(safe: p.description), .label(safe: p == current ? "\(p)（\(l.t("实时", "live"))）" : p.description), .isSelected(p == d.period))
                  }),
                  .label(.attribute(named: "for", value: "status"), .text(safe: l.t(" 状态 ", " Status "))),
                  .select(.attribute(named: "name", value: "status"), .id("status"),
                          .option(.value(""), .label(safe: l.t("全部", "all"))),
                          .forEach(Self.severity) { s in .option(.value(safe: s.rawValue), .label(safe: l.t(s.labelZh, s.labelEn)), .isSelected(status == s)) }),
                  .label(.attribute(named: "for", value: "order"), .text(safe: l.t(" 顺序 ", " Order "))),
                  .select(.attribute(named: "name", value: "order"), .id("order"),
                          .option(.value(""), .label(safe: l.t("按文件条款", "as in the policy"))),
                          .option(.value("worst"), .label(safe: l.t("未达成和有风险的在前", "not met and at risk first")), .isSelected(worstFirst))),
                  .button(.type(.submit), .text(safe: l.t("查看", "Show")))),
            .p(.id("dashboard-summary"), .text(safe: "\(d.scopeName) · \(d.period)\(d.live ? l.t("（实时计算）", " (live)") : l.t("（快照）", " (snapshot)"))：\(counts)")),
            .p(.a(.id("export-xlsx"), .href(safe: "/api/v1/supervision/dashboard?\(query)&format=xlsx"), .text(safe: l.t("导出 XLSX", "Export XLSX"))), .text(safe: " · "),
               .a(.id("export-csv"), .href(safe: "/api/v1/supervision/dashboard?\(query)&format=csv"), .text(safe: l.t("导出 CSV", "Export CSV"))), .text(safe: " · "),
               .a(.href(safe: "/supervision/compare?\(d.scope.level == .city ? "" : "level=\(d.scope.level.rawValue)&code=\(d.scope.code)&")from=\(d.period.advanced(by: -1))&to=\(d.period)"),
                  .text(safe: l.t("与上一季度比较", "Compare with the previous quarter"))), .text(safe: " · "),
               .a(.href("/work-tasks"), .text(safe: l.t("工作任务清单", "Work list")))),
            .if(canSnapshot, .form(.method(.post), .action("/supervision/snapshots"),
                                   .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                                   .input(.type(.hidden), .name("period"), .value(safe: current.description)),
                                   .button(.type(.submit), .id("take-snapshot"), .text(safe: l.t("记录本季度快照", "Record this quarter's snapshot"))))),
            .table(.id("indicators"),
                   .thead(.tr(.th(.text(safe: l.t("指标", "Indicator"))), .th(.text(safe: l.t("状态", "Status"))), .th(.text(safe: l.t("当前值", "Value"))),
                              .th(.text(safe: l.t("目标", "Target"))), .th(.text(safe: l.t("差距", "Gap"))), .th(.text(safe: l.t("期限", "Deadline"))),
                              .th(.text(safe: l.t("期末预计", "Projected"))), .th(.text(safe: l.t("趋势", "Trend"))), .th(.text(safe: l.t("明细", "Rows"))))),
                   .tbody(.forEach(shown) { e in row(e) })),
            .if(shown.isEmpty, .p(.id("empty"), .class("empty"), .text(safe: l.t("没有处于该状态的指标。", "No indicator is in that state.")), .text(" "),
                                  .a(.href(safe: "\(here)?period=\(d.period)"), .text(safe: l.t("显示全部", "Show all"))))),
            .if(!schools.isEmpty, .group(
                .h2(.text(safe: l.t("本区学校", "Schools in the district"))),
                .ul(.class("tiles"), .id("district-schools"), .forEach(schools) { school in
                    .li(.a(.href(safe: "/supervision/schools/\(school.code)?period=\(d.period)"), .text(safe: school.name)))
                })
            )),
            .if(!districts.isEmpty, .group(
                .h2(.text(safe: l.t("各区", "Districts"))),
                .ul(.class("tiles"), .forEach(districts) { district in
                    .li(.a(.href(safe: "/supervision/districts/\(district.code)"), .text(safe: district.name)))
                })
            ))
        ))
    }

    func row(_ e: IndicatorEvaluation) -> Node<HTML.TableContext> {
        let l = layout.language
        let unit = e.indicator.unit
        let target = e.targetText
        var notes: [String] = []
        if e.aboveRange { notes.append(l.t("超出目标区间上限", "above the target range")) }
        if e.status == .met, e.reachedByDeadline == false { notes.append(l.t("逾期达成", "met after the deadline")) }
        if let m = e.measurement, let den = m.denominator { notes.append("\(m.numerator)/\(den)") }
        return .tr(
            .class("indicator"),
            .td(.text(safe: l.t(e.indicator.nameZh, e.indicator.nameEn)),
                .element(named: "details", nodes: [.class("quote"), .element(named: "summary", nodes: [.text(safe: e.indicator.clause)]), .text(safe: e.indicator.quote)])),
            .td(.span(.class(safe: "status status-\(e.status.rawValue)"), .text(safe: l.t(e.status.labelZh, e.status.labelEn)))),
            .td(.text(safe: IndicatorFormat.value(e.value, unit: unit, english: l == .en)), .if(!notes.isEmpty, .div(.class("note"), .text(safe: notes.joined(separator: "；"))))),
            .td(.text(safe: l.t(target.zh, target.en))),
            .td(.text(safe: e.gap.map { $0.isZero ? "0" : IndicatorFormat.value($0, unit: unit, english: l == .en) } ?? "—")),
            .td(.text(safe: e.deadline?.description ?? l.t("常态要求", "standing"))),
            .td(.text(safe: IndicatorFormat.projection(e.projection, unit: unit, english: l == .en))),
            .td(.raw(SVGChart.sparkline(e.trend.map(\.value.doubleValue)))),
            .td(.if(canDrillDown, .a(.class("drill"), .href(safe: "/supervision/indicators/\(e.indicator.id)?\(query)"), .text(safe: l.t("明细", "rows")))))
        )
    }
}
