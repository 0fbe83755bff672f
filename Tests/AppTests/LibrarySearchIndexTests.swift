@testable import App
import Fluent
import Foundation
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The library's in-memory search index against the database itself: for every caller and a
/// spread of filters, the answer's total, its page in order and every facet's counts equal what
/// one SQL query over `library_resources` finds under the same visibility. On SQLite, and on
/// PostgreSQL when `DATABASE_URL` is set.
@Suite("Library search index agrees with the database")
struct LibrarySearchIndexTests {
    struct Row {
        var id: UUID
        var kind: String
        var program: String?
        var occupation: String?
        var licence: String
        var institution: UUID?
    }

    /// Resources written straight into the database with every combination the filters and the
    /// visibility rule tell apart, and changed-at times with ties (so the id decides the order).
    func seed(_ app: Application, _ f: Fixture, count: Int) async throws -> [String] {
        let sql = app.sql
        let contributor = try #require(try await sql.raw("SELECT id FROM users LIMIT 1").first()?.decode(column: "id", as: UUID.self))
        let occupations = Array(app.services.catalog.occupations.entries.keys.sorted().prefix(2))
        let words = ["alpha", "beta", "gamma", "数控", "焊接"]
        var generator = SystemRandomNumberGenerator()
        for n in 0..<count {
            let owner = n % 4
            let institution: UUID? = owner == 0 ? f.schoolA : owner == 1 ? f.schoolB : nil
            let enterprise: UUID? = owner == 2 ? f.enterpriseA : nil
            let kind = ["video", "document", "picture"][n % 3]
            let program = [f.programA, f.programB, nil][Int.random(in: 0..<3, using: &generator)]
            let occupation = [occupations.first, occupations.last, nil][Int.random(in: 0..<3, using: &generator)]
            let licence = ["cc-by", "cc-by-sa", "school-only"][Int.random(in: 0..<3, using: &generator)]
            let status = ["shared", "shared", "contributed", "under_review", "returned"][Int.random(in: 0..<5, using: &generator)]
            let tokens = words.filter { _ in Bool.random(using: &generator) }.joined(separator: " ")
            let id = UUID()
            let changed = Int64(1_800_000_000_000 + Int.random(in: 0..<40, using: &generator))
            try await sql.raw("""
                INSERT INTO library_resources (id, institution_id, enterprise_id, contributor_id, contributor_name, kind, title, description, tags,
                    program_code, occupation_code, level, language, licence, author, link_url, status, current_version, search_tokens, created_at_ms, updated_at_ms)
                VALUES (\(bind: id), \(bind: institution), \(bind: enterprise), \(bind: contributor), 'test', \(bind: kind), \(bind: "资源 \(n)"), '', '',
                    \(bind: program), \(bind: occupation), NULL, 'zh', \(bind: licence), 'test', NULL, \(bind: status), 0, \(bind: tokens), \(bind: changed), \(bind: changed))
                """).run()
            try await LibrarySearch.index(sql, resource: id, tokens: tokens)
        }
        return words
    }

    /// The oracle: the matching rows in result order, by one query under the caller's visibility.
    func expected(_ app: Application, _ query: LibrarySearch.Query, caller: CallerScope) async throws -> [Row] {
        let sql = app.sql
        var conditions: [SQLQueryString] = ["(\(LibrarySearch.visibility(AccessPolicy.libraryVisibility(for: caller))))"]
        if let v = query.kind { conditions.append("r.kind = \(bind: v)") }
        if let v = query.program { conditions.append("r.program_code = \(bind: v)") }
        if let v = query.licence { conditions.append("r.licence = \(bind: v)") }
        if let v = query.school { conditions.append("r.institution_id = \(bind: v)") }
        if let v = query.status { conditions.append("r.status = \(bind: v)") }
        if let ids = try await LibrarySearch.textMatches(sql, query.text) {
            conditions.append(ids.isEmpty ? "1 = 0" : "r.id IN (\(binds: ids))")
        }
        let text: SQLQueryString = "SELECT r.id, r.kind, r.program_code, r.occupation_code, r.licence, r.institution_id FROM library_resources r WHERE "
            + conditions.joined(separator: " AND ") + " ORDER BY r.updated_at_ms DESC, r.id"
        return try await sql.raw(text).all().map { row in
            Row(id: try row.decode(column: "id", as: UUID.self), kind: try row.decode(column: "kind", as: String.self),
                program: try row.decode(column: "program_code", as: String?.self), occupation: try row.decode(column: "occupation_code", as: String?.self),
                licence: try row.decode(column: "licence", as: String.self), institution: try row.decode(column: "institution_id", as: UUID?.self))
        }
    }

    func counts(_ answer: LibraryTests.Answer, _ facet: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for value in answer.json["facets"]?.objectValue?[facet]?.arrayValue ?? [] {
            if let v = value.objectValue?["value"]?.stringValue, let n = value.objectValue?["count"]?.intValue { result[v] = n }
        }
        return result
    }

    func tally(_ rows: [Row], _ value: (Row) -> String?) -> [String: Int] {
        rows.reduce(into: [:]) { counts, row in if let v = value(row) { counts[v, default: 0] += 1 } }
    }

    @Test func everyCallerAndFilterGetsWhatTheDatabaseFinds() async throws {
        try await withFixture { app, f in
            let library = LibraryTests()
            let words = try await seed(app, f, count: 240)
            let callers: [(String, CallerScope)] = [
                (f.token(.cityAdmin), CallerScope(role: .cityAdmin)),
                (f.token(.teacher), CallerScope(role: .teacher, institutionID: f.schoolA, teacherID: f.teachersA[0])),
                (f.token(.enterprise), CallerScope(role: .enterprise, enterpriseID: f.enterpriseA)),
                (f.token(.districtAdmin), CallerScope(role: .districtAdmin)),
            ]
            var queries: [LibrarySearch.Query] = [LibrarySearch.Query()]
            for word in words + ["alpha 数控", "nothing"] { var q = LibrarySearch.Query(); q.text = word; queries.append(q) }
            for kind in ["video", "picture", "slides"] { var q = LibrarySearch.Query(); q.kind = kind; queries.append(q) }
            for licence in ["cc-by", "school-only"] { var q = LibrarySearch.Query(); q.licence = licence; q.text = "beta"; queries.append(q) }
            for school in [f.schoolA, f.schoolB, UUID()] { var q = LibrarySearch.Query(); q.school = school; queries.append(q) }
            var q = LibrarySearch.Query(); q.program = f.programB; q.kind = "document"; queries.append(q)
            q = LibrarySearch.Query(); q.status = "contributed"; queries.append(q)
            // A catalogue program no resource names: nothing found, nothing counted.
            let unused = try #require(app.services.catalog.programs.majors(at: .secondary).map(\.code).first { $0 != f.programA && $0 != f.programB })
            q = LibrarySearch.Query(); q.program = unused; queries.append(q)
            q = LibrarySearch.Query(); q.page = 3; q.per = 7; queries.append(q)

            var compared = 0
            for (token, caller) in callers {
                for query in queries {
                    var parameters: [String] = ["page=\(query.page)", "per=\(query.per)"]
                    if !query.text.isEmpty { parameters.append("q=\(query.text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
                    if let v = query.kind { parameters.append("kind=\(v)") }
                    if let v = query.program { parameters.append("program=\(v)") }
                    if let v = query.licence { parameters.append("licence=\(v)") }
                    if let v = query.school { parameters.append("school=\(v.uuidString.lowercased())") }
                    if let v = query.status { parameters.append("status=\(v)") }
                    let path = "api/v1/library/resources?" + parameters.joined(separator: "&")
                    let answer = try await library.send(app, .GET, path, token)
                    #expect(answer.status == .ok, "\(caller.role) \(path): \(answer.text)")
                    let rows = try await expected(app, query, caller: caller)
                    let label = "\(caller.role) \(path)"
                    #expect(answer.json["total"]?.intValue == rows.count, "\(label)")
                    let page = rows.dropFirst((query.page - 1) * query.per).prefix(query.per).map { $0.id.uuidString.lowercased() }
                    let listed = (answer.json["items"]?.arrayValue ?? []).compactMap { $0.objectValue?["id"]?.stringValue?.lowercased() }
                    #expect(listed == Array(page), "\(label)")
                    #expect(counts(answer, "kind") == tally(rows, \.kind), "\(label)")
                    #expect(counts(answer, "program") == tally(rows, \.program), "\(label)")
                    #expect(counts(answer, "occupation") == tally(rows, \.occupation), "\(label)")
                    #expect(counts(answer, "licence") == tally(rows, \.licence), "\(label)")
                    #expect(counts(answer, "school") == tally(rows) { $0.institution?.uuidString.lowercased() }, "\(label)")
                    if !rows.isEmpty { compared += 1 }
                }
            }
            // Most of the comparisons are of something found, not of two empty answers.
            #expect(compared > callers.count * queries.count / 2)
        }
    }

    @Test func aChangeThroughTheServerIsSearchableAtOnce() async throws {
        try await withFixture { app, f in
            let library = LibraryTests()
            let teacher = f.token(.teacher)
            let before = try await library.send(app, .GET, "api/v1/library/resources?q=%E9%93%A3%E5%B7%A5", teacher)
            #expect(before.json["total"]?.intValue == 0)
            let (created, id) = try await library.contribute(app, teacher, title: "铣工入门", description: "铣削")
            #expect(created.status == .created)
            let after = try await library.send(app, .GET, "api/v1/library/resources?q=%E9%93%A3%E5%B7%A5", teacher)
            #expect(after.json["total"]?.intValue == 1)
            #expect(after.json["items"]?.arrayValue?.first?.objectValue?["id"]?.stringValue?.lowercased() == id?.lowercased())
            // Shared by the city, it is found by another school too, at once.
            let other = try await library.otherSchoolToken(app, f)
            let hidden = try await library.send(app, .GET, "api/v1/library/resources?q=%E9%93%A3%E5%B7%A5", other)
            #expect(hidden.json["total"]?.intValue == 0)
            let submitted = try await library.send(app, .POST, "api/v1/library/resources/\(id ?? "")/submission", teacher)
            #expect(submitted.status == .ok, "\(submitted.text)")
            let shared = try await library.send(app, .POST, "api/v1/library/resources/\(id ?? "")/decision", f.token(.cityAdmin),
                                                json: #"{"decision":"share","reason":"好"}"#)
            #expect(shared.status == .ok, "\(shared.text)")
            let seen = try await library.send(app, .GET, "api/v1/library/resources?q=%E9%93%A3%E5%B7%A5", other)
            #expect(seen.json["total"]?.intValue == 1)
        }
    }
}
