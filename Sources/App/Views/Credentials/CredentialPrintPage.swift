import Credentials
import Foundation
import Plot

/// The printable certificate (PDF-ready HTML): the credential in Chinese and English, its
/// verification result, and a QR code that opens the public verification page for it.
struct CredentialPrintPage {
    let credential: IssuedCredential
    let learnerName: String
    let report: VerificationReport
    let issuer: IssuerIdentity

    static func day(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: date)
    }

    static func number(_ value: JSONValue) -> String? {
        switch value {
        case .int(let i): String(i)
        case .double(let d): String(format: "%.1f", d)
        default: nil
        }
    }

    var verifyURL: String { issuer.baseURL + "/verify/" + credential.id.uuidString.lowercased() }

    func render() -> String {
        let document = report.credential
        let subject = document?["credentialSubject"]
        let credits = subject?["creditsEarned"]
        let qr = (try? QRCode.encode(verifyURL).svg(moduleSize: 4)) ?? ""
        let html = HTML(
            .lang(.chinese),
            .head(.encoding(.utf8), .meta(.name("viewport"), .content("width=device-width, initial-scale=1")), .title(safe: "\(credential.titleZh) · \(credential.titleEn)"), .stylesheet("/static/certificate.css")),
            .body(.div(
                .class("certificate"),
                .p(.class("issuer"), .text(safe: "\(issuer.nameZh) · \(issuer.nameEn)")),
                .h1(.text(safe: credential.titleZh)),
                .h2(.text(safe: credential.titleEn)),
                .p(.class("holder"), .text(safe: "兹证明 \(learnerName) 取得上述\(credential.kind.labelZh)。")),
                .p(.class("holder-en"), .text(safe: "This certifies that \(learnerName) holds the \(credential.kind.rawValue) above.")),
                .table(
                    .tr(.th(.text(safe: "签发日期 Issued")), .td(.text(safe: Self.day(credential.issuedAt)))),
                    .tr(.th(.text(safe: "有效期至 Valid until")), .td(.text(safe: credential.validUntil.map(Self.day) ?? "长期 / no expiry"))),
                    .unwrap(credits.flatMap(Self.number)) { .tr(.th(.text(safe: "学分 Credits")), .td(.text(safe: $0))) },
                    .tr(.th(.text(safe: "凭证编号 Credential")), .td(.text(safe: "urn:uuid:" + credential.id.uuidString.lowercased()))),
                    .tr(.th(.text(safe: "签发者 Issuer DID")), .td(.text(safe: issuer.did))),
                    .tr(.th(.text(safe: "核验 Verification")), .td(.id("print-verification"), .class(safe: report.verified ? "ok" : "error"),
                                                              .text(safe: report.verified ? "有效 · valid" : (report.failure.map { "\($0.zh) · \($0.en)" } ?? ""))))
                ),
                .div(.class("qr"), .raw(qr), .p(.text(safe: "扫码核验 Scan to verify")), .p(.class("url"), .text(safe: verifyURL)))
            ))
        )
        return html.render()
    }
}
