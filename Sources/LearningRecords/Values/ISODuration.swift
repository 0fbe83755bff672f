import Foundation

/// `result.duration`: ISO 8601:2004 §4.4.3.2 durations (`PT1H0M0.1S`, `P3Y1M29D`, `P4W`). The
/// alternative format of §4.4.3.3 (`P0003-01-29`) is forbidden by xAPI, and weeks stand alone.
public enum ISODuration {
    /// Whether `text` is a §4.4.3.2 duration: `P`, then designated components in order, a `T`
    /// before the time components, at least one component, and a decimal fraction only on the
    /// last one; or `PnW` alone.
    public static func isValid(_ text: String) -> Bool {
        components(text) != nil
    }

    /// The duration as compared between statements: a string, but with the seconds' fraction cut
    /// to hundredths (the specification excludes finer precision from comparisons) and trailing
    /// zeros of that fraction dropped.
    public static func comparisonForm(_ text: String) -> String {
        guard components(text) != nil, text.hasSuffix("S") else { return text }
        let body = text.dropLast()
        guard let start = body.lastIndex(where: { !($0.isNumber || $0 == "." || $0 == ",") }) else { return text }
        let number = body[body.index(after: start)...]
        guard let sep = number.firstIndex(where: { $0 == "." || $0 == "," }) else { return text }
        var fraction = String(number[number.index(after: sep)...].prefix(2))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = number[..<sep]
        return String(body[...start]) + whole + (fraction.isEmpty ? "" : "." + fraction) + "S"
    }

    /// The designators in the order they appear, or nil when the text is not a valid duration.
    private static func components(_ text: String) -> [Character]? {
        var chars = Array(text)
        guard chars.first == "P", chars.count > 1 else { return nil }
        chars.removeFirst()
        let dateOrder: [Character] = ["Y", "M", "W", "D"]
        let timeOrder: [Character] = ["H", "M", "S"]
        var inTime = false
        var rank = -1
        var seen: [Character] = []
        var sawFraction = false
        var i = 0
        while i < chars.count {
            if chars[i] == "T" {
                guard !inTime, i + 1 < chars.count else { return nil }
                inTime = true
                rank = -1
                i += 1
                continue
            }
            guard !sawFraction else { return nil } // a fraction only on the lowest-order component
            var digits = 0
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { digits += 1; i += 1 }
            guard digits > 0, i < chars.count else { return nil }
            if chars[i] == "." || chars[i] == "," {
                i += 1
                var fractionDigits = 0
                while i < chars.count, chars[i].isASCII, chars[i].isNumber { fractionDigits += 1; i += 1 }
                guard fractionDigits > 0, i < chars.count else { return nil }
                sawFraction = true
            }
            let order = inTime ? timeOrder : dateOrder
            guard let position = order.firstIndex(of: chars[i]), position > rank else { return nil }
            rank = position
            seen.append(inTime ? Character(chars[i].lowercased()) : chars[i])
            i += 1
            // In the time part a designator must be followed by another component or the end.
            if inTime, i < chars.count, chars[i] == "T" { return nil }
        }
        guard !seen.isEmpty else { return nil }
        // Weeks are their own format: PnW, never combined with other components.
        if seen.contains("W"), seen.count > 1 { return nil }
        return seen
    }
}
