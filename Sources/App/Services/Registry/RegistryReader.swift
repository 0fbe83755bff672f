import Fluent
import Foundation
import Registry
import SQLKit

/// Reads registry records of one resource, always through the caller's row filter, and turns
/// stored rows into API bodies with identity numbers masked.
struct RegistryReader<Resource: RegistryResource>: Sendable {
    let sql: any SQLDatabase
    let caller: CallerScope

    /// List filters: exact matches on fields by name, a name substring, paging.
    struct Query: Sendable {
        var equals: [String: String] = [:]
        var nameContains: String?
        var page = 1
        var per = 50
    }

    var filter: RowFilter { AccessPolicy.readFilter(Resource.entity, for: caller) }

    /// Fields a list may filter on exactly: codes and closed lists, not personal data.
    static var filterableFields: [FieldSpec] {
        Resource.Record.fields.filter { field in
            guard field.name != "idNumber", field.name != "name" else { return false }
            switch field.kind {
            case .choice, .code, .text, .boolean: return true
            case .integer: return false
            }
        }
    }

    func list(_ query: Query) async throws -> RecordPage {
        let total = try await scoped(sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Resource.table), query)
            .first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await scoped(sql.select().column("*").from(Resource.table), query)
            .orderBy("created_at").orderBy("id")
            .limit(query.per).offset((query.page - 1) * query.per)
            .all()
        return RecordPage(items: try rows.map(Self.body), page: query.page, per: query.per, total: total)
    }

    /// Every row in scope matching `query`, for export (no paging).
    func all(_ query: Query) async throws -> [RecordBody] {
        try await scoped(sql.select().column("*").from(Resource.table), query).orderBy("created_at").orderBy("id").all().map(Self.body)
    }

    /// One record, or nil when it does not exist or is outside the caller's scope (the two are
    /// indistinguishable to the caller).
    func find(_ id: UUID) async throws -> (body: RecordBody, placement: RecordPlacement)? {
        guard let row = try await sql.select().column("*").from(Resource.table).where("id", .equal, id).first() else { return nil }
        let placement = try Self.placement(row)
        guard AccessPolicy.admits(filter, placement) else { return nil }
        return (try Self.body(row), placement)
    }

    func scoped(_ select: SQLSelectBuilder, _ query: Query) -> SQLSelectBuilder {
        var select = select.where(ScopeSQL.predicate(filter))
        for (field, value) in query.equals {
            guard let spec = Resource.Record.fields.first(where: { $0.name == field }) else { continue }
            if case .boolean = spec.kind {
                select = select.where(SQLIdentifier(Resource.column(for: spec)), .equal, ["true", "1", "是"].contains(value.lowercased()))
            } else {
                select = select.where(SQLIdentifier(Resource.column(for: spec)), .equal, value)
            }
        }
        if let text = query.nameContains, !text.isEmpty, Resource.Record.fields.contains(where: { $0.name == "name" }) {
            // LIKE with escaped wildcards works for Chinese text on SQLite and PostgreSQL alike.
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            let pattern = SQLBinaryExpression(left: SQLBind("%" + escaped + "%"), op: SQLRaw("ESCAPE"), right: SQLLiteral.string("\\"))
            select = select.where(SQLBinaryExpression(left: SQLIdentifier("name"), op: SQLRaw("LIKE"), right: pattern))
        }
        return select
    }

    static func placement(_ row: any SQLRow) throws -> RecordPlacement {
        RecordPlacement(
            districtCode: try row.decodeNil(column: "district_code") ? nil : row.decode(column: "district_code", as: String.self),
            institutionID: try row.decode(column: "institution_id", as: UUID?.self),
            enterpriseID: try row.decode(column: "enterprise_id", as: UUID?.self),
            recordID: try row.decode(column: "id", as: UUID.self)
        )
    }

    /// The API body of a stored row: every field of the resource (identity numbers masked) plus
    /// the record's id and scope keys.
    static func body(_ row: any SQLRow) throws -> RecordBody {
        var fields: [String: JSONValue] = [
            "id": .string(try row.decode(column: "id", as: UUID.self).uuidString),
            "districtCode": .string(try row.decode(column: "district_code", as: String.self)),
        ]
        if let id = try row.decode(column: "institution_id", as: UUID?.self) { fields["institutionId"] = .string(id.uuidString) }
        if let id = try row.decode(column: "enterprise_id", as: UUID?.self) { fields["enterpriseId"] = .string(id.uuidString) }
        for spec in Resource.Record.fields {
            let column = Resource.column(for: spec)
            switch spec.kind {
            case .integer:
                fields[spec.name] = try row.decode(column: column, as: Int?.self).map(JSONValue.int) ?? .null
            case .boolean:
                fields[spec.name] = try row.decode(column: column, as: Bool?.self).map(JSONValue.bool) ?? .null
            default:
                fields[spec.name] = try row.decode(column: column, as: String?.self).map(JSONValue.string) ?? .null
            }
        }
        return RecordBody(fields)
    }
}

/// `RowFilter` as SQL: the one place a caller's scope becomes a WHERE clause.
enum ScopeSQL {
    /// The filter as SQL over the registry columns; `table` qualifies them in a join.
    static func predicate(_ filter: RowFilter, table: String? = nil) -> any SQLExpression {
        func column(_ name: String) -> any SQLExpression { table.map { SQLColumn(name, table: $0) } ?? SQLIdentifier(name) }
        switch filter {
        case .all: return SQLBinaryExpression(SQLLiteral.numeric("1"), .equal, SQLLiteral.numeric("1"))
        case .none: return SQLBinaryExpression(SQLLiteral.numeric("1"), .equal, SQLLiteral.numeric("0"))
        case .district(let code): return SQLBinaryExpression(column("district_code"), .equal, SQLBind(code))
        case .institution(let id): return SQLBinaryExpression(column("institution_id"), .equal, SQLBind(id))
        case .enterprise(let id): return SQLBinaryExpression(column("enterprise_id"), .equal, SQLBind(id))
        case .record(let id): return SQLBinaryExpression(column("id"), .equal, SQLBind(id))
        }
    }
}
