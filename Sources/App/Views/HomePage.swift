import Plot

/// 首页: the caller's role home — groups of figures, each opening the page behind it.
struct HomePage {
    let layout: PageLayout
    let sections: [HomeSection]

    func render() -> String {
        let l = layout.language
        return layout.render(
            .div(
                .id("home"),
                .forEach(Array(sections.enumerated())) { item in
                    let (index, section) = (item.offset, item.element)
                    return Node<HTML.BodyContext>.section(
                        .class("home-group"), .attribute(named: "aria-labelledby", value: "home-\(index)"),
                        .h2(.id(safe: "home-\(index)"), .text(safe: l.t(section.zh, section.en))),
                        .ul(.class("figures"), .forEach(section.figures) { figure in
                            .li(.if(figure.attention, .class("attention")), .a(
                                .href(safe: figure.path),
                                .span(.class("value"), .text(safe: figure.value)),
                                .span(.class("label"), .text(safe: l.t(figure.zh, figure.en))),
                                .unwrap(l == .zh ? figure.detailZh : figure.detailEn) { .span(.class("detail"), .text(safe: $0)) }
                            ))
                        })
                    )
                }
            )
        )
    }
}
