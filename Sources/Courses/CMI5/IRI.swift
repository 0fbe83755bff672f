/// IRI and URL syntax checks for course structure values (RFC 3987 / RFC 3986, RFC 1738).
///
/// cmi5 ids are `xs:anyURI` and must be IRIs (requirement 3.0.0.0-1): a scheme, a colon and
/// something after it. "w3id.org/xapi/…" is a relative reference, not an IRI.
enum IRI {
    /// The scheme of `text` ("https" for "https://…"), or nil when it has none.
    static func scheme(of text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCIILetter,
              scheme.unicodeScalars.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || "+-.".unicodeScalars.contains($0) })
        else { return nil }
        return String(scheme)
    }

    /// Why `text` is not an absolute IRI, or nil when it is one.
    static func problem(_ text: String) -> String? {
        guard let scheme = scheme(of: text) else { return "no scheme (such as https:) / 缺少协议名（如 https:）" }
        let rest = text.dropFirst(scheme.count + 1)
        if rest.isEmpty { return "nothing after the scheme / 协议名之后为空" }
        return characterProblem(text)
    }

    /// Characters that may not appear in an IRI or URL: whitespace, controls, `<>"{}|\^\``, a
    /// `%` not followed by two hex digits.
    static func characterProblem(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        for (i, s) in scalars.enumerated() {
            if s.properties.isWhitespace || s.value < 0x20 || s.value == 0x7F {
                return "contains whitespace or a control character / 含空白或控制字符"
            }
            if "<>\"{}|\\^`".unicodeScalars.contains(s) { return "contains the character \(s) / 含非法字符 \(s)" }
            if s == "%" {
                guard i + 2 < scalars.count, scalars[i + 1].isHexDigit, scalars[i + 2].isHexDigit else {
                    return "a % not followed by two hex digits / % 之后不是两位十六进制数"
                }
            }
        }
        return nil
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isHexDigit: Bool { isASCIIDigit || ("a"..."f").contains(self) || ("A"..."F").contains(self) }
}
