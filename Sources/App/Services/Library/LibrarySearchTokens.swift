import Foundation

/// How library text becomes search tokens, the same on SQLite and PostgreSQL (检索分词).
///
/// Neither FTS5's default tokenizer nor PostgreSQL's `simple` parser splits Han text into words,
/// and FTS5's `trigram` tokenizer cannot match a two-character query such as 数控. So the app
/// tokenizes itself: a run of Han characters becomes its overlapping character bigrams plus its
/// last character alone (数控加工 → 数控 控加 加工 工), so every character starts some token; any
/// other run of letters or digits becomes one lower-cased word. The stored tokens are plain
/// words separated by spaces: FTS5's `unicode61` tokenizer and PostgreSQL's
/// `array_to_tsvector` take them as they are. A query is tokenized the same way and every token
/// must be present (AND); a one-character Han query and the last Latin word match as prefixes.
enum LibrarySearchTokens {
    /// The most tokens kept from one resource's text.
    static let maxTokens = 4_000

    /// The tokens of `text`, in order, duplicates removed.
    static func index(_ text: String) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for token in runs(text).flatMap(tokens(of:)) where seen.insert(token).inserted {
            result.append(token)
            if result.count >= maxTokens { break }
        }
        return result
    }

    /// One term of a query: a token that must be present, or a prefix a token must start with.
    struct Term: Equatable, Sendable {
        var token: String
        var prefix: Bool
    }

    /// The terms of a query (at most 32).
    static func query(_ text: String) -> [Term] {
        var terms: [Term] = []
        let all = runs(text)
        for (n, run) in all.enumerated() {
            if run.han {
                if run.text.count == 1 {
                    terms.append(Term(token: run.text, prefix: true))
                } else {
                    terms += bigrams(run.text).map { Term(token: $0, prefix: false) }
                }
            } else {
                terms.append(Term(token: run.text, prefix: n == all.count - 1))
            }
        }
        var seen = Set<String>()
        return Array(terms.filter { seen.insert($0.token + ($0.prefix ? "*" : "")).inserted }.prefix(32))
    }

    struct Run {
        var text: String
        var han: Bool
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }

    /// Han runs and word runs (letters and digits), lower-cased; everything else separates.
    static func runs(_ text: String) -> [Run] {
        var result: [Run] = []
        var current = ""
        var currentHan = false
        func flush() {
            if !current.isEmpty { result.append(Run(text: current, han: currentHan)) }
            current = ""
        }
        for scalar in text.lowercased().unicodeScalars {
            let han = isHan(scalar)
            let word = !han && (CharacterSet.alphanumerics.contains(scalar))
            if han || word {
                if !current.isEmpty && han != currentHan { flush() }
                currentHan = han
                current.unicodeScalars.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    static func bigrams(_ text: String) -> [String] {
        let chars = Array(text)
        guard chars.count > 1 else { return chars.map(String.init) }
        return (0..<(chars.count - 1)).map { String(chars[$0...$0 + 1]) }
    }

    static func tokens(of run: Run) -> [String] {
        guard run.han else { return [run.text] }
        let chars = Array(run.text)
        return bigrams(run.text) + (chars.count > 1 ? [String(chars[chars.count - 1])] : [])
    }
}
