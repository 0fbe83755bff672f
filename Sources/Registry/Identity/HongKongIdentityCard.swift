/// A Hong Kong identity card number (香港身份證號碼): one or two letters, six digits and a
/// check character (0–9 or A), written `A123456(3)` or `A1234563`.
public struct HongKongIdentityCard: Hashable, Sendable {
    public let value: String

    public enum Problem: Error, Equatable, Sendable {
        case format, checkCharacter(expected: Character)

        public func fieldError(_ field: String) -> FieldError {
            switch self {
            case .format: FieldError(field: field, zh: "香港身份证号格式应为1–2个字母、6位数字和1位校验码", en: "must be 1–2 letters, 6 digits and a check character")
            case .checkCharacter(let e): FieldError(field: field, zh: "香港身份证号校验码错误（应为\(e)）", en: "check character is wrong (expected \(e))")
            }
        }
    }

    public init(_ text: String) throws(Problem) {
        let cleaned = text.trimmedField.uppercased().filter { $0 != "(" && $0 != ")" && $0 != " " }
        let chars = Array(cleaned)
        guard chars.count == 8 || chars.count == 9 else { throw .format }
        let letterCount = chars.count - 7
        guard chars[0..<letterCount].allSatisfy(\.isASCIIUpperLetter),
              chars[letterCount..<(letterCount + 6)].allSatisfy(\.isASCIIDigit),
              chars.last.map({ $0.isASCIIDigit || $0 == "A" }) == true
        else { throw .format }
        let expected = Self.checkCharacter(for: String(chars.dropLast()))
        guard chars.last == expected else { throw .checkCharacter(expected: expected) }
        value = String(chars.dropLast()) + "(" + String(chars[chars.count - 1]) + ")"
    }

    /// The check character for the letters and six digits.
    public static func checkCharacter(for body: String) -> Character {
        var values: [Int] = body.map { c in
            c.isASCIIDigit ? Int(String(c)) ?? 0 : Int(c.asciiValue ?? 65) - 55
        }
        if values.count == 7 { values.insert(36, at: 0) } // a single letter is preceded by a space worth 36
        let sum = zip(values, [9, 8, 7, 6, 5, 4, 3, 2]).reduce(0) { $0 + $1.0 * $1.1 }
        let check = (11 - sum % 11) % 11
        return check == 10 ? "A" : Character(String(check))
    }
}
