import Plot

/// An error on a page route (403, 404, 500 …) inside the usual frame: the caller keeps the menu
/// of what it may open, and every word is in the page's language.
struct ErrorPage {
    let layout: PageLayout
    let status: Int
    /// What went wrong, in the layout's language.
    let message: String
    /// Field-by-field reasons, when a form's input was refused.
    var reasons: [String] = []

    func render() -> String {
        let l = layout.language
        return layout.render(
            .div(
                .class("card"), .id("error"), .attribute(named: "role", value: "alert"),
                .p(.class("error"), .text(safe: message)),
                .if(!reasons.isEmpty, .ul(.id("error-reasons"), .forEach(reasons) { .li(.text(safe: $0)) })),
                .p(.text(safe: advice(l))),
                .a(.href("/"), .text(safe: l.t("返回首页", "Back to your home page")))
            )
        )
    }

    func advice(_ l: Language) -> String {
        switch status {
        case 403: l.t("请从菜单中选择您的角色可以打开的页面。", "Choose a page your role can open from the menu.")
        case 404: l.t("地址可能有误，或记录不在您的权限范围内。", "The address may be wrong, or the record is outside your scope.")
        case 500...: l.t("错误已记录，请稍后再试。", "The error has been logged; please try again later.")
        default: l.t("请返回上一页修改后重试。", "Go back, correct it and try again.")
        }
    }

    /// The page title for a status, in one language.
    static func title(_ status: Int, _ l: Language) -> String {
        switch status {
        case 400: l.t("请求有误", "Bad request")
        case 401: l.t("请先登录", "Sign-in required")
        case 403: l.t("无权访问", "Not allowed")
        case 404: l.t("未找到", "Not found")
        case 409: l.t("与已有数据冲突", "Conflict")
        case 413: l.t("文件过大", "Too large")
        case 422: l.t("输入有误", "Invalid input")
        case 429: l.t("尝试次数过多", "Too many attempts")
        case 500...: l.t("服务器内部错误", "Internal server error")
        default: l.t("出错了", "Something went wrong")
        }
    }
}
