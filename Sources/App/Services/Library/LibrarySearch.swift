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

    /// The predicate for the words of a query, or nil for no words.
    static func textPredicate(_ sql: any SQLDatabase, _ text: String) -> (any SQLExpression)? {
        let terms = LibrarySearchTokens.query(text)
        guard !terms.isEmpty else { return nil }
        if sql.dialect.name == "postgresql" {
            // Lexemes quoted for the tsquery parser; tokens hold only letters and digits.
            let query = terms.map { "'\($0.token.replacingOccurrences(of: "'", with: "''"))'" + ($0.prefix ? ":*" : "") }.joined(separator: " & ")
            return q("r.search_vector @@ \(bind: query)::tsquery")
        }
        let match = terms.map { "\"\($0.token.replacingOccurrences(of: "\"", with: "\"\""))\"" + ($0.prefix ? "*" : "") }.joined(separator: " AND ")
        return q("r.id IN (SELECT resource_id FROM library_search WHERE library_search MATCH \(bind: match))")
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

    /// Every condition of a query for `caller`, joined by AND.
    static func predicate(_ sql: any SQLDatabase, _ query: Query, caller: CallerScope) -> SQLQueryString {
        var parts: [any SQLExpression] = [visibility(AccessPolicy.libraryVisibility(for: caller))]
        if let text = textPredicate(sql, query.text) { parts.append(text) }
        if let v = query.program { parts.append(q("r.program_code = \(bind: v)")) }
        if let v = query.occupation { parts.append(q("r.occupation_code = \(bind: v)")) }
        if let v = query.kind { parts.append(q("r.kind = \(bind: v)")) }
        if let v = query.school { parts.append(q("r.institution_id = \(bind: v)")) }
        if let v = query.licence { parts.append(q("r.licence = \(bind: v)")) }
        if let v = query.status { parts.append(q("r.status = \(bind: v)")) }
        return parts.map { q("(\($0))") }.joined(separator: " AND ")
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

    /// One page of matches with the counts of every facet value among all matches.
    static func search(_ sql: any SQLDatabase, _ query: Query, caller: CallerScope, catalog: ReferenceCatalog) async throws -> LibrarySearchResult {
        let condition = predicate(sql, query, caller: caller)
        let items = try await select(sql, where: condition, limit: query.per, offset: (query.page - 1) * query.per, catalog: catalog)
        // The matches are found once, into a materialised CTE of the five facet columns, and every
        // facet is counted from it in the same statement (SQLite ≥ 3.35 and PostgreSQL ≥ 12).
        let facetColumns = [("kind", "kind"), ("program", "program_code"), ("occupation", "occupation_code"), ("licence", "licence")]
        // The school branch comes first: PostgreSQL types a UNION's columns branch by branch,
        // so its uuid column must meet the other branches' untyped NULLs, not a text one.
        let counted = ["SELECT 'school' AS facet, NULL AS value, m.institution_id AS school, MIN(i.name) AS label, COUNT(*) AS n FROM m JOIN institutions i ON i.id = m.institution_id GROUP BY m.institution_id"]
            + facetColumns.map { name, column in
                "SELECT '\(name)', \(column), NULL, NULL, COUNT(*) FROM m WHERE \(column) IS NOT NULL GROUP BY \(column)"
            }
        let facetQuery: SQLQueryString = """
            WITH m AS MATERIALIZED (SELECT r.kind, r.program_code, r.occupation_code, r.licence, r.institution_id FROM library_resources r WHERE \(condition))
            \(unsafeRaw: counted.joined(separator: " UNION ALL "))
            """
        var counts: [String: [(String, Int)]] = [:]
        var schools: [LibraryFacetValue] = []
        for row in try await sql.raw(facetQuery).all() {
            let facet = try row.decode(column: "facet", as: String.self), n = try row.decode(column: "n", as: Int.self)
            if facet == "school" {
                schools.append(LibraryFacetValue(value: try row.decode(column: "school", as: UUID.self).uuidString.lowercased(),
                                                 label: try row.decode(column: "label", as: String.self), count: n))
            } else {
                counts[facet, default: []].append((try row.decode(column: "value", as: String.self), n))
            }
        }
        func facet(_ name: String, label: (String) -> String) -> [LibraryFacetValue] {
            Array((counts[name] ?? []).map { LibraryFacetValue(value: $0.0, label: label($0.0), count: $0.1) }
                .sorted { ($0.count, $1.value) > ($1.count, $0.value) }.prefix(facetLimit))
        }
        let facets = LibraryFacets(
            program: facet("program") { catalog.programs[$0]?.name ?? $0 },
            occupation: facet("occupation") { catalog.occupations[$0]?.name ?? $0 },
            kind: facet("kind") { LibraryResourceKind(rawValue: $0)?.labelZh ?? $0 },
            school: Array(schools.sorted { ($0.count, $1.label) > ($1.count, $0.label) }.prefix(facetLimit)),
            licence: facet("licence") { LibraryLicence(rawValue: $0)?.labelZh ?? $0 })
        // Every resource has a kind, so the kind counts add up to the number of matches.
        let total = (counts["kind"] ?? []).reduce(0) { $0 + $1.1 }
        return LibrarySearchResult(items: items, total: total, page: query.page, per: query.per, facets: facets)
    }
}

/// A query fragment written as an interpolated literal.
private func q(_ string: SQLQueryString) -> SQLQueryString { string }
