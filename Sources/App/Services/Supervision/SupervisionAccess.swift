import Foundation
import Indicators
import Registry
import SQLKit

/// Applies the access policy's supervision rules (`AccessPolicy.canReadSupervision`,
/// `canDrillDownSupervision`) to a requested scope: looks up where a school sits, and answers a
/// role without dashboards 403 and a scope outside the caller's 404, like a missing school.
enum SupervisionAccess {
    /// The pure placement of `scope`; a school that does not exist is 404.
    static func placement(_ scope: SupervisionScope, sql: any SQLDatabase) async throws -> SupervisionPlacement {
        switch scope.level {
        case .city: return .city
        case .district: return .district(code: scope.code)
        case .school:
            let school = try await school(scope, sql: sql)
            guard let id = school.id, let district = school.district else { throw AppError.notFound }
            return .school(id: id, districtCode: district)
        }
    }

    /// Refuses a caller who may not see the dashboard of `scope`.
    @discardableResult
    static func requireRead(_ scope: SupervisionScope, caller: CallerScope, sql: any SQLDatabase) async throws -> SupervisionPlacement {
        guard AccessPolicy.mayReadSupervision(caller: caller) else { throw AppError.forbidden }
        let placement = try await placement(scope, sql: sql)
        guard AccessPolicy.canReadSupervision(at: placement, caller: caller) else { throw AppError.notFound }
        return placement
    }

    /// Refuses a caller who may not list the rows behind an indicator at `scope`: 404 when the
    /// dashboard itself is out of sight, 403 when it is visible but its rows are not (the city's
    /// rows to a district).
    static func requireDrillDown(_ scope: SupervisionScope, caller: CallerScope, sql: any SQLDatabase) async throws {
        let placement = try await requireRead(scope, caller: caller, sql: sql)
        guard AccessPolicy.canDrillDownSupervision(at: placement, caller: caller) else { throw AppError.forbidden }
    }

    /// Whether the caller may drill down at `scope` (for the dashboard's links); false for a
    /// school that does not exist.
    static func canDrillDown(_ scope: SupervisionScope, caller: CallerScope, sql: any SQLDatabase) async throws -> Bool {
        guard let placement = try? await placement(scope, sql: sql) else { return false }
        return AccessPolicy.canDrillDownSupervision(at: placement, caller: caller)
    }

    /// The schools of a district (code, name), by code, for the district dashboard's links.
    static func schools(inDistrict code: String, sql: any SQLDatabase) async throws -> [(code: String, name: String)] {
        try await sql.select().columns("code", "name").from("institutions").where("district_code", .equal, code).orderBy("code").all().map {
            (try $0.decode(column: "code", as: String.self), try $0.decode(column: "name", as: String.self))
        }
    }

    /// The school's district, id and name (nil, nil, nil for other levels); 404 for no such school.
    static func school(_ scope: SupervisionScope, sql: any SQLDatabase) async throws -> (district: String?, id: UUID?, name: String?) {
        guard scope.level == .school else { return (nil, nil, nil) }
        guard let row = try await sql.select().columns("id", "district_code", "name").from("institutions").where("code", .equal, scope.code).first() else {
            throw AppError.notFound
        }
        return (try row.decode(column: "district_code", as: String.self), try row.decode(column: "id", as: UUID.self), try row.decode(column: "name", as: String.self))
    }
}
