import Foundation

/// One problem with one field of one record, worded for a person in Chinese and English.
///
/// Imports collect these per row; the API returns them in a problem+json body.
public struct FieldError: Error, Hashable, Sendable, Codable {
    /// The field's machine name, e.g. `idNumber`.
    public var field: String
    /// Why it is wrong, in Simplified Chinese.
    public var reasonZh: String
    /// Why it is wrong, in English.
    public var reasonEn: String

    public init(field: String, zh: String, en: String) {
        self.field = field
        self.reasonZh = zh
        self.reasonEn = en
    }

    public static func required(_ field: String) -> FieldError {
        FieldError(field: field, zh: "必填项不能为空", en: "is required")
    }

    /// `list` names the list in both languages, Chinese first ("性别 sex"); each message takes
    /// its own language's part, so a person reads one language at a time.
    public static func notInList(_ field: String, value: String, list: String) -> FieldError {
        let (zh, en) = languages(of: list)
        return FieldError(field: field, zh: "“\(value)”不在\(zh)中", en: "'\(value)' is not in the \(en) list")
    }

    /// A name written "中文 English" split at the first Latin letter after the Chinese; a name in
    /// one script only (a code list, "GB/T 4754-2017") is the same in both.
    static func languages(of name: String) -> (zh: String, en: String) {
        guard let firstChinese = name.firstIndex(where: { !$0.isASCII }),
              let firstLatin = name[firstChinese...].firstIndex(where: { $0.isASCII && $0.isLetter }) else { return (name, name) }
        let zh = name[..<firstLatin].trimmingCharacters(in: .whitespaces)
        let en = name[firstLatin...].trimmingCharacters(in: .whitespaces)
        return zh.isEmpty || en.isEmpty ? (name, name) : (zh, en)
    }

    public static func tooLong(_ field: String, max: Int) -> FieldError {
        FieldError(field: field, zh: "长度不能超过\(max)个字符", en: "must be at most \(max) characters")
    }

    public static func outOfRange(_ field: String, min: Int, max: Int) -> FieldError {
        FieldError(field: field, zh: "必须在\(min)到\(max)之间", en: "must be between \(min) and \(max)")
    }

    /// The message shown to a person: both languages, field first.
    public var message: String { "\(field): \(reasonZh) / \(reasonEn)" }
}

/// Several field errors at once; thrown when a whole record is rejected.
public struct ValidationFailure: Error, Sendable {
    public var errors: [FieldError]
    public init(_ errors: [FieldError]) { self.errors = errors }
}
