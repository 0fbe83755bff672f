import Foundation

/// The frameworks and the default level alignment shipped with the platform (made from
/// ../shared/data by scripts/make_credit_bank_data.py); the city edits the alignment.
public struct FrameworkCatalogue: Sendable {
    public let frameworks: [QualificationsFramework]
    public let alignment: LevelAlignment

    public subscript(id: String) -> QualificationsFramework? { frameworks.first { $0.id == id } }

    public static func bundled() throws -> FrameworkCatalogue {
        func load<T: Decodable>(_ name: String, as: T.Type) throws -> T {
            guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: name, withExtension: "json") else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(name).json"])
            }
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
        }
        let frameworks = try load("frameworks", as: [QualificationsFramework].self)
        let alignment = try load("alignment", as: LevelAlignment.self).validated(against: frameworks)
        return FrameworkCatalogue(frameworks: frameworks, alignment: alignment)
    }
}
