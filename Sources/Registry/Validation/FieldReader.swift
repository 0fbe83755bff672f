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

    /// A required whole number within bounds.
    public mutating func integer(_ field: String, _ value: String?, min: Int, max: Int) -> Int? {
        guard let text = required(field, value) else { return nil }
        guard let number = Int(text), number >= min, number <= max else {
            fail(.outOfRange(field, min: min, max: max))
            return nil
        }
        return number
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
