import Foundation

/// Internet media types (RFC 2046 / RFC 6838 syntax) for an attachment's `contentType`:
/// `type "/" subtype *(";" parameter)`, tokens of RFC 7230 characters.
public enum MediaType {
    /// Whether `text` is a well-formed media type such as `text/plain; charset=ascii`.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: ";", omittingEmptySubsequences: false)
        guard let head = parts.first else { return false }
        let typeAndSubtype = head.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard typeAndSubtype.count == 2, typeAndSubtype.allSatisfy({ isToken($0) }) else { return false }
        for parameter in parts.dropFirst() {
            let trimmed = parameter.trimmingCharacters(in: .whitespaces)
            guard let eq = trimmed.firstIndex(of: "=") else { return false }
            let name = trimmed[..<eq]
            let value = trimmed[trimmed.index(after: eq)...]
            guard isToken(name) else { return false }
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { continue }
            guard isToken(value) else { return false }
        }
        return true
    }

    /// RFC 7230 `token`: one or more visible ASCII characters other than separators.
    private static func isToken(_ s: Substring) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { c in
            c.value > 0x20 && c.value < 0x7F && !"()<>@,;:\\\"/[]?={}".unicodeScalars.contains(c)
        }
    }
}
