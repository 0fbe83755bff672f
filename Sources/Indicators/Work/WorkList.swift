import Foundation

/// The policy's three lists, loaded from `work-list.json` (made from the seed by
/// `scripts/make_supervision_data.py`).
public struct WorkList: Sendable {
    public let tasks: [WorkTask]

    public init(tasks: [WorkTask]) { self.tasks = tasks }

    public subscript(id: String) -> WorkTask? { tasks.first { $0.id == id.uppercased() } }

    public func tasks(of unit: String) -> [WorkTask] { tasks.filter { $0.isResponsible(unit) } }

    /// Every responsible unit named in the lists, in first-seen order.
    public var units: [String] {
        var seen: [String] = []
        for unit in tasks.flatMap(\.units) where !seen.contains(unit) { seen.append(unit) }
        return seen
    }

    public static func bundled() throws -> WorkList {
        guard let url = Bundle.module.url(forResource: "work-list", withExtension: "json", subdirectory: "Supervision") else {
            throw CatalogueError.missingFile("work-list.json")
        }
        return WorkList(tasks: try JSONDecoder().decode([WorkTask].self, from: Data(contentsOf: url)))
    }
}
