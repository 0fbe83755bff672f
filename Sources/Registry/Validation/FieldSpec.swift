/// One field of a registry record as every input path sees it: the JSON property, the
/// spreadsheet column (Chinese header, English name also accepted), its type and whether it
/// is required. JSON decoding, CSV/XLSX import, export and the OpenAPI document all read it.
public struct FieldSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        case text(maxLength: Int)
        case integer(min: Int, max: Int)
        case boolean
        /// One of the listed codes (Chinese labels are also accepted on input).
        case choice([String])
        /// A code from a reference list that is too long to enumerate in the schema.
        case code(maxLength: Int)
    }

    public let name: String
    public let headerZh: String
    public let kind: Kind
    public let required: Bool
    public let descriptionEn: String
    /// For choice fields: the Chinese and English label of each code, for pages and exports.
    public private(set) var labels: [String: (zh: String, en: String)] = [:]

    public init(_ name: String, _ headerZh: String, _ kind: Kind, required: Bool = true, _ descriptionEn: String) {
        self.name = name
        self.headerZh = headerZh
        self.kind = kind
        self.required = required
        self.descriptionEn = descriptionEn
    }

    public static func choice<T: LabelledChoice>(_ name: String, _ headerZh: String, _ type: T.Type, required: Bool = true, _ descriptionEn: String) -> FieldSpec {
        var spec = FieldSpec(name, headerZh, .choice(T.allCases.map(\.rawValue)), required: required, descriptionEn)
        spec.labels = Dictionary(uniqueKeysWithValues: T.allCases.map { ($0.rawValue, ($0.labelZh, $0.labelEn)) })
        return spec
    }

    /// A number that identifies a record to the people who keep it (学号, 工号, 机构代码,
    /// 统一社会信用代码): a list's search box matches its start.
    public var identifiesRecord: Bool { ["studentNo", "staffNo", "code", "creditCode"].contains(name) }

    /// Whether a list may be ordered by the field: not the identity document (its number is
    /// stored encrypted, its kind goes with it).
    public var isSortable: Bool { name != "idNumber" && name != "documentKind" }

    /// The label of a stored value in Chinese (or English), or the value itself.
    public func display(_ value: String, english: Bool = false) -> String {
        guard let label = labels[value] else { return value }
        return english ? label.en : label.zh
    }
}

/// A record's fields as text, keyed by `FieldSpec.name`: what a spreadsheet row or a JSON
/// body becomes before validation.
public typealias FieldValues = [String: String]

/// A registry record type with its fields and validation.
public protocol RegistryRecord: Sendable {
    static var fields: [FieldSpec] { get }
    /// Validates text values; returns the record or every field error found.
    static func validate(_ values: FieldValues, catalog: ReferenceCatalog, today: CivilDate) -> Result<Self, ValidationFailure>
}

extension RegistryRecord {
    /// Maps spreadsheet headers (Chinese, English field name, any case) to field names.
    /// Returns the field for each column (nil for unknown columns) and any required field with no column.
    public static func columns(for header: [String]) -> (fields: [String?], missing: [FieldSpec]) {
        let mapped = header.map { title -> String? in
            let t = title.trimmedField
            return fields.first { $0.headerZh == t || $0.name.caseInsensitiveCompare(t) == .orderedSame }?.name
        }
        let present = Set(mapped.compactMap { $0 })
        return (mapped, fields.filter { $0.required && !present.contains($0.name) })
    }
}

import Foundation
