import Foundation

/// 填空题答案的规范化: how a typed answer is compared with the accepted ones, sensibly for
/// Chinese input — full-width letters, digits, punctuation and spaces become half-width
/// (Unicode NFKC: "ＡＢＣ１２３" = "ABC123", "，" = ","), case is folded unless it matters,
/// leading and trailing spaces go, runs of spaces become one, and spaces next to a Chinese
/// character are dropped ("数据 库" = "数据库").
public enum FillInNormalisation {
    public static func normalise(_ text: String, caseSensitive: Bool = false) -> String {
        var s = text.precomposedStringWithCompatibilityMapping
        if !caseSensitive { s = s.lowercased() }
        var out: [Character] = []
        var pendingSpace = false
        for c in s {
            if c.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace, let last = out.last, !isCJK(last), !isCJK(c) { out.append(" ") }
            pendingSpace = false
            out.append(c)
        }
        return String(out)
    }

    static func isCJK(_ c: Character) -> Bool {
        c.unicodeScalars.contains { s in
            (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) || (0x20000...0x2EBEF).contains(s.value)
                || (0x3000...0x303F).contains(s.value) || (0xF900...0xFAFF).contains(s.value)
        }
    }
}
