import Credentials
import Plot

/// 凭证核验: public. Paste a JWT or JSON, or upload a baked PNG/SVG, and see each check — the
/// signature, the issuer, the validity window, revocation — with the reason for any failure.
struct VerifyPage {
    let layout: PageLayout
    let report: VerificationReport?

    func render() -> String {
        let l = layout.language
        return layout.render(.div(
            .p(.text(safe: l.t("粘贴凭证（JWT 或 JSON），或上传带凭证的 PNG/SVG 徽章图片。核验不需要登录，也不保存您提交的内容。",
                         "Paste a credential (JWT or JSON) or upload a baked PNG/SVG badge. No sign-in needed; nothing you submit is kept."))),
            .form(.method(.post), .action("/verify"), .enctype(.multipartData), .id("verify-form"),
                  .textarea(.name("credential"), .id("credential-text"), .attribute(named: "rows", value: "6"), .attribute(named: "cols", value: "80")),
                  .p(.input(.type(.file), .name("file"), .id("credential-file"))),
                  .button(.type(.submit), .id("verify"), .text(safe: l.t("核验", "Verify")))),
            .unwrap(report) { r in
                .div(
                    .p(.id("verify-result"), .class(safe: r.verified ? "ok" : "error"),
                       .text(safe: r.verified ? l.t("凭证有效。", "The credential is valid.")
                                        : l.t("凭证无效：", "The credential is not valid: ") + (r.failure.map { l == .zh ? $0.zh : $0.en } ?? ""))),
                    .unwrap(r.credential) { c in
                        .p(.id("verify-subject"), .text(safe: l.t("凭证：", "Credential: ") + (c["credentialSubject"]?["achievement"]?["name"]?.stringValue ?? c["type"]?.stringList.last ?? "")
                            + " · " + l.t("签发者：", "issuer: ") + (c["issuer"]?["name"]?.stringValue ?? c["issuer"]?.idValue ?? "")))
                    },
                    .unwrap(r.holderName) { name in
                        .p(.id("verify-holder"), .text(safe: l.t("持有人（凭证所载）：", "Holder (as the credential states): ") + name))
                    },
                    .table(.id("verify-checks"),
                           .thead(.tr(.th(.text(safe: l.t("检查项", "Check"))), .th(.text(safe: l.t("结果", "Result"))), .th(.text(safe: l.t("说明", "Detail"))))),
                           .tbody(.forEach(r.checks) { check in
                               .tr(.class(safe: "check-\(check.outcome.rawValue)"), .td(.text(safe: l.t(check.name.zh, check.name.rawValue))),
                                   .td(.text(safe: check.outcome == .passed ? l.t("通过", "passed") : check.outcome == .failed ? l.t("未通过", "failed") : l.t("未检查", "not checked"))),
                                   .td(.text(safe: l == .zh ? check.zh : check.en)))
                           }))
                )
            }
        ))
    }
}
