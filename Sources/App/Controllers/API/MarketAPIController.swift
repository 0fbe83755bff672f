import Exact
import Foundation
import Registry
import SupplyDemand
import SQLKit
import Vapor

/// `/api/v1/market/…`: the gap table, skill gaps, program adjustment signals and openings.
/// Aggregates hold no person and are open to every signed-in role; per-school signals follow
/// the caller's scope.
enum MarketAPIController {
    struct TrendPoint: Content {
        var year: Int
        var demand: Int
        var supply: Quantity
    }

    struct GapRowBody: Content {
        var key: String
        var label: String
        var year: Int
        var demand: Int
        var supply: Quantity
        var gap: Quantity
        var ratio: Quantity?
        var gapChange: Quantity?
        var trend: [TrendPoint]
    }

    struct GapResponse: Content {
        var dimension: String
        var year: Int?
        var years: [Int]
        var rows: [GapRowBody]
        /// Graduates this year whose program maps to no occupation group (left out of supply).
        var unmappedGraduates: Int
        var unmappedPrograms: [String]
    }

    static func dimension(_ req: Request) throws -> GapDimension {
        let text = req.query[String.self, at: "by"] ?? GapDimension.occupation.rawValue
        guard let dimension = GapDimension(rawValue: text) else {
            throw AppError.validation([FieldError(field: "by", zh: "只能是 occupation、industry_cluster、district 或 city", en: "must be occupation, industry_cluster, district or city")])
        }
        return dimension
    }

    static func year(_ req: Request) throws -> Int? {
        guard let text = req.query[String.self, at: "year"] else { return nil }
        guard let year = Int(text), (2000...2100).contains(year) else {
            throw AppError.validation([FieldError(field: "year", zh: "年度应为2000至2100之间的整数", en: "must be a year from 2000 to 2100")])
        }
        return year
    }

    static func snapshot(_ req: Request) async throws -> MarketSnapshot {
        _ = try req.requireCaller()
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        return try await MarketSnapshot.load(sql, catalog: req.services.catalog)
    }

    static func gapResponse(_ market: MarketSnapshot, dimension: GapDimension, year asked: Int?, english: Bool = false) -> GapResponse {
        let table = market.table(dimension)
        let year = market.year(asked, in: table)
        let series = Dictionary(grouping: table.rows, by: \.key)
        let rows = year.map { table.rows(in: $0) } ?? []
        return GapResponse(
            dimension: dimension.rawValue, year: year, years: table.years,
            rows: rows.sorted { $0.gap != $1.gap ? $0.gap > $1.gap : $0.key < $1.key }.map { row in
                GapRowBody(
                    key: row.key, label: market.label(row.key, dimension, english: english), year: row.year, demand: row.demand,
                    supply: Quantity(row.supply), gap: Quantity(row.gap), ratio: row.ratio.map(Quantity.init), gapChange: row.gapChange.map(Quantity.init),
                    trend: (series[row.key] ?? []).map { TrendPoint(year: $0.year, demand: $0.demand, supply: Quantity($0.supply)) }
                )
            },
            unmappedGraduates: year.flatMap { table.unmappedGraduates[$0] } ?? 0,
            unmappedPrograms: table.unmappedPrograms
        )
    }

    /// `GET /market/gaps?by=&year=`
    @Sendable static func gaps(req: Request) async throws -> GapResponse {
        let dimension = try dimension(req)
        let year = try year(req)
        return gapResponse(try await snapshot(req), dimension: dimension, year: year)
    }

    struct SkillGapBody: Content {
        var skill: String
        var demanded: Int
        var taught: Int
        var gap: Int
    }

    struct SkillGapResponse: Content {
        var year: Int?
        var occupation: String?
        var districtCode: String?
        var items: [SkillGapBody]
    }

    /// `GET /market/skill-gaps?year=&occupation=&district=&limit=`
    @Sendable static func skillGaps(req: Request) async throws -> SkillGapResponse {
        _ = try req.requireCaller()
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let occupation = req.query[String.self, at: "occupation"].flatMap { $0.isEmpty ? nil : $0 }
        let district = req.query[String.self, at: "district"].flatMap { $0.isEmpty ? nil : $0 }
        let limit = min(max(req.query[Int.self, at: "limit"] ?? 20, 1), 500)
        var year = try year(req)
        if year == nil {
            year = try await sql.raw("SELECT MAX(demand_year) AS y FROM labour_demands").first()?.decode(column: "y", as: Int?.self)
        }
        guard let year else { return SkillGapResponse(year: nil, occupation: occupation, districtCode: district, items: []) }
        let items = try await skillGaps(sql, year: year, occupation: occupation, district: district)
        return SkillGapResponse(year: year, occupation: occupation, districtCode: district, items: items.prefix(limit).map {
            SkillGapBody(skill: $0.skill, demanded: $0.demanded, taught: $0.taught, gap: $0.gap)
        })
    }

    static func skillGaps(_ sql: any SQLDatabase, year: Int, occupation: String?, district: String?) async throws -> [SkillGap] {
        var programs: [String]?
        if let occupation { programs = try await MarketFacts.occupationMap(sql).programs(for: occupation) }
        async let demand = MarketFacts.skillDemand(sql, year: year, occupationGroup: occupation, districtCode: district)
        async let supply = MarketFacts.skillSupply(sql, year: year, catalogCodes: programs, districtCode: district)
        return SkillGap.rank(demand: try await demand, supply: try await supply)
    }
}
