import Fluent
import Foundation
import Registry
import SQLKit

/// Reads registry records of one resource, always through the caller's row filter, and turns
/// stored rows into API bodies with identity numbers masked.
struct RegistryReader<Resource: RegistryResource>: Sendable {
    let sql: any SQLDatabase
    let caller: CallerScope

    /// List filters: exact matches on fields by name, a search text, an order, paging.
    struct Query: Sendable {
        var equals: [String: String] = [:]
        /// Found in the name, or the start of an identifying number (学号, 工号, 机构代码, 信用代码…).
        var nameContains: String?
        /// A field to order by, and the direction; nil: the order records were added in.
        var sort: Sort?
        var page = 1
        var per = 50
    }

    struct Sort: Sendable, Equatable {
        var field: String
        var descending = false

        /// `name` or `-name`, as the query string carries it.
        var parameter: String { (descending ? "-" : "") + field }

        /// Parses `sort=field` / `sort=-field`; nil when the field cannot be sorted on.
        init?(parameter: String) {
            let descending = parameter.hasPrefix("-")
            let name = descending ? String(parameter.dropFirst()) : parameter
            guard RegistryReader.sortableFields.contains(where: { $0.name == name }) else { return nil }
            self.field = name
            self.descending = descending
        }
    }

    /// Fields a list may be ordered by: every field but the identity number (stored encrypted).
    static var sortableFields: [FieldSpec] { Resource.Record.fields.filter(\.isSortable) }

    /// The numbers that identify a record to the people who keep it; the search box matches their start.
    static var identifyingFields: [FieldSpec] { Resource.Record.fields.filter(\.identifiesRecord) }

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
        let rows = try await pageSelect(query).all()
        return RecordPage(items: try rows.map(Self.body), page: query.page, per: query.per, total: total)
    }

    /// One page of rows in scope, in order: read along an index in that order (see
    /// `AddRegistryListOrderIndexes`), never sorted whole.
    func pageSelect(_ query: Query) -> SQLSelectBuilder {
        rowsInOrder(query).limit(query.per).offset((query.page - 1) * query.per)
    }

    /// Every row in scope matching `query`, for export (no paging).
    func all(_ query: Query) async throws -> [RecordBody] {
        try await rowsInOrder(query).all().map(Self.body)
    }

    func rowsInOrder(_ query: Query) -> SQLSelectBuilder {
        ordered(scoped(sql.select().column("*").from(Resource.table), query), query.sort)
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
        if let text = query.nameContains?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            // LIKE with escaped wildcards works for Chinese text on SQLite and PostgreSQL alike.
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            func like(_ column: String, _ pattern: String) -> any SQLExpression {
                SQLBinaryExpression(left: SQLIdentifier(column), op: SQLRaw("LIKE"),
                                    right: SQLBinaryExpression(left: SQLBind(pattern), op: SQLRaw("ESCAPE"), right: SQLLiteral.string("\\")))
            }
            var matches: [any SQLExpression] = []
            if Resource.Record.fields.contains(where: { $0.name == "name" }) { matches.append(like("name", "%" + escaped + "%")) }
            for field in Self.identifyingFields { matches.append(like(Resource.column(for: field), escaped + "%")) }
            if !matches.isEmpty {
                select = select.where(SQLGroupExpression(SQLList(matches, separator: SQLRaw(" OR "))))
            }
        }
        return select
    }

    /// The chosen order, then the order records were added in (stable across pages).
    func ordered(_ select: SQLSelectBuilder, _ sort: Sort?) -> SQLSelectBuilder {
        var select = select
        if let sort, let spec = Self.sortableFields.first(where: { $0.name == sort.field }) {
            select = select.orderBy(Resource.column(for: spec), sort.descending ? .descending : .ascending)
        }
        return select.orderBy("created_at").orderBy("id")
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
