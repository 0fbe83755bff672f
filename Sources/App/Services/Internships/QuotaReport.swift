import Foundation
import Matching
import Registry
import SQLKit

/// The 2 % internship quota (clause (九), 附件3 #25) for every 规模以上 enterprise in the caller's
/// scope: places required, places its posts offer, and the shortfall.
struct QuotaReport: Sendable {
    struct Line: Codable, Sendable, Equatable {
        var enterpriseId: UUID
        var creditCode: String
        var name: String
        var districtCode: String
        var employees: Int
        var requiredPlaces: Int
        var offeredPlaces: Int
        var shortfall: Int
    }

    static func lines(sql: any SQLDatabase, caller: CallerScope, quota: InternshipQuota = InternshipQuota(), onlyUnder: Bool) async throws -> [Line] {
        let filter = AccessPolicy.readFilter(.enterprise, for: caller)
        let enterprises = try await sql.select().columns("id", "credit_code", "name", "district_code", "employees")
            .from("enterprises").where(ScopeSQL.predicate(filter)).where("above_scale", .equal, true)
            .orderBy("credit_code").all()
        var offered: [UUID: Int] = [:]
        // Summed here rather than with SQL SUM, whose type differs between SQLite and PostgreSQL (numeric).
        for row in try await sql.select().columns("enterprise_id", "capacity").from("internship_posts").all() {
            if let id = try row.decode(column: "enterprise_id", as: UUID?.self) { offered[id, default: 0] += try row.decode(column: "capacity", as: Int.self) }
        }
        var lines: [Line] = []
        for row in enterprises {
            let id = try row.decode(column: "id", as: UUID.self)
            let employees = try row.decode(column: "employees", as: Int.self)
            let required = quota.requiredPlaces(employees: employees, aboveScale: true)
            let offer = offered[id] ?? 0
            let line = Line(
                enterpriseId: id, creditCode: try row.decode(column: "credit_code", as: String.self), name: try row.decode(column: "name", as: String.self),
                districtCode: try row.decode(column: "district_code", as: String.self), employees: employees,
                requiredPlaces: required, offeredPlaces: offer, shortfall: max(0, required - offer)
            )
            if !onlyUnder || line.shortfall > 0 { lines.append(line) }
        }
        return lines
    }
}
