import Foundation
import Registry
import SQLKit

/// A column value as stored.
enum ColumnValue: Sendable, Equatable {
    case text(String?)
    case int(Int?)
    case bool(Bool?)
    case uuid(UUID?)

    var bind: any Encodable & Sendable {
        switch self {
        case .text(let v): v
        case .int(let v): v
        case .bool(let v): v
        case .uuid(let v): v
        }
    }

    /// The value as text, for comparing natural keys.
    var text: String {
        switch self {
        case .text(let v): v ?? ""
        case .int(let v): v.map(String.init) ?? ""
        case .bool(let v): v.map { $0 ? "1" : "0" } ?? ""
        case .uuid(let v): v?.uuidString ?? ""
        }
    }
}

/// A validated, resolved record ready to be written.
struct StoredRecord: Sendable {
    var id: UUID
    var placement: RecordPlacement
    /// Domain columns in a fixed order (the same order for every record of a resource).
    var columns: [(String, ColumnValue)]
    var identity: SealedIdentity?

    func value(of column: String) -> ColumnValue? {
        columns.first { $0.0 == column }?.1
    }
}

/// A set of columns that must be unique, and the field to blame when it is not.
struct NaturalKey: Sendable {
    var columns: [String]
    var field: String
}

/// One kind of registry record wired to storage: its table, how a validated record becomes
/// columns, and its natural keys. The write, read, import and export paths are generic over it.
protocol RegistryResource: Sendable {
    associatedtype Record: RegistryRecord

    static var entity: RegistryEntity { get }
    /// URL path segment and import/export kind: `students`.
    static var path: String { get }
    static var table: String { get }
    static var titleZh: String { get }
    static var titleEn: String { get }
    /// Columns that must be unique besides the identity index.
    static var naturalKeys: [NaturalKey] { get }
    /// Fields that cannot change once created (a code other records refer to).
    static var immutableFields: [String] { get }

    /// Adds the codes of other records this one refers to, so they can be fetched in bulk.
    static func addReferences(of record: Record, to needs: inout ReferenceNeeds)
    /// The stored form, or the field errors of unresolved references.
    static func store(_ record: Record, id: UUID, lookups: ReferenceLookups, vault: PersonalDataVault) throws -> Result<StoredRecord, ValidationFailure>
}

extension RegistryResource {
    static var immutableFields: [String] { [] }
    static var hasIdentity: Bool { Record.fields.contains { $0.name == "idNumber" } }

    /// The stored column of a field: snake_case of its name; identity numbers read the mask.
    static func column(for field: FieldSpec) -> String {
        field.name == "idNumber" ? "id_masked" : field.name.snakeCased
    }

    /// The domain columns of this resource in insert order (the order `store` produces).
    static var domainColumnCount: Int { Record.fields.filter { $0.name != "idNumber" && $0.name != "documentKind" }.count }
}

extension String {
    /// `enrolmentYear` → `enrolment_year`. Field names are ASCII identifiers, so this works on
    /// bytes: it runs for every field of every row a list returns, and Character-level case
    /// tests were a tenth of a 50-row list's CPU.
    var snakeCased: String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 4)
        for byte in utf8 {
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                out.append(UInt8(ascii: "_"))
                out.append(byte + 32)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
