import Foundation
import Registry
import SQLKit

/// Substring search over demand and programs. `lower(column) LIKE lower(pattern)` with escaped
/// wildcards finds Chinese text anywhere in a string on SQLite and PostgreSQL alike (no
/// word segmentation needed) and English text regardless of case. An English or Chinese
/// industry cluster name also finds the demand filed under that cluster.
enum MarketSearch {
    struct DemandHit: Codable, Sendable {
        var id: UUID
        var title: String
        var enterpriseCode: String
        var occupationCode: String
        var occupationName: String
        var skills: String?
        var headcount: Int
        var districtCode: String
        var periodStart: String
    }

    struct ProgramHit: Codable, Sendable {
        var id: UUID
        var institutionCode: String
        var catalogCode: String
        var name: String
        var skillsTaught: String?
    }

    static let limit = 50

    static func pattern(_ text: String) -> any SQLExpression {
        let escaped = text.lowercased().replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return SQLBinaryExpression(left: SQLBind("%" + escaped + "%"), op: SQLRaw("ESCAPE"), right: SQLLiteral.string("\\"))
    }

    static func contains(_ column: String, _ text: String) -> any SQLExpression {
        SQLBinaryExpression(left: SQLFunction("lower", args: SQLIdentifier(column)), op: SQLRaw("LIKE"), right: pattern(text))
    }

    static func demand(_ sql: any SQLDatabase, query text: String, caller: CallerScope, catalog: ReferenceCatalog) async throws -> [DemandHit] {
        let lowered = text.lowercased()
        let clusters = catalog.industryClusters.filter { $0.nameEn.lowercased().contains(lowered) || $0.nameZh.contains(text) }.map(\.code)
        let rows = try await sql.select().columns("id", "title", "enterprise_code", "occupation_code", "occupation_name", "skills", "headcount", "district_code", "period_start")
            .from("labour_demands")
            .where(ScopeSQL.predicate(AccessPolicy.readFilter(.labourDemand, for: caller)))
            .where { group in
                var group = group.where(contains("title", text)).orWhere(contains("occupation_name", text))
                    .orWhere(contains("skills", text)).orWhere("occupation_code", .equal, text)
                if !clusters.isEmpty { group = group.orWhere("industry_cluster", .in, clusters) }
                return group
            }
            .orderBy("period_start", .descending).orderBy("id").limit(limit).all()
        return try rows.map {
            DemandHit(
                id: try $0.decode(column: "id", as: UUID.self), title: try $0.decode(column: "title", as: String.self),
                enterpriseCode: try $0.decode(column: "enterprise_code", as: String.self), occupationCode: try $0.decode(column: "occupation_code", as: String.self),
                occupationName: try $0.decode(column: "occupation_name", as: String.self), skills: try $0.decode(column: "skills", as: String?.self),
                headcount: try $0.decode(column: "headcount", as: Int.self), districtCode: try $0.decode(column: "district_code", as: String.self),
                periodStart: try $0.decode(column: "period_start", as: String.self)
            )
        }
    }

    static func programs(_ sql: any SQLDatabase, query text: String, caller: CallerScope) async throws -> [ProgramHit] {
        let rows = try await sql.select().columns("id", "institution_code", "catalog_code", "name", "skills_taught").from("programs")
            .where(ScopeSQL.predicate(AccessPolicy.readFilter(.program, for: caller)))
            .where { $0.where(contains("name", text)).orWhere(contains("skills_taught", text)).orWhere("catalog_code", .equal, text) }
            .orderBy("institution_code").orderBy("catalog_code").limit(limit).all()
        return try rows.map {
            ProgramHit(
                id: try $0.decode(column: "id", as: UUID.self), institutionCode: try $0.decode(column: "institution_code", as: String.self),
                catalogCode: try $0.decode(column: "catalog_code", as: String.self), name: try $0.decode(column: "name", as: String.self),
                skillsTaught: try $0.decode(column: "skills_taught", as: String?.self)
            )
        }
    }
}
