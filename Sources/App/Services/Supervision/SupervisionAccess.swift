import Foundation
import Registry
import SQLKit

/// Who may see which dashboard and which drill-down. Aggregates of the city are open to every
/// administrative role and to the responsible units; a district's figures to the city and
/// that district; a school's to the city, its district and the school. Drill-downs list people
/// and enterprises, so they follow the same rule below the city and are the city's alone at
/// city level.
enum SupervisionAccess {
    static func canView(_ scope: SupervisionScope, caller: CallerScope, schoolDistrict: String?, schoolID: UUID?) -> Bool {
        switch (caller.role, scope.level) {
        case (.cityAdmin, _): true
        case (.districtAdmin, .city), (.schoolAdmin, .city), (.responsibleUnit, .city): true
        case (.districtAdmin, .district): caller.districtCode == scope.code
        case (.districtAdmin, .school): caller.districtCode != nil && caller.districtCode == schoolDistrict
        case (.schoolAdmin, .school): caller.institutionID != nil && caller.institutionID == schoolID
        default: false
        }
    }

    static func canDrillDown(_ scope: SupervisionScope, caller: CallerScope, schoolDistrict: String?, schoolID: UUID?) -> Bool {
        switch (caller.role, scope.level) {
        case (.cityAdmin, _): true
        case (.districtAdmin, .district): caller.districtCode == scope.code
        case (.districtAdmin, .school): caller.districtCode != nil && caller.districtCode == schoolDistrict
        case (.schoolAdmin, .school): caller.institutionID != nil && caller.institutionID == schoolID
        default: false
        }
    }
}

extension SupervisionAccess {
    /// The school's district and id, for the rules above (nil, nil for other levels).
    static func school(_ scope: SupervisionScope, sql: any SQLDatabase) async throws -> (district: String?, id: UUID?, name: String?) {
        guard scope.level == .school else { return (nil, nil, nil) }
        guard let row = try await sql.select().columns("id", "district_code", "name").from("institutions").where("code", .equal, scope.code).first() else {
            throw AppError.notFound
        }
        return (try row.decode(column: "district_code", as: String.self), try row.decode(column: "id", as: UUID.self), try row.decode(column: "name", as: String.self))
    }
}
