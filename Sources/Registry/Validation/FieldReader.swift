/// Collects field errors while reading the fields of one record, so a record reports
/// every problem at once rather than stopping at the first.
public struct FieldReader: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public mutating func fail(_ error: FieldError) { errors.append(error) }

    /// A required text field, trimmed; nil (with an error) when empty or too long.
    public mutating func required(_ field: String, _ value: String?, maxLength: Int = 200) -> String? {
        guard let trimmed = value?.trimmedField, !trimmed.isEmpty else {
            fail(.required(field))
            return nil
        }
        guard trimmed.count <= maxLength else {
            fail(.tooLong(field, max: maxLength))
            return nil
        }
        return trimmed
    }

    /// An optional text field, trimmed; empty becomes nil.
    public mutating func optional(_ field: String, _ value: String?, maxLength: Int = 200) -> String? {
        guard let trimmed = value?.trimmedField, !trimmed.isEmpty else { return nil }
        guard trimmed.count <= maxLength else {
            fail(.tooLong(field, max: maxLength))
            return nil
        }
        return trimmed
    }

    /// A required value from a closed list, accepting its code or its Chinese label.
    public mutating func choice<T: LabelledChoice>(_ field: String, _ value: String?, as type: T.Type) -> T? {
        guard let text = required(field, value) else { return nil }
        guard let parsed = T(label: text) else {
            fail(.notInList(field, value: text, list: T.listName))
            return nil
        }
        return parsed
    }

    /// A required whole number within bounds; an error quotes the value read.
    public mutating func integer(_ field: String, _ value: String?, min: Int, max: Int) -> Int? {
        guard let text = required(field, value) else { return nil }
        guard let number = Int(text), number >= min, number <= max else {
            fail(.outOfRange(field, value: text, min: min, max: max))
            return nil
        }
        return number
    }

    /// A required calendar year within bounds. Besides "2021" it takes "2021年" and a date,
    /// "2021-09-01", "2021/9/1" or "2021-09-01T08:30:00": a spreadsheet date cell arrives as
    /// such text (see `ExcelDate`), and people put the enrolment date in a year column.
    /// `acceptingDates: false` is for years a date does not name unambiguously (a school year).
    /// An error quotes the value read.
    public mutating func year(_ field: String, _ value: String?, min: Int, max: Int, acceptingDates: Bool = true) -> Int? {
        guard let text = required(field, value) else { return nil }
        guard let year = Self.year(in: text, acceptingDates: acceptingDates), year >= min, year <= max else {
            fail(.notAYear(field, value: text, min: min, max: max))
            return nil
        }
        return year
    }

    /// The year a text names, or nil.
    static func year(in text: String, acceptingDates: Bool) -> Int? {
        var body = Substring(text)
        if body.hasSuffix("年") { body = body.dropLast() }
        if body.count == 4, body.allSatisfy(\.isASCIIDigit) { return Int(body) }
        guard acceptingDates else { return nil }
        // A date, optionally followed by a time of day.
        var date = body, time: Substring = ""
        if let t = body.firstIndex(where: { $0 == "T" || $0 == " " }) {
            date = body[..<t]
            time = body[body.index(after: t)...]
        }
        guard time.isEmpty || Self.isClock(time),
              let parsed = CivilDate(iso: date.replacingOccurrences(of: "/", with: "-"))
        else { return nil }
        return parsed.year
    }

    /// "08:30" or "08:30:00" (fractions of a second allowed).
    static func isClock(_ text: Substring) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return false }
        return parts.count == 2 || Double(parts[2]).map { (0..<61).contains($0) } == true
    }

    /// A required yes/no: accepts 是/否, true/false, yes/no, 1/0, Y/N.
    public mutating func flag(_ field: String, _ value: String?) -> Bool? {
        guard let text = required(field, value) else { return nil }
        switch text.lowercased() {
        case "是", "true", "yes", "y", "1": return true
        case "否", "false", "no", "n", "0": return false
        default:
            fail(FieldError(field: field, zh: "“\(text)”应为“是”或“否”", en: "'\(text)' must be yes or no"))
            return nil
        }
    }
}

extension FieldError {
    /// A value read from a file or form that is not a whole number within bounds, quoted so
    /// the person sees what was actually read (a date serial such as 44440, "12.5", "二〇二五").
    public static func outOfRange(_ field: String, value: String, min: Int, max: Int) -> FieldError {
        let shown = quoted(value)
        return FieldError(field: field, zh: "“\(shown)”不是\(min)到\(max)之间的整数", en: "'\(shown)' is not a whole number between \(min) and \(max)")
    }

    /// A value that is not a year within bounds, quoted as read.
    public static func notAYear(_ field: String, value: String, min: Int, max: Int) -> FieldError {
        let shown = quoted(value)
        return FieldError(field: field, zh: "“\(shown)”不是有效年份（\(min)–\(max)）", en: "'\(shown)' is not a year between \(min) and \(max)")
    }

    /// A read value for a message, cut short after 40 characters.
    static func quoted(_ value: String) -> String {
        value.count <= 40 ? value : String(value.prefix(40)) + "…"
    }
}

extension String {
    /// Trims white space, including the full-width space (U+3000) and a stray BOM common in
    /// Chinese spreadsheets. Most cells need no trimming, so that case allocates nothing.
    public var trimmedField: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !Self.isPadding(first) && !Self.isPadding(last) { return self }
        return String(String.UnicodeScalarView(scalars.drop(while: Self.isPadding).reversed().drop(while: Self.isPadding).reversed()))
    }

    static func isPadding(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{FEFF}"
    }
}

import Foundation
