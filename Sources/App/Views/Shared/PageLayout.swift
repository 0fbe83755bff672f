import Plot
import Registry

/// The frame of every page: header with the caller's menu, account and language switch, then the content.
///
/// The menu is a `<details>` element, so it folds away on a phone without JavaScript (the CSP
/// forbids scripts); on a wide screen the stylesheet keeps it open as a bar.
struct PageLayout {
    let title: String
    let language: Language
    let caller: Caller?
    /// The session's CSRF token, for forms.
    var csrf: String? { caller?.session?.csrfToken }

    func render(_ content: Node<HTML.BodyContext>) -> String {
        let l = language
        let html = HTML(
            .attribute(named: "lang", value: l.htmlCode),
            .head(
                .encoding(.utf8),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title(safe: "\(title) · \(l.t("职教平台", "Zhijiao"))"),
                .stylesheet("/static/app.css")
            ),
            .body(
                .a(.class("skip"), .href("#content"), .text(safe: l.t("跳到正文", "Skip to content"))),
                .header(
                    .class("top"),
                    .a(.class("brand"), .href("/"), .text(safe: l.t("职教 · 深圳职业教育管理平台", "Zhijiao · Shenzhen vocational education"))),
                    .unwrap(caller) { caller in menu(caller.scope) },
                    .div(
                        .class("account"),
                        .unwrap(caller) { caller in
                            .group(
                                .span(.class("who"), .text(safe: "\(caller.displayName) · \(l.t(caller.scope.role.labelZh, caller.scope.role.labelEn))")),
                                .form(
                                    .class("inline"), .method(.post), .action("/sign-out"),
                                    .input(.type(.hidden), .name("csrf"), .value(safe: csrf ?? "")),
                                    .button(.type(.submit), .id("sign-out"), .text(safe: l.t("退出", "Sign out")))
                                )
                            )
                        },
                        .a(.class("lang"), .href(safe: l == .zh ? "/lang/en" : "/lang/zh"), .attribute(named: "lang", value: l == .zh ? "en" : "zh-Hans"),
                           .text(safe: l == .zh ? "English" : "中文"))
                    )
                ),
                .main(.id("content"), .h1(.text(safe: title)), content)
            )
        )
        return html.render()
    }

    /// Only what the caller's scope may open (`Navigation.entries`): a menu never offers a refusal.
    /// Areas first, then the registry lists folded under 数据中心 so a phone is not all menu.
    func menu(_ scope: CallerScope) -> Node<HTML.BodyContext> {
        let l = language
        let entries = Navigation.entries(for: scope)
        let top = entries.filter { entry in
            if case .registry = entry { return false }
            return true
        }.map(NavigationLink.init)
        let registry = Navigation.registryLists(for: scope).map { NavigationLink(.registry($0)) }
        return .element(named: "details", nodes: [
            .class("menu"),
            .element(named: "summary", nodes: [.text(safe: l.t("菜单", "Menu"))]),
            .nav(
                .id("menu"), .ariaLabel(l.t("主菜单", "Main menu")),
                .ul(.forEach(top) { link in .li(.a(.href(safe: link.path), .text(safe: link.label(l)))) }),
                .if(!registry.isEmpty, .element(named: "details", nodes: [
                    .class("registry-menu"),
                    .element(named: "summary", nodes: [.text(safe: l.t("数据中心", "Registry"))]),
                    .ul(.forEach(registry) { link in .li(.a(.href(safe: link.path), .text(safe: link.label(l)))) })
                ]))
            )
        ])
    }

    /// Where a menu area's entry leads, and its label (`NavigationLink`).
    static func link(_ area: MenuArea) -> (path: String, zh: String, en: String) {
        let link = NavigationLink(area)
        return (link.path, link.zh, link.en)
    }
}
