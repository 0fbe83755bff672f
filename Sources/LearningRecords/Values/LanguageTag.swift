import Foundation

/// RFC 5646 language tags: the keys of every language map and `context.language`. xAPI asks
/// for well-formed tags, not registered ones, so this checks the ABNF and the grandfathered
/// list, never the IANA registry.
public enum LanguageTag {
    /// Whether `text` is a well-formed RFC 5646 tag (`en`, `zh-Hans-CN`, `de-CH-1996`, `x-private`).
    public static func isWellFormed(_ text: String) -> Bool {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return false }
        let lower = text.lowercased()
        if grandfathered.contains(lower) { return true }
        let subtags = lower.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard subtags.allSatisfy({ !$0.isEmpty && $0.count <= 8 }) else { return false }
        if subtags[0] == "x" { return isPrivateUse(subtags[...]) }
        var i = 0
        // language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA
        let language = subtags[0]
        guard isAlpha(language), (2...8).contains(language.count) else { return false }
        i = 1
        if language.count <= 3 {
            var extlangs = 0
            while i < subtags.count, extlangs < 3, subtags[i].count == 3, isAlpha(subtags[i]) {
                extlangs += 1
                i += 1
            }
        }
        // ["-" script]
        if i < subtags.count, subtags[i].count == 4, isAlpha(subtags[i]) { i += 1 }
        // ["-" region]
        if i < subtags.count, (subtags[i].count == 2 && isAlpha(subtags[i])) || (subtags[i].count == 3 && isDigit(subtags[i])) { i += 1 }
        // *("-" variant), no duplicates
        var variants: Set<String> = []
        while i < subtags.count, isVariant(subtags[i]) {
            guard variants.insert(subtags[i]).inserted else { return false }
            i += 1
        }
        // *("-" extension), each singleton once
        var singletons: Set<String> = []
        while i < subtags.count, subtags[i].count == 1, subtags[i] != "x" {
            guard singletons.insert(subtags[i]).inserted else { return false }
            i += 1
            var count = 0
            while i < subtags.count, (2...8).contains(subtags[i].count) {
                count += 1
                i += 1
            }
            guard count > 0 else { return false }
        }
        if i < subtags.count, subtags[i] == "x" { return isPrivateUse(subtags[i...]) }
        return i == subtags.count
    }

    private static func isPrivateUse(_ subtags: ArraySlice<String>) -> Bool {
        subtags.count > 1 && subtags.dropFirst().allSatisfy { (1...8).contains($0.count) }
    }

    private static func isVariant(_ s: String) -> Bool {
        if (5...8).contains(s.count) { return true }
        if s.count == 4, let first = s.first, first.isNumber { return true }
        return false
    }

    private static func isAlpha(_ s: String) -> Bool { s.allSatisfy(\.isLetter) }
    private static func isDigit(_ s: String) -> Bool { s.allSatisfy(\.isNumber) }

    /// RFC 5646 §2.2.8: tags registered before the current syntax, valid as whole tags only.
    private static let grandfathered: Set<String> = [
        "en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux",
        "i-mingo", "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de",
        "art-lojban", "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu", "zh-hakka", "zh-min", "zh-min-nan", "zh-xiang",
    ]
}
