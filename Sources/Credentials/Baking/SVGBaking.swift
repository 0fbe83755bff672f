import Foundation

/// Open Badges 3.0 baking in SVG: an `<openbadges:credential>` element in the namespace
/// `https://purl.imsglobal.org/ob/v3p0` whose `verify` attribute holds the VC-JWT.
public enum SVGBaking {
    public static let namespace = "https://purl.imsglobal.org/ob/v3p0"

    public static func isSVG(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(512), as: UTF8.self)
        return head.contains("<svg")
    }

    /// A badge with its title in both languages and the credential baked in.
    public static func badge(titleZh: String, titleEn: String, token: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="\(namespace)" width="320" height="320" viewBox="0 0 320 320">
        <openbadges:credential verify="\(escape(token))"/>
        <circle cx="160" cy="160" r="150" fill="#b91c1c"/>
        <circle cx="160" cy="160" r="132" fill="none" stroke="#fde68a" stroke-width="4"/>
        <text x="160" y="150" font-size="22" text-anchor="middle" fill="#ffffff" font-family="sans-serif">\(escape(titleZh))</text>
        <text x="160" y="185" font-size="14" text-anchor="middle" fill="#fde68a" font-family="sans-serif">\(escape(titleEn))</text>
        </svg>
        """
    }

    public static func extract(from svg: Data) throws(VerificationFailure) -> String {
        let text = String(decoding: svg, as: UTF8.self)
        guard let element = text.range(of: "<openbadges:credential") else {
            throw .malformed(zh: "SVG 中没有 openbadges:credential 元素", en: "no openbadges:credential element in the SVG")
        }
        let rest = text[element.upperBound...]
        guard let close = rest.firstIndex(of: ">") else { throw .malformed(zh: "openbadges:credential 元素不完整", en: "unterminated openbadges:credential element") }
        let attributes = rest[..<close]
        for quote in ["\"", "'"] {
            if let start = attributes.range(of: "verify=" + quote), let end = attributes[start.upperBound...].firstIndex(of: Character(quote)) {
                return unescape(String(attributes[start.upperBound..<end]))
            }
        }
        throw .malformed(zh: "openbadges:credential 元素没有 verify 属性（不支持内嵌证明格式）", en: "the openbadges:credential element has no verify attribute (embedded-proof credentials are not supported)")
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
