import Exact
import Foundation
import Registry
import SQLKit
import SupplyDemand

/// The market as stored right now: demand facts, graduate facts and the occupation map, with
/// the names pages and exports show for their keys.
package struct MarketSnapshot: Sendable {
    /// Demand totals for each dimension.
    package let demand: [GapDimension: [DemandTotal]]
    package let supply: [SupplyFact]
    let map: OccupationMap
    let catalog: ReferenceCatalog
    let policy: SignalPolicy

    package static func load(_ sql: any SQLDatabase, catalog: ReferenceCatalog, policy: SignalPolicy = SignalPolicy()) async throws -> MarketSnapshot {
        async let occupations = MarketFacts.demandTotals(sql, by: .occupation)
        async let districts = MarketFacts.demandTotals(sql, by: .district)
        async let clusters = MarketFacts.demandTotals(sql, by: .industryCluster)
        async let supply = MarketFacts.supply(sql)
        async let map = MarketFacts.occupationMap(sql)
        let byDistrict = try await districts
        let city = Dictionary(grouping: byDistrict, by: \.year).map { year, rows in
            DemandTotal(key: GapDimension.cityKey, year: year, headcount: rows.reduce(0) { $0 + $1.headcount })
        }
        let demand: [GapDimension: [DemandTotal]] = [.occupation: try await occupations, .district: byDistrict, .industryCluster: try await clusters, .city: city]
        return MarketSnapshot(demand: demand, supply: try await supply, map: try await map, catalog: catalog, policy: policy)
    }

    package func table(_ dimension: GapDimension) -> GapTable {
        GapTable(dimension: dimension, totals: demand[dimension] ?? [], supply: supply, map: map)
    }

    package var signals: ProgramSignals { ProgramSignals(table: table(.occupation), map: map, policy: policy) }

    /// The year asked for, else the latest on record.
    func year(_ asked: Int?, in table: GapTable) -> Int? { asked ?? table.latestYear }

    /// The display name of a key of `dimension`.
    /// How a row is named on a page: an occupation by its code and name (the code is how the
    /// 职业分类大典 is read), a cluster or a district by its name alone (its key is internal).
    func name(_ key: String, _ dimension: GapDimension, english: Bool = false) -> String {
        dimension == .occupation ? "\(key) \(label(key, dimension, english: english))" : label(key, dimension, english: english)
    }

    /// Graduates shared among the occupations their program maps to come in fractions (25.5);
    /// a person reads whole people.
    static func people(_ count: Fraction) -> String { count.decimal(places: 0) }

    func label(_ key: String, _ dimension: GapDimension, english: Bool = false) -> String {
        switch dimension {
        case .occupation:
            return catalog.occupations[key]?.name ?? key
        case .industryCluster:
            if key == GapDimension.noCluster { return english ? "No cluster" : "未归集群" }
            let cluster = catalog.industryClusters.first { $0.code == key }
            return (english ? cluster?.nameEn : cluster?.nameZh) ?? key
        case .district:
            return catalog.divisions.districts[key]?.name ?? key
        case .city:
            return catalog.divisions.cityName
        }
    }

    func programName(_ catalogCode: String) -> String { catalog.programs[catalogCode]?.name ?? catalogCode }
}

/// Which institutions' program signals a caller may see (`AccessPolicy.marketInstitutionFilter`).
enum MarketScope {
    /// Institution codes in scope, or nil for every institution (the city).
    static func institutionCodes(_ sql: any SQLDatabase, caller: CallerScope) async throws -> Set<String>? {
        let query = sql.select().column("code").from("institutions")
        switch AccessPolicy.marketInstitutionFilter(caller: caller) {
        case .all: return nil
        case .district(let code): query.where("district_code", .equal, code)
        case .institution(let id): query.where("id", .equal, id)
        case .none, .enterprise, .record: return []
        }
        return Set(try await query.all().map { try $0.decode(column: "code", as: String.self) })
    }

    /// Refuses a caller who may not see school `code`'s signals: 403 for a role without any
    /// school view, 404 for a school outside the caller's scope (like one that does not exist).
    static func require(_ code: String, _ sql: any SQLDatabase, caller: CallerScope) async throws {
        guard AccessPolicy.marketInstitutionFilter(caller: caller) != .none else { throw AppError.forbidden }
        if let allowed = try await institutionCodes(sql, caller: caller), !allowed.contains(code) { throw AppError.notFound }
    }
}
