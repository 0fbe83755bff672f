import Registry
import SQLKit
import Vapor

/// The home of each role (角色首页): what this caller needs first, built from the same services
/// the pages and API use, so a figure on the home is the figure on the page it links to.
enum RoleHome {
    static func sections(_ req: Request) async throws -> [HomeSection] {
        let caller = try req.requireCaller()
        let data = HomeData(req: req, scope: caller.scope)
        switch caller.scope.role {
        case .cityAdmin: return try await CityHome.sections(data)
        case .districtAdmin: return try await DistrictHome.sections(data)
        case .schoolAdmin: return try await SchoolHome.sections(data)
        case .teacher: return try await TeacherHome.sections(data)
        case .enterprise: return try await EnterpriseHome.sections(data)
        case .learner: return try await LearnerHome.sections(data)
        case .creditReviewer: return try await ReviewerHome.sections(data)
        case .responsibleUnit: return try await UnitHome.sections(data)
        }
    }
}
