import Plot
import Registry

/// The frame of every page: header with navigation and language switch, then the content.
struct PageLayout {
    let title: String
    let language: Language
    let caller: Caller?
    /// The session's CSRF token, for forms.
    var csrf: String? { caller?.session?.csrfToken }

    func render(_ content: Node<HTML.BodyContext>) -> String {
        let l = language
        let html = HTML(
            .lang(l == .zh ? .chinese : .english),
            .head(
                .encoding(.utf8),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title(safe: "\(title) · \(l.t("职教平台", "Zhijiao"))"),
                .stylesheet("/static/app.css")
            ),
            .body(
                .header(
                    .class("top"),
                    .a(.class("brand"), .href("/"), .text(safe: l.t("职教 · 深圳职业教育管理平台", "Zhijiao · Shenzhen vocational education"))),
                    .nav(
                        .unwrap(caller) { caller in
                            .group(
                                // Only what the caller's role may open (`AccessPolicy.menu`): a menu never offers a refusal.
                                .group(RegistryPages.navigation(for: caller.scope).map { item in .a(.href(safe: "/registry/\(item.path)"), .text(safe: l.t(item.zh, item.en))) }),
                                .group(AccessPolicy.menu(for: caller.scope).map { area in
                                    let link = Self.link(area)
                                    return .a(.href(safe: link.path), .text(safe: l.t(link.zh, link.en)))
                                }),
                                .span(.class("who"), .text(safe: "\(caller.displayName) · \(l.t(caller.scope.role.labelZh, caller.scope.role.labelEn))")),
                                .form(
                                    .class("inline"), .method(.post), .action("/sign-out"),
                                    .input(.type(.hidden), .name("csrf"), .value(safe: csrf ?? "")),
                                    .button(.type(.submit), .id("sign-out"), .text(safe: l.t("退出", "Sign out")))
                                )
                            )
                        },
                        .a(.class("lang"), .href(safe: l == .zh ? "/lang/en" : "/lang/zh"), .text(safe: l == .zh ? "English" : "中文"))
                    )
                ),
                .main(.h1(.text(safe: title)), content)
            )
        )
        return html.render()
    }

    /// Where a menu area's entry leads, and its label.
    static func link(_ area: MenuArea) -> (path: String, zh: String, en: String) {
        switch area {
        case .internshipQuotas: ("/internships/quotas", "实习配额", "Quotas")
        case .internshipRounds: ("/internships/rounds", "实习分配", "Allocation")
        case .market: ("/market", "产教供需", "Market")
        case .supervision: ("/supervision", "督导监测", "Supervision")
        case .workList: ("/work-tasks", "工作任务", "Work list")
        case .creditBank: ("/credit-bank", "学分银行", "Credit bank")
        case .learningRecords: ("/learning-records", "学习记录", "Learning records")
        case .revealGrants: ("/reveal-grants", "查看授权", "Reveal grants")
        }
    }
}
