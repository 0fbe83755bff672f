import Foundation
import Registry
import SQLKit

/// Library search (资源检索) with facets, on SQLite (FTS5) and PostgreSQL (`tsvector`, GIN) alike:
/// the app makes the tokens (`LibrarySearchTokens`), each database only looks them up, so both
/// find the same rows. Every query is narrowed to what the caller may see, in the database.
struct LibrarySearch: Sendable {
    /// What a search asks for: the words, and one value per facet at most.
    struct Query: Sendable, Equatable {
        var text = ""
        var program: String?
        var occupation: String?
        var kind: String?
        var school: UUID?
        var licence: String?
        var status: String?
        var page = 1
        var per = 20
    }

    static let facetLimit = 50

    /// Writes a resource's tokens into the index.
    static func index(_ sql: any SQLDatabase, resource: UUID, tokens: String) async throws {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("UPDATE library_resources SET search_vector = array_to_tsvector(string_to_array(\(bind: tokens), ' ')) WHERE id = \(bind: resource)").run()
        } else {
            try await sql.raw("INSERT INTO library_search (resource_id, tokens) VALUES (\(bind: resource), \(bind: tokens))").run()
        }
    }

    /// The ids of the resources whose tokens hold every word of `text` (the last as a prefix
    /// when it is one), from the database's text index; nil when the text has no words.
    static func textMatches(_ sql: any SQLDatabase, _ text: String) async throws -> [UUID]? {
        let terms = LibrarySearchTokens.query(text)
        guard !terms.isEmpty else { return nil }
        // One row of ids joined by spaces: a broad word matches tens of thousands of resources,
        // and a row each cost ~5 µs to read back (0.15 s for 28,000), the text ~50 ns an id.
        let found: String?
        if sql.dialect.name == "postgresql" {
            // Lexemes quoted for the tsquery parser; tokens hold only letters and digits.
            let query = terms.map { "'\($0.token.replacingOccurrences(of: "'", with: "''"))'" + ($0.prefix ? ":*" : "") }.joined(separator: " & ")
            found = try await sql.raw("""
                SELECT string_agg(id::text, ' ') AS ids FROM library_resources WHERE search_vector @@ \(bind: query)::tsquery
                """).first()?.decode(column: "ids", as: String?.self)
        } else {
            let match = terms.map { "\"\($0.token.replacingOccurrences(of: "\"", with: "\"\""))\"" + ($0.prefix ? "*" : "") }.joined(separator: " AND ")
            found = try await sql.raw("""
                SELECT group_concat(resource_id, ' ') AS ids FROM library_search WHERE library_search MATCH \(bind: match)
                """).first()?.decode(column: "ids", as: String?.self)
        }
        return (found ?? "").split(separator: " ").compactMap { UUID(hyphenatedHex: $0) }
    }

    /// Who sees what, as SQL over `library_resources r`.
    static func visibility(_ visibility: LibraryVisibility) -> any SQLExpression {
        switch visibility {
        case .everything:
            return q("1 = 1")
        case .sharedAnd(let owner):
            let shared: SQLQueryString = "(r.status = \(bind: LibraryReviewStatus.shared.rawValue) AND r.licence <> \(bind: LibraryLicence.schoolOnly.rawValue))"
            if let school = owner?.institutionID { return q("(\(shared) OR r.institution_id = \(bind: school))") }
            if let enterprise = owner?.enterpriseID { return q("(\(shared) OR r.enterprise_id = \(bind: enterprise))") }
            return shared
        }
    }

    static let columns = """
        r.id, r.kind, r.title, r.description, r.tags, r.program_code, r.occupation_code, r.level, r.language, r.licence, r.author,
        r.institution_id, r.enterprise_id, r.contributor_name, r.status, r.review_reason, r.reviewed_by_name, r.reviewed_at_ms,
        r.link_url, r.current_version, r.created_at_ms, r.updated_at_ms,
        i.name AS school_name, e.name AS enterprise_name,
        v.sha256, v.size, v.content_type, v.file_name, v.note, v.uploaded_by_name, v.created_at_ms AS version_at_ms
        """

    /// Resources matching `condition`, newest change first, with their current file.
    static func select(_ sql: any SQLDatabase, where condition: any SQLExpression, limit: Int, offset: Int, catalog: ReferenceCatalog) async throws -> [LibraryResource] {
        let query: SQLQueryString = """
            SELECT \(unsafeRaw: columns) FROM library_resources r
            LEFT JOIN institutions i ON i.id = r.institution_id
            LEFT JOIN enterprises e ON e.id = r.enterprise_id
            LEFT JOIN library_versions v ON v.resource_id = r.id AND v.number = r.current_version
            WHERE \(condition) ORDER BY r.updated_at_ms DESC, r.id LIMIT \(literal: limit) OFFSET \(literal: offset)
            """
        return try await sql.raw(query).all().map { try resource($0, catalog: catalog) }
    }

    static func resource(_ row: any SQLRow, catalog: ReferenceCatalog) throws -> LibraryResource {
        let program = try row.decode(column: "program_code", as: String?.self)
        let occupation = try row.decode(column: "occupation_code", as: String?.self)
        let tags = try row.decode(column: "tags", as: String.self)
        var file: LibraryVersion?
        if let sha = try row.decode(column: "sha256", as: String?.self) {
            file = LibraryVersion(number: try row.decode(column: "current_version", as: Int.self), sha256: sha, size: try row.decode(column: "size", as: Int64.self),
                                  contentType: try row.decode(column: "content_type", as: String.self), fileName: try row.decode(column: "file_name", as: String.self),
                                  note: try row.decode(column: "note", as: String.self), uploadedBy: try row.decode(column: "uploaded_by_name", as: String.self),
                                  createdAt: LibraryStore.iso(try row.decode(column: "version_at_ms", as: Int64.self)))
        }
        return LibraryResource(
            id: try row.decode(column: "id", as: UUID.self), kind: try row.decode(column: "kind", as: String.self),
            title: try row.decode(column: "title", as: String.self), description: try row.decode(column: "description", as: String.self),
            tags: tags.isEmpty ? [] : tags.split(separator: "\n").map(String.init),
            programCode: program, programName: program.flatMap { catalog.programs[$0]?.name },
            occupationCode: occupation, occupationName: occupation.flatMap { catalog.occupations[$0]?.name },
            level: try row.decode(column: "level", as: String?.self), language: try row.decode(column: "language", as: String.self),
            licence: try row.decode(column: "licence", as: String.self), author: try row.decode(column: "author", as: String.self),
            institutionId: try row.decode(column: "institution_id", as: UUID?.self), school: try row.decode(column: "school_name", as: String?.self),
            enterpriseId: try row.decode(column: "enterprise_id", as: UUID?.self), enterprise: try row.decode(column: "enterprise_name", as: String?.self),
            contributor: try row.decode(column: "contributor_name", as: String.self), status: try row.decode(column: "status", as: String.self),
            reviewReason: try row.decode(column: "review_reason", as: String?.self), reviewedBy: try row.decode(column: "reviewed_by_name", as: String?.self),
            reviewedAt: try row.decode(column: "reviewed_at_ms", as: Int64?.self).map(LibraryStore.iso),
            linkUrl: try row.decode(column: "link_url", as: String?.self), currentVersion: try row.decode(column: "current_version", as: Int.self), file: file,
            createdAt: LibraryStore.iso(try row.decode(column: "created_at_ms", as: Int64.self)),
            updatedAt: LibraryStore.iso(try row.decode(column: "updated_at_ms", as: Int64.self)))
    }

    /// One page of matches with the counts of every facet value among all matches. The search
    /// index (`LibrarySearchIndex`) filters, counts and orders; the database finds the words and
    /// reads the page's resources, under the caller's visibility again.
    static func search(_ sql: any SQLDatabase, _ query: Query, caller: CallerScope, catalog: ReferenceCatalog,
                       indexes: LibrarySearchIndexCache) async throws -> LibrarySearchResult {
        let index = try await indexes.index(sql)
        let seen = AccessPolicy.libraryVisibility(for: caller)
        let matches = try await textMatches(sql, query.text).map(index.positions(of:))
        let found = index.search(query, visibility: seen, textMatches: matches, offset: (query.page - 1) * query.per, limit: query.per)

        var items: [LibraryResource] = []
        if !found.page.isEmpty {
            let condition: SQLQueryString = "r.id IN (\(binds: found.page)) AND (\(visibility(seen)))"
            let read = Dictionary(try await select(sql, where: condition, limit: found.page.count, offset: 0, catalog: catalog).map { ($0.id, $0) },
                                  uniquingKeysWith: { first, _ in first })
            items = found.page.compactMap { read[$0] }
        }
        var names: [UUID: String] = [:]
        if !found.school.isEmpty {
            for row in try await sql.raw("SELECT id, name FROM institutions WHERE id IN (\(binds: found.school.map(\.0)))").all() {
                names[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "name", as: String.self)
            }
        }
        func facet(_ counts: [(String, Int)], label: (String) -> String) -> [LibraryFacetValue] {
            Array(counts.map { LibraryFacetValue(value: $0.0, label: label($0.0), count: $0.1) }
                .sorted { ($0.count, $1.value) > ($1.count, $0.value) }.prefix(facetLimit))
        }
        let schools = found.school.compactMap { id, n in names[id].map { LibraryFacetValue(value: id.uuidString.lowercased(), label: $0, count: n) } }
        let facets = LibraryFacets(
            program: facet(found.program) { catalog.programs[$0]?.name ?? $0 },
            occupation: facet(found.occupation) { catalog.occupations[$0]?.name ?? $0 },
            kind: facet(found.kind) { LibraryResourceKind(rawValue: $0)?.labelZh ?? $0 },
            school: Array(schools.sorted { ($0.count, $1.label) > ($1.count, $0.label) }.prefix(facetLimit)),
            licence: facet(found.licence) { LibraryLicence(rawValue: $0)?.labelZh ?? $0 })
        return LibrarySearchResult(items: items, total: found.total, page: query.page, per: query.per, facets: facets)
    }
}

/// A query fragment written as an interpolated literal.
private func q(_ string: SQLQueryString) -> SQLQueryString { string }
