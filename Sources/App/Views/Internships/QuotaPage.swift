import Plot

/// 实习岗位配额: who is under the 2 % quota.
struct QuotaPage {
    let layout: PageLayout
    let lines: [QuotaReport.Line]
    let onlyUnder: Bool

    func render() -> String {
        let l = layout.language
        let under = lines.filter { $0.shortfall > 0 }.count
        return layout.render(
            .div(
                .p(.text(safe: l.t("规模以上企业按职工总数的2%安排实习岗位（粤府〔2020〕63号 附件3 第25项）。", "Enterprises above designated size offer internship places for 2 % of their employees (附件3 #25)."))),
                .p(.id("quota-summary"), .text(safe: l.t("共 \(lines.count) 家企业，其中 \(under) 家未达配额。", "\(lines.count) enterprises, \(under) under quota."))),
                .p(.a(.href(safe: onlyUnder ? "/internships/quotas" : "/internships/quotas?under=true"), .text(safe: onlyUnder ? l.t("显示全部", "Show all") : l.t("只看未达标", "Only under quota")))),
                .table(
                    .id("quotas"),
                    .thead(.tr(
                        .th(.text(safe: l.t("企业", "Enterprise"))), .th(.text(safe: l.t("统一社会信用代码", "Credit code"))), .th(.text(safe: l.t("职工人数", "Employees"))),
                        .th(.text(safe: l.t("应提供", "Required"))), .th(.text(safe: l.t("已提供", "Offered"))), .th(.text(safe: l.t("缺口", "Shortfall")))
                    )),
                    .tbody(.forEach(lines) { line in
                        .tr(
                            .class(safe: line.shortfall > 0 ? "under" : "met"),
                            .td(.text(safe: line.name)), .td(.text(safe: line.creditCode)), .td(.text(safe: String(line.employees))),
                            .td(.text(safe: String(line.requiredPlaces))), .td(.text(safe: String(line.offeredPlaces))), .td(.text(safe: String(line.shortfall)))
                        )
                    })
                )
            )
        )
    }
}
