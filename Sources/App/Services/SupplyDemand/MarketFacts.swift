import Foundation
import SQLKit
import SupplyDemand

/// Reads the market's facts from storage: demand summed in SQL by each dimension the gap
/// table uses (indexed GROUP BYs however many demand rows there are), graduates per program-year
/// with their school's district and cluster, and the program → occupation table.
///
/// Sums are cast to BIGINT because PostgreSQL's SUM of a bigint is numeric.
enum MarketFacts {
    /// Demand headcount by `dimension`'s key and year: one GROUP BY over that dimension's
    /// covering index. (`MarketSnapshot` sums the districts for the city, saving a scan.)
    static func demandTotals(_ sql: any SQLDatabase, by dimension: GapDimension) async throws -> [DemandTotal] {
        let column: String
        switch dimension {
        case .occupation: column = "occupation_group"
        case .district: column = "district_code"
        case .industryCluster: column = "industry_cluster"
        case .city:
            return try await sql.raw("SELECT demand_year, CAST(SUM(headcount) AS BIGINT) AS n FROM labour_demands GROUP BY demand_year").all().map { row in
                DemandTotal(key: GapDimension.cityKey, year: try row.decode(column: "demand_year", as: Int.self), headcount: try row.decode(column: "n", as: Int.self))
            }
        }
        return try await sql.raw("""
            SELECT demand_year, \(ident: column) AS k, CAST(SUM(headcount) AS BIGINT) AS n
            FROM labour_demands GROUP BY demand_year, \(ident: column)
            """).all().map { row in
            DemandTotal(
                key: try row.decode(column: "k", as: String?.self) ?? GapDimension.noCluster,
                year: try row.decode(column: "demand_year", as: Int.self),
                headcount: try row.decode(column: "n", as: Int.self)
            )
        }
    }

    static func supply(_ sql: any SQLDatabase, institutionCode: String? = nil) async throws -> [SupplyFact] {
        var query: SQLQueryString = """
            SELECT y.institution_code, y.catalog_code, y.district_code, c.industry_cluster, y.year, y.enrolled, y.graduated
            FROM program_years y JOIN programs p ON p.id = y.program_id LEFT JOIN program_clusters c ON c.id = p.cluster_id
            """
        if let institutionCode { query = query + " WHERE y.institution_code = \(bind: institutionCode)" }
        return try await sql.raw(query).all().map { row in
            SupplyFact(
                institutionCode: try row.decode(column: "institution_code", as: String.self),
                catalogCode: try row.decode(column: "catalog_code", as: String.self),
                districtCode: try row.decode(column: "district_code", as: String.self),
                industryCluster: try row.decode(column: "industry_cluster", as: String?.self),
                year: try row.decode(column: "year", as: Int.self),
                enrolled: try row.decode(column: "enrolled", as: Int.self),
                graduated: try row.decode(column: "graduated", as: Int.self)
            )
        }
    }

    static func occupationMap(_ sql: any SQLDatabase) async throws -> OccupationMap {
        let rows = try await sql.select().columns("catalog_code", "occupation_code").from("occupation_mappings").all()
        return OccupationMap(try rows.map { (try $0.decode(column: "catalog_code", as: String.self), try $0.decode(column: "occupation_code", as: String.self)) })
    }

    /// Demand headcount per distinct skill list in `year`, optionally for one occupation group
    /// or district.
    static func skillDemand(_ sql: any SQLDatabase, year: Int, occupationGroup: String?, districtCode: String?) async throws -> [SkillDemandFact] {
        var query: SQLQueryString = "SELECT skills, CAST(SUM(headcount) AS BIGINT) AS n FROM labour_demands WHERE demand_year = \(bind: year) AND skills IS NOT NULL"
        if let occupationGroup { query = query + " AND occupation_group = \(bind: occupationGroup)" }
        if let districtCode { query = query + " AND district_code = \(bind: districtCode)" }
        query = query + " GROUP BY skills"
        return try await sql.raw(query).all().map {
            SkillDemandFact(skills: (try $0.decode(column: "skills", as: String.self)).split(separator: ";").map(String.init), headcount: try $0.decode(column: "n", as: Int.self))
        }
    }

    /// Graduates in `year` per distinct list of skills taught, optionally only of programs
    /// mapped to `catalogCodes` or of schools in a district.
    static func skillSupply(_ sql: any SQLDatabase, year: Int, catalogCodes: [String]?, districtCode: String?) async throws -> [SkillSupplyFact] {
        if let catalogCodes, catalogCodes.isEmpty { return [] }
        var query: SQLQueryString = """
            SELECT p.skills_taught, CAST(SUM(y.graduated) AS BIGINT) AS n FROM program_years y JOIN programs p ON p.id = y.program_id
            WHERE y.year = \(bind: year) AND p.skills_taught IS NOT NULL
            """
        if let catalogCodes {
            query = query + " AND y.catalog_code IN (\(binds: catalogCodes))"
        }
        if let districtCode { query = query + " AND y.district_code = \(bind: districtCode)" }
        query = query + " GROUP BY p.skills_taught"
        return try await sql.raw(query).all().map {
            SkillSupplyFact(skills: (try $0.decode(column: "skills_taught", as: String.self)).split(separator: ";").map(String.init), graduated: try $0.decode(column: "n", as: Int.self))
        }
    }
}
