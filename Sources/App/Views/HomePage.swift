import Plot

/// 首页: what the caller can see of the registry, with counts.
struct HomePage {
    struct Count {
        var path: String
        var zh: String
        var en: String
        var total: Int
    }

    let layout: PageLayout
    let counts: [Count]

    func render() -> String {
        let l = layout.language
        return layout.render(
            .div(
                .p(.text(safe: l.t("以下为您权限范围内的数据中心记录。", "Registry records within your scope."))),
                .ul(
                    .class("tiles"),
                    .forEach(counts) { c in
                        .li(.a(.href(safe: "/registry/\(c.path)"), .span(.class("count"), .text(safe: String(c.total))), .span(.text(safe: l.t(c.zh, c.en)))))
                    }
                )
            )
        )
    }
}
