import Foundation
import Registry
import SQLKit

/// What library search filters, counts and orders by, for every resource, in memory (资源检索索引):
/// the coded columns of each resource, in the order results are listed.
///
/// Why: counting five facets over every match is a grouping per facet over all matches. In SQL
/// that was a temp B-tree each, 0.2–0.3 s for a broad query over 100,000 resources on SQLite
/// (a broad query is the common one: the library's first page, a kind, a licence); here it is one
/// pass over small integers. The words of a query are still looked up in the database's own
/// text index (FTS5, `tsvector`), which answers with the ids it matched.
struct LibrarySearchIndex: Sendable {
    /// One resource: its id, its last change and each filtered column as a code (−1: none).
    struct Entry: Sendable {
        var id: UUID
        var updatedAt: Int64
        var kind: Int32
        var program: Int32
        var occupation: Int32
        var licence: Int32
        var status: Int32
        var institution: Int32
        var enterprise: Int32
    }

    /// Newest change first, then by id: the order `LibrarySearch` lists results in.
    private(set) var entries: [Entry] = []
    /// Codes of the text columns (kind, program, occupation, licence and status share one table).
    private var values = CodeTable<String>()
    /// Codes of owners (schools and enterprises share one table).
    private var owners = CodeTable<UUID>()
    private var positions: [UUID: Int] = [:]

    /// Reads every resource's coded columns.
    static func load(_ sql: any SQLDatabase) async throws -> LibrarySearchIndex {
        var index = LibrarySearchIndex()
        let rows = try await sql.raw("""
            SELECT id, updated_at_ms, kind, program_code, occupation_code, licence, status, institution_id, enterprise_id FROM library_resources
            """).all()
        index.entries.reserveCapacity(rows.count)
        for row in rows {
            index.entries.append(Entry(
                id: try row.decode(column: "id", as: UUID.self), updatedAt: try row.decode(column: "updated_at_ms", as: Int64.self),
                kind: index.values.code(try row.decode(column: "kind", as: String.self)),
                program: index.values.code(try row.decode(column: "program_code", as: String?.self)),
                occupation: index.values.code(try row.decode(column: "occupation_code", as: String?.self)),
                licence: index.values.code(try row.decode(column: "licence", as: String.self)),
                status: index.values.code(try row.decode(column: "status", as: String.self)),
                institution: index.owners.code(try row.decode(column: "institution_id", as: UUID?.self)),
                enterprise: index.owners.code(try row.decode(column: "enterprise_id", as: UUID?.self))))
        }
        index.entries.sort { a, b in
            a.updatedAt != b.updatedAt ? a.updatedAt > b.updatedAt : Self.precedes(a.id, b.id)
        }
        for (position, entry) in index.entries.enumerated() { index.positions[entry.id] = position }
        return index
    }

    /// Byte order of ids: the order of their hexadecimal text in either case, as SQLite (text)
    /// and PostgreSQL (`uuid`) both sort them.
    private static func precedes(_ a: UUID, _ b: UUID) -> Bool {
        withUnsafeBytes(of: a.uuid) { x in withUnsafeBytes(of: b.uuid) { y in x.lexicographicallyPrecedes(y) } }
    }

    /// Positions of these resources in the index (ids it does not hold are skipped).
    func positions(of ids: [UUID]) -> [Int] { ids.compactMap { positions[$0] } }

    /// What one search finds: how many, one page of ids in order, and per facet each value's count.
    struct Found: Sendable {
        var total: Int
        var page: [UUID]
        var kind: [(String, Int)]
        var program: [(String, Int)]
        var occupation: [(String, Int)]
        var licence: [(String, Int)]
        var school: [(UUID, Int)]
    }

    /// The resources `visibility` lets the caller see that pass every filter of `query` (and are
    /// among `textMatches` when the query has words), counted per facet value.
    func search(_ query: LibrarySearch.Query, visibility: LibraryVisibility, textMatches: [Int]?, offset: Int, limit: Int) -> Found {
        let none = Found(total: 0, page: [], kind: [], program: [], occupation: [], licence: [], school: [])
        // The code a filter asks for (`any` when it is not set); nil when no resource has its
        // value, so nothing can match.
        let any = Int32.min
        func wanted(_ value: String?) -> Int32? {
            guard let value else { return any }
            return values.existing(value)
        }
        guard let program = wanted(query.program), let occupation = wanted(query.occupation), let kind = wanted(query.kind),
              let licence = wanted(query.licence), let status = wanted(query.status) else { return none }
        var school = any
        if let id = query.school {
            guard let code = owners.existing(id) else { return none }
            school = code
        }
        // Who sees what, as `LibrarySearch.visibility` says it in SQL.
        let shared = values.existing(LibraryReviewStatus.shared.rawValue) ?? -2
        let schoolOnly = values.existing(LibraryLicence.schoolOnly.rawValue) ?? -2
        var everything = false
        var ownInstitution: Int32 = -2, ownEnterprise: Int32 = -2
        switch visibility {
        case .everything: everything = true
        case .sharedAnd(let owner):
            if let id = owner?.institutionID {
                ownInstitution = owners.existing(id) ?? -2
            } else if let id = owner?.enterpriseID {
                ownEnterprise = owners.existing(id) ?? -2
            }
        }

        var kinds = [Int](repeating: 0, count: values.count), programs = kinds, occupations = kinds, licences = kinds
        var schools = [Int](repeating: 0, count: owners.count)
        var total = 0
        var page: [UUID] = []
        func visit(_ e: Entry) {
            guard everything || (e.status == shared && e.licence != schoolOnly)
                    || (ownInstitution >= 0 && e.institution == ownInstitution) || (ownEnterprise >= 0 && e.enterprise == ownEnterprise) else { return }
            if program != any, e.program != program { return }
            if occupation != any, e.occupation != occupation { return }
            if kind != any, e.kind != kind { return }
            if licence != any, e.licence != licence { return }
            if status != any, e.status != status { return }
            if school != any, e.institution != school { return }
            if total >= offset, page.count < limit { page.append(e.id) }
            total += 1
            kinds[Int(e.kind)] += 1
            licences[Int(e.licence)] += 1
            if e.program >= 0 { programs[Int(e.program)] += 1 }
            if e.occupation >= 0 { occupations[Int(e.occupation)] += 1 }
            if e.institution >= 0 { schools[Int(e.institution)] += 1 }
        }
        if let textMatches {
            for position in textMatches.sorted() { visit(entries[position]) }
        } else {
            for entry in entries { visit(entry) }
        }
        func counted(_ counts: [Int]) -> [(String, Int)] {
            counts.enumerated().compactMap { $0.element > 0 ? (values[$0.offset], $0.element) : nil }
        }
        return Found(total: total, page: page, kind: counted(kinds), program: counted(programs), occupation: counted(occupations),
                     licence: counted(licences), school: schools.enumerated().compactMap { $0.element > 0 ? (owners[$0.offset], $0.element) : nil })
    }
}

/// Values of one kind numbered in the order they were first seen; −1 stands for none.
private struct CodeTable<Value: Hashable & Sendable>: Sendable {
    private var list: [Value] = []
    private var codes: [Value: Int32] = [:]

    var count: Int { list.count }
    subscript(_ code: Int) -> Value { list[code] }

    mutating func code(_ value: Value?) -> Int32 {
        guard let value else { return -1 }
        if let code = codes[value] { return code }
        let code = Int32(list.count)
        list.append(value)
        codes[value] = code
        return code
    }

    func existing(_ value: Value) -> Int32? { codes[value] }
}
