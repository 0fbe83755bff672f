import Foundation

/// Internationalized Resource Identifiers (RFC 3987) as xAPI uses them: verb, activity and
/// extension identifiers, activity types, `openid`, and — as IRLs — `moreInfo`, `homePage`,
/// `fileUrl`. The specification requires them absolute (with a scheme); the LRS refuses anything
/// else with a 400 (Data 2.2, XAPI-00011).
public enum IRI {
    /// Whether `text` is an absolute IRI: a scheme (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`),
    /// a colon, and a non-empty remainder made only of characters an IRI may hold, with every
    /// `%` starting a two-digit escape and at most one `#`.
    public static func isValid(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.unicodeScalars.first, isASCIILetter(first),
              scheme.unicodeScalars.allSatisfy({ isASCIILetter($0) || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "." })
        else { return false }
        let rest = Array(text[text.index(after: colon)...].unicodeScalars)
        guard !rest.isEmpty else { return false }
        var fragments = 0
        var i = 0
        while i < rest.count {
            let c = rest[i]
            switch c.value {
            case 0...0x20, 0x7F...0x9F: return false
            case 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: return false // " < > \ ^ ` { | }
            case 0x25: // %
                guard i + 2 < rest.count, rest[i + 1].properties.isASCIIHexDigit, rest[i + 2].properties.isASCIIHexDigit else { return false }
                i += 2
            case 0x23: // #
                fragments += 1
                if fragments > 1 { return false }
            case 0xD800...0xDFFF, 0xFFFE, 0xFFFF: return false
            default: break
            }
            i += 1
        }
        // Hierarchical web IRIs need a host: "http://" alone locates nothing.
        let lowerScheme = scheme.lowercased()
        if lowerScheme == "http" || lowerScheme == "https" {
            let s = String(String.UnicodeScalarView(rest))
            guard s.hasPrefix("//") else { return false }
            let authority = s.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            let host = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
            guard !host.isEmpty, !host.hasPrefix(":") else { return false }
        }
        return true
    }

    /// The form two IRIs are compared in (RFC 3987 §5.3.2 syntax-based normalisation only, as
    /// the specification allows): scheme and host lower-cased, percent-escapes upper-cased and
    /// unreserved characters decoded, and dot-segments removed from the path.
    public static func normalized(_ text: String) -> String {
        guard isValid(text), let colon = text.firstIndex(of: ":") else { return text }
        let scheme = text[..<colon].lowercased()
        var rest = percentNormalized(String(text[text.index(after: colon)...]))
        var authority = ""
        if rest.hasPrefix("//") {
            let body = rest.dropFirst(2)
            let end = body.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? body.endIndex
            let raw = body[..<end]
            if let at = raw.lastIndex(of: "@") {
                authority = "//" + raw[...at] + raw[raw.index(after: at)...].lowercased()
            } else {
                authority = "//" + raw.lowercased()
            }
            rest = String(body[end...])
        }
        let pathEnd = rest.firstIndex { $0 == "?" || $0 == "#" } ?? rest.endIndex
        let path = String(rest[..<pathEnd])
        let tail = rest[pathEnd...]
        let cleaned = path.hasPrefix("/") || !authority.isEmpty ? removingDotSegments(path) : path
        return scheme + ":" + authority + cleaned + tail
    }

    private static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c)
    }

    /// Upper-cases escapes and decodes the ones that stand for unreserved ASCII characters.
    private static func percentNormalized(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "%", i + 2 < scalars.count,
               let value = UInt8(String(scalars[i + 1]) + String(scalars[i + 2]), radix: 16) {
                let c = Unicode.Scalar(value)
                if value < 0x80, isASCIILetter(c) || ("0"..."9").contains(c) || "-._~".unicodeScalars.contains(c) {
                    out.append(c)
                } else {
                    out.append(contentsOf: ("%" + String(scalars[i + 1]) + String(scalars[i + 2])).uppercased().unicodeScalars)
                }
                i += 3
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// RFC 3986 §5.2.4, on whole segments.
    private static func removingDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let last = index == segments.count - 1
            switch segment {
            case ".":
                if last { output.append("") }
            case "..":
                if output.count > 1 { output.removeLast() }
                if last { output.append("") }
            default:
                output.append(segment)
            }
        }
        let joined = output.joined(separator: "/")
        return path.hasPrefix("/") && !joined.hasPrefix("/") ? "/" + joined : joined
    }
}
