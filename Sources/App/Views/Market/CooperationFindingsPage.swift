import Plot

/// 校企合作负面清单检查: agreements in scope that break a rule, with the words that do.
struct CooperationFindingsPage {
    let layout: PageLayout
    let rules: Int
    let findings: [NegativeListReview.Finding]

    func render() -> String {
        let l = layout.language
        return layout.render(
            .div(
                .p(.id("findings-summary"), .text(safe: l.t("负面清单 \(rules) 条；\(findings.count) 份协议违反清单。", "\(rules) negative-list rules; \(findings.count) agreements break them."))),
                .p(.a(.href("/registry/negative-list"), .text(safe: l.t("查看负面清单", "The negative list"))), .text(safe: " · "),
                   .a(.href("/registry/cooperation-agreements"), .text(safe: l.t("全部合作协议", "All agreements")))),
                .table(.id("findings"),
                       .thead(.tr(.th(.text(safe: l.t("协议", "Agreement"))), .th(.text(safe: l.t("机构", "Institution"))), .th(.text(safe: l.t("企业", "Enterprise"))),
                                  .th(.text(safe: l.t("条目", "Rule"))), .th(.text(safe: l.t("原文", "Excerpt"))))),
                       .tbody(.forEach(findings) { f in
                           .group(f.violations.map { v in
                               .tr(.class("violation"),
                                   .td(.text(safe: f.title)), .td(.text(safe: f.institutionCode)), .td(.text(safe: f.enterpriseCode)),
                                   .td(.text(safe: "\(v.ruleCode) \(v.ruleDescription)\(v.basis.map { "（\($0)）" } ?? "")")), .td(.text(safe: v.excerpt)))
                           })
                       }))
            )
        )
    }
}
