import Foundation

/// One entry of the city's negative list as the check sees it.
public struct NegativeListRule: Sendable, Hashable {
    public var code: String
    public var terms: [String]
    /// The cooperation kind (raw value) it is limited to; nil: every kind.
    public var appliesTo: String?
    public var description: String
    public var basis: String?

    public init(code: String, terms: [String], appliesTo: String? = nil, description: String, basis: String? = nil) {
        self.code = code
        self.terms = terms
        self.appliesTo = appliesTo
        self.description = description
        self.basis = basis
    }
}

/// The parts of an agreement the check reads.
public struct AgreementText: Sendable, Hashable {
    public var kind: String
    public var title: String
    public var terms: String?
    public init(kind: String, title: String, terms: String?) {
        self.kind = kind
        self.title = title
        self.terms = terms
    }
}

/// An agreement breaks a rule: which rule, which term, where, and the words around it.
public struct CooperationViolation: Sendable, Hashable, Codable {
    public var ruleCode: String
    public var ruleDescription: String
    public var basis: String?
    public var term: String
    /// `title` or `terms`.
    public var field: String
    /// Up to 20 characters either side of the match.
    public var excerpt: String
}

/// Checks agreements against the negative list. Matching ignores case, width (全角/半角) and
/// white space, so "收 取 学 生 费 用" and "收取学生费用" are one phrase.
public enum NegativeListCheck {
    public static func violations(of agreement: AgreementText, rules: [NegativeListRule]) -> [CooperationViolation] {
        var out: [CooperationViolation] = []
        let fields: [(String, String)] = [("title", agreement.title)] + (agreement.terms.map { [("terms", $0)] } ?? [])
        let prepared = fields.map { ($0.0, Folded($0.1)) }
        for rule in rules where rule.appliesTo == nil || rule.appliesTo == agreement.kind {
            for term in rule.terms {
                let needle = Folded.fold(term)
                guard !needle.isEmpty else { continue }
                for (field, text) in prepared {
                    if let excerpt = text.excerpt(around: needle) {
                        out.append(CooperationViolation(ruleCode: rule.code, ruleDescription: rule.description, basis: rule.basis, term: term, field: field, excerpt: excerpt))
                        break
                    }
                }
            }
        }
        return out
    }

    /// Text folded for matching, remembering where each folded character came from.
    struct Folded {
        let original: [Character]
        let folded: [Character]
        let origin: [Int]

        static func fold(_ text: String) -> [Character] {
            Array(text.precomposedStringWithCompatibilityMapping.lowercased().filter { !$0.isWhitespace })
        }

        init(_ text: String) {
            original = Array(text)
            var folded: [Character] = [], origin: [Int] = []
            for (i, c) in original.enumerated() {
                for f in Folded.fold(String(c)) {
                    folded.append(f)
                    origin.append(i)
                }
            }
            self.folded = folded
            self.origin = origin
        }

        func excerpt(around needle: [Character]) -> String? {
            guard needle.count <= folded.count else { return nil }
            for start in 0...(folded.count - needle.count) where folded[start] == needle[0] {
                if Array(folded[start..<(start + needle.count)]) == needle {
                    let from = max(0, origin[start] - 20), to = min(original.count, origin[start + needle.count - 1] + 21)
                    return String(original[from..<to])
                }
            }
            return nil
        }
    }
}
