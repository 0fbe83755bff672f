import Foundation

/// A mainland resident identity number (公民身份号码), GB 11643-1999.
///
/// 18 characters: a 6-digit division code, an 8-digit birth date, a 3-digit sequence whose
/// last digit is odd for men, and an ISO 7064 MOD 11-2 check character.
public struct ResidentIDNumber: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [Character] = Array("10X98765432")
    /// First two digits of real province-level divisions (GB/T 2260).
    static let provinceCodes: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    ]

    /// Why a candidate number was refused.
    public enum Problem: Error, Equatable, Sendable {
        case length, characters, province, birthDate, futureBirthDate, checkCharacter(expected: Character)

        public func fieldError(_ field: String) -> FieldError {
            switch self {
            case .length: FieldError(field: field, zh: "身份证号应为18位", en: "must be 18 characters")
            case .characters: FieldError(field: field, zh: "身份证号前17位应为数字，末位为数字或X", en: "must be 17 digits followed by a digit or X")
            case .province: FieldError(field: field, zh: "身份证号的省级行政区划代码无效", en: "has an unknown province code")
            case .birthDate: FieldError(field: field, zh: "身份证号中的出生日期无效", en: "has an invalid birth date")
            case .futureBirthDate: FieldError(field: field, zh: "身份证号中的出生日期晚于今天", en: "has a birth date in the future")
            case .checkCharacter(let expected):
                FieldError(field: field, zh: "身份证号校验码错误（应为\(expected)）", en: "check character is wrong (expected \(expected))")
            }
        }
    }

    /// Validates `text` (upper-casing a final x) against GB 11643; `today` bounds the birth date.
    public init(_ text: String, today: Date = Date()) throws(Problem) {
        try self.init(text, on: CivilDate(date: today))
    }

    /// Validates against GB 11643 with `today` as a civil date (the bulk path: no calendar maths per row).
    public init(_ text: String, on today: CivilDate) throws(Problem) {
        let upper = text.trimmedField.uppercased()
        let chars = Array(upper)
        guard chars.count == 18 else { throw .length }
        guard chars[0..<17].allSatisfy(\.isASCIIDigit), chars[17].isASCIIDigit || chars[17] == "X" else { throw .characters }
        let digits = chars[0..<17].map { Int(String($0)) ?? 0 }
        guard Self.provinceCodes.contains(digits[0] * 10 + digits[1]) else { throw .province }
        let year = digits[6...9].reduce(0) { $0 * 10 + $1 }
        let month = digits[10] * 10 + digits[11]
        let day = digits[12] * 10 + digits[13]
        guard let birth = CivilDate(year: year, month: month, day: day), year >= 1900 else { throw .birthDate }
        guard birth <= today else { throw .futureBirthDate }
        let expected = Self.checkCharacter(for: digits)
        guard chars[17] == expected else { throw .checkCharacter(expected: expected) }
        value = upper
    }

    /// The check character for the first 17 digits.
    public static func checkCharacter(for digits: [Int]) -> Character {
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11]
    }

    public var birthDate: CivilDate {
        let c = Array(value)
        let n = { (r: Range<Int>) in Int(String(c[r])) ?? 0 }
        // Validated in init, so the date exists.
        return CivilDate(year: n(6..<10), month: n(10..<12), day: n(12..<14)) ?? CivilDate(year: 1900, month: 1, day: 1)!
    }

    public var sex: Sex { (Int(String(Array(value)[16])) ?? 0) % 2 == 1 ? .male : .female }

    /// The 6-digit division code of the place of first registration.
    public var divisionCode: String { String(value.prefix(6)) }

    public var description: String { IDMask.mask(value) }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isASCIIUpperLetter: Bool { ("A"..."Z").contains(self) }
}
