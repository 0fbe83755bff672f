import Plot

/// 检索: demand and programs containing a phrase.
struct MarketSearchPage {
    let layout: PageLayout
    let query: String
    let demands: [MarketSearch.DemandHit]
    let programs: [MarketSearch.ProgramHit]

    func render() -> String {
        let l = layout.language
        return layout.render(
            .div(
                .form(.method(.get), .action("/market/search"),
                      .label(.for("q"), .text(safe: l.t("专业或学校 ", "Program or school "))),
                      .input(.type(.search), .name("q"), .id("q"), .value(safe: query), .attribute(named: "maxlength", value: "100")),
                      .button(.type(.submit), .id("search"), .text(safe: l.t("检索", "Search")))),
                .if(!query.isEmpty, .group(
                    .p(.id("search-summary"), .text(safe: l.t("用工需求 \(demands.count) 条，专业 \(programs.count) 个（各最多50条）。", "\(demands.count) demand rows, \(programs.count) programs (50 at most each)."))),
                    .h2(.text(safe: l.t("用工需求", "Demand"))),
                    .table(.id("demand-hits"),
                           .thead(.tr(.th(.text(safe: l.t("岗位", "Title"))), .th(.text(safe: l.t("职业", "Occupation"))), .th(.text(safe: l.t("技能", "Skills"))), .th(.text(safe: l.t("人数", "Headcount"))), .th(.text(safe: l.t("开始", "From"))))),
                           .tbody(.forEach(demands) { d in
                               .tr(.td(.text(safe: d.title)), .td(.text(safe: "\(d.occupationCode) \(d.occupationName)")), .td(.text(safe: d.skills ?? "")), .td(.text(safe: String(d.headcount))), .td(.text(safe: d.periodStart)))
                           })),
                    .h2(.text(safe: l.t("专业", "Programs"))),
                    .table(.id("program-hits"),
                           .thead(.tr(.th(.text(safe: l.t("机构", "Institution"))), .th(.text(safe: l.t("专业", "Program"))), .th(.text(safe: l.t("教授技能", "Skills taught"))))),
                           .tbody(.forEach(programs) { p in
                               .tr(.td(.a(.href(safe: "/market/schools/\(p.institutionCode)"), .text(safe: p.institutionCode))), .td(.text(safe: "\(p.catalogCode) \(p.name)")), .td(.text(safe: p.skillsTaught ?? "")))
                           }))
                ))
            )
        )
    }
}
