import Plot

/// A plain error page for page routes.
struct ErrorPage {
    let language: Language
    let status: Int
    let message: String

    func render() -> String {
        PageLayout(title: "\(status)", language: language, caller: nil).render(
            .div(.class("card"), .p(.class("error"), .text(safe: message)), .a(.href("/"), .text(safe: language.t("返回首页", "Home"))))
        )
    }
}
