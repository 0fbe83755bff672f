import Plot

/// 可验证凭证 on a learner's account page: what has been issued, each in every downloadable
/// form, the form to issue another, and (for the city and reviewers) revoke / suspend.
struct CredentialPanel {
    let language: Language
    let learnerID: String
    let csrf: String
    let credentials: [IssuedCredential]
    /// (value for the form, label): recognised outcomes, earned qualifications, the transcript.
    let issuable: [(value: String, label: String)]
    let canIssue: Bool
    let canChangeStatus: Bool

    var node: Node<HTML.BodyContext> {
        let l = language
        return .div(
            .id("credentials-panel"),
            .h2(.text(safe: l.t("可验证凭证", "Verifiable credentials"))),
            .p(.class("note"), .text(safe: l.t("开放徽章 3.0 / CLR 2.0 凭证，以 Ed25519 签名（VC-JWT）。任何人都可在 /verify 核验。",
                                         "Open Badges 3.0 / CLR 2.0 credentials signed with Ed25519 (VC-JWT); anyone can check them at /verify."))),
            .table(.id("credentials"),
                   .thead(.tr(.th(.text(safe: l.t("凭证", "Credential"))), .th(.text(safe: l.t("类型", "Kind"))), .th(.text(safe: l.t("签发时间", "Issued"))),
                              .th(.text(safe: l.t("状态", "Status"))), .th(.text(safe: l.t("下载", "Download"))), .if(canChangeStatus, .th(.text(safe: l.t("撤销/暂停", "Revoke / suspend")))))),
                   .tbody(.forEach(credentials) { c in
                       let id = c.id.uuidString.lowercased()
                       return .tr(.class(safe: "credential-\(c.status.rawValue)"),
                                  .td(.text(safe: l.t(c.titleZh, c.titleEn))), .td(.text(safe: l.t(c.kind.labelZh, c.kind.rawValue))),
                                  .td(.text(safe: CredentialPrintPage.day(c.issuedAt))), .td(.class("credential-status"), .text(safe: l.t(c.status.labelZh, c.status.rawValue))),
                                  .td(.group(["jwt", "json", "png", "svg"].map { form in
                                      .a(.class(safe: "download-\(form)"), .href(safe: "/api/v1/credentials/\(id)/download?format=\(form)"), .text(safe: form.uppercased() + " "))
                                  }), .a(.class("print"), .href(safe: "/api/v1/credentials/\(id)/download?format=html"), .text(safe: l.t("打印", "Print"))),
                                      .text(safe: " "), .a(.class("verify"), .href(safe: "/verify/\(id)"), .text(safe: l.t("核验", "Verify")))),
                                  .if(canChangeStatus && c.status != .revoked, .td(
                                      .form(.method(.post), .action(safe: "/credentials/\(id)/status"), .class("inline"),
                                            .input(.type(.hidden), .name("csrf"), .value(safe: csrf)),
                                            .select(.attribute(named: "name", value: "action"), .attribute(named: "aria-label", safe: l.t("状态变更", "Status change")),
                                                    .option(.value("revoke"), .label(safe: l.t("撤销", "Revoke"))),
                                                    .if(c.status == .active, .option(.value("suspend"), .label(safe: l.t("暂停", "Suspend")))),
                                                    .if(c.status == .suspended, .option(.value("reinstate"), .label(safe: l.t("恢复", "Reinstate"))))),
                                            .input(.type(.text), .name("reason"), .attribute(named: "required", value: "required"), .attribute(named: "aria-label", safe: l.t("原因（必填）", "Reason (required)")),
                                                   .attribute(named: "placeholder", safe: l.t("原因（必填）", "reason (required)"))),
                                            .button(.type(.submit), .class("change-status"), .text(safe: l.t("确定", "Apply")))))))
                   })),
            .if(canIssue && !issuable.isEmpty, .form(
                .method(.post), .action(safe: "/credit-bank/learners/\(learnerID)/credentials"), .id("issue-credential"),
                .input(.type(.hidden), .name("csrf"), .value(safe: csrf)),
                .select(.attribute(named: "name", value: "what"), .id("credential-what"), .attribute(named: "aria-label", safe: l.t("签发哪一项", "What to issue")), .forEach(issuable) { .option(.value(safe: $0.value), .label(safe: $0.label)) }),
                .button(.type(.submit), .id("issue"), .text(safe: l.t("签发凭证", "Issue credential")))))
        )
    }
}
