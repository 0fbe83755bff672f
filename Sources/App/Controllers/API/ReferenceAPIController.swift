import Registry
import Vapor

/// The reference lists that code fields validate against.
enum ReferenceAPIController {
    static let lists = ["programs", "industries", "districts", "industry-clusters", "occupations"]

    struct Entry: Content {
        var code: String
        var name: String
        var level: String?
        var parent: String?
    }

    @Sendable static func list(req: Request) async throws -> [Entry] {
        _ = try req.requireCaller()
        let catalog = req.services.catalog
        switch req.parameters.get("list") ?? "" {
        case "programs":
            return catalog.programs.entries.values.sorted { $0.code < $1.code }.map { Entry(code: $0.code, name: $0.name, level: $0.level.rawValue, parent: $0.classCode) }
        case "industries":
            return catalog.industries.entries.values.sorted { $0.code < $1.code }.map { Entry(code: $0.code, name: $0.name, level: String($0.level), parent: $0.section) }
        case "districts":
            return catalog.divisions.sortedDistricts.map { Entry(code: $0.code, name: $0.name, parent: catalog.divisions.cityCode) }
        case "industry-clusters":
            return catalog.industryClusters.map { Entry(code: $0.code, name: $0.nameZh, parent: $0.clause) }
        case "occupations":
            return catalog.occupations.entries.values.sorted { $0.code < $1.code }.map { Entry(code: $0.code, name: $0.name, level: $0.level) }
        default:
            throw AppError.notFound
        }
    }
}
