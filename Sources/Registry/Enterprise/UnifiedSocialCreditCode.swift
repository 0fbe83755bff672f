/// 统一社会信用代码, GB 32100-2015: 18 characters from a 31-character alphabet
/// (digits and capitals without I, O, Z, S, V).
///
/// Position 1 is the registering authority, 2 the entity type, 3–8 the division code,
/// 9–17 the organisation code (GB 11714, with its own check character at 17) and 18 the
/// overall check character.
public struct UnifiedSocialCreditCode: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    static let organisationWeights = [3, 7, 9, 10, 5, 8, 4, 2]

    public enum Problem: Error, Equatable, Sendable {
        case length, characters, organisationCheck(expected: Character), checkCharacter(expected: Character)

        public func fieldError(_ field: String) -> FieldError {
            switch self {
            case .length: FieldError(field: field, zh: "统一社会信用代码应为18位", en: "must be 18 characters")
            case .characters: FieldError(field: field, zh: "统一社会信用代码含有不允许的字符（不使用I、O、Z、S、V）", en: "contains a character outside the GB 32100 alphabet (no I, O, Z, S, V)")
            case .organisationCheck(let e): FieldError(field: field, zh: "统一社会信用代码中的组织机构代码校验码错误（第17位应为\(e)）", en: "organisation-code check character (17th) is wrong (expected \(e))")
            case .checkCharacter(let e): FieldError(field: field, zh: "统一社会信用代码校验码错误（应为\(e)）", en: "check character is wrong (expected \(e))")
            }
        }
    }

    public init(_ text: String) throws(Problem) {
        let chars = Array(text.trimmedField.uppercased())
        guard chars.count == 18 else { throw .length }
        var values: [Int] = []
        for c in chars {
            guard let v = Self.alphabet.firstIndex(of: c) else { throw .characters }
            values.append(v)
        }
        let orgExpected = Self.organisationCheckCharacter(for: Array(values[8..<16]))
        guard let orgExpected, chars[16] == orgExpected else {
            throw .organisationCheck(expected: orgExpected ?? "?")
        }
        let expected = Self.checkCharacter(for: Array(values[0..<17]))
        guard chars[17] == expected else { throw .checkCharacter(expected: expected) }
        value = String(chars)
    }

    /// The 18th character for 17 alphabet values.
    public static func checkCharacter(for values: [Int]) -> Character {
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// GB 11714 check character for the 8-character organisation-code body, or nil when the
    /// body uses letters GB 11714 would not weigh in the 0–35 scale (never for valid codes).
    public static func organisationCheckCharacter(for values: [Int]) -> Character? {
        // GB 11714 weighs digits by value and letters A–Z as 10–35; map from the GB 32100 alphabet.
        let scale = values.map { v -> Int in
            let c = alphabet[v]
            return c.isASCIIDigit ? v : Int(c.asciiValue ?? 65) - 55
        }
        let sum = zip(scale, organisationWeights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 11 - sum % 11
        switch check {
        case 10: return "X"
        case 11: return "0"
        default: return Character(String(check))
        }
    }

    /// The division code (positions 3–8).
    public var divisionCode: String { String(Array(value)[2..<8]) }

    public var description: String { value }
}
