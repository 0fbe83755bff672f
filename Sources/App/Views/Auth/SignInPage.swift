import Plot

/// 登录 sign-in page.
struct SignInPage {
    let language: Language
    var error: String?
    var username = ""

    func render() -> String {
        let l = language
        return PageLayout(title: l.t("登录", "Sign in"), language: l, caller: nil).render(
            .div(
                .class("card narrow"),
                .unwrap(error) { .p(.class("error"), .id("sign-in-error"), .text(safe: $0)) },
                .form(
                    .method(.post), .action("/sign-in"), .id("sign-in-form"),
                    .label(.for("username"), .text(safe: l.t("用户名", "Username"))),
                    .input(.type(.text), .name("username"), .id("username"), .value(safe: username), .required(true)),
                    .label(.for("password"), .text(safe: l.t("密码", "Password"))),
                    .input(.type(.password), .name("password"), .id("password"), .required(true)),
                    .button(.type(.submit), .id("sign-in"), .text(safe: l.t("登录", "Sign in")))
                )
            )
        )
    }
}
