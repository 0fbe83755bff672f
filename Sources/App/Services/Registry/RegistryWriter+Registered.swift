import Foundation
import Registry
import SQLKit

/// A stored record an import names by id, as it is now.
struct RegisteredRecord: Sendable {
    var placement: RecordPlacement
    /// The identity as stored (nil for resources without one).
    var identity: SealedIdentity?
    /// The stored row, read column by column when compared.
    var row: any SQLRow

    /// Whether `record` would store exactly what is stored: the same scope, the same domain
    /// values and the same identity (by kind and blind index; the cipher differs each time it
    /// is sealed).
    func isSame(as record: StoredRecord) throws -> Bool {
        guard placement.districtCode ?? "" == record.placement.districtCode ?? "",
              placement.institutionID == record.placement.institutionID,
              placement.enterpriseID == record.placement.enterpriseID,
              identity?.kind == record.identity?.kind, identity?.index == record.identity?.index else { return false }
        for (column, value) in record.columns where try stored(column, like: value) != value { return false }
        return true
    }

    /// The stored value of `column`, read as the kind of `value`.
    func stored(_ column: String, like value: ColumnValue) throws -> ColumnValue {
        switch value {
        case .text: .text(try row.decode(column: column, as: String?.self))
        case .int: .int(try row.decode(column: column, as: Int?.self))
        case .bool: .bool(try row.decode(column: column, as: Bool?.self))
        case .uuid: .uuid(try row.decode(column: column, as: UUID?.self))
        }
    }
}

extension RegistryWriter {
    /// The records with these ids that the caller may see, as stored; ids outside the caller's
    /// scope are left out by the scope's WHERE clause (`ScopeSQL`), as if they did not exist.
    func registered(_ ids: [UUID]) async throws -> [UUID: RegisteredRecord] {
        let sql = try self.sql
        let visible = AccessPolicy.readFilter(Resource.entity, for: caller)
        var found: [UUID: RegisteredRecord] = [:]
        for chunk in Array(Set(ids)).chunked(500) {
            let rows = try await sql.select().column("*").from(Resource.table)
                .where("id", .in, Array(chunk)).where(ScopeSQL.predicate(visible)).all()
            for row in rows {
                let placement = try RegistryReader<Resource>.placement(row)
                guard let id = placement.recordID else { continue }
                let identity: SealedIdentity? = Resource.hasIdentity ? SealedIdentity(
                    kind: try row.decode(column: "document_kind", as: String.self),
                    cipher: try row.decode(column: "id_cipher", as: String.self),
                    index: try row.decode(column: "id_index", as: String.self),
                    masked: try row.decode(column: "id_masked", as: String.self)) : nil
                found[id] = RegisteredRecord(placement: placement, identity: identity, row: row)
            }
        }
        return found
    }

    /// The identity number a re-imported row stands for: its stored number when the cell still
    /// holds the mask the export wrote, so an unedited masked cell means "unchanged" without the
    /// export ever holding the number. Any other text is read as typed.
    func identityCell(_ cell: String, of record: RegisteredRecord) throws -> String {
        guard let identity = record.identity, cell.trimmedField == identity.masked else { return cell }
        return try vault.open(identity.cipher)
    }
}
