import Foundation

/// The indicator catalogue, loaded from `indicators.json` (the policy's targets as data).
public struct IndicatorCatalogue: Sendable {
    public let indicators: [IndicatorDefinition]

    public init(indicators: [IndicatorDefinition]) throws(CatalogueError) {
        var seen = Set<String>()
        for indicator in indicators {
            guard seen.insert(indicator.id).inserted else { throw .duplicateID(indicator.id) }
            guard !indicator.levels.isEmpty else { throw .noLevel(indicator.id) }
            if indicator.measure.isShare != (indicator.unit == .percent) { throw .unitMismatch(indicator.id) }
            if indicator.cadence == .yearly, case .designations = indicator.measure {} else if indicator.cadence == .yearly {
                throw .yearlyNeedsDatedEntries(indicator.id)
            }
        }
        self.indicators = indicators
    }

    public subscript(id: String) -> IndicatorDefinition? { indicators.first { $0.id == id } }

    /// The designation kinds the catalogue counts (the registry must know every one).
    public var designationKinds: Set<String> {
        Set(indicators.compactMap { if case .designations(let kind) = $0.measure { kind } else { nil } })
    }

    /// The catalogue shipped with the platform.
    public static func bundled() throws -> IndicatorCatalogue {
        guard let url = Bundle.module.url(forResource: "indicators", withExtension: "json", subdirectory: "Supervision") else {
            throw CatalogueError.missingFile("indicators.json")
        }
        return try IndicatorCatalogue(indicators: JSONDecoder().decode([IndicatorDefinition].self, from: Data(contentsOf: url)))
    }
}

public enum CatalogueError: Error, Equatable, CustomStringConvertible {
    case duplicateID(String)
    case noLevel(String)
    case unitMismatch(String)
    case yearlyNeedsDatedEntries(String)
    case missingFile(String)

    public var description: String {
        switch self {
        case .duplicateID(let id): "indicator \(id) appears twice"
        case .noLevel(let id): "indicator \(id) names no level"
        case .unitMismatch(let id): "indicator \(id): a share must be in percent and only a share"
        case .yearlyNeedsDatedEntries(let id): "indicator \(id): only counts of dated entries can be yearly"
        case .missingFile(let name): "\(name) is missing from the Indicators bundle"
        }
    }
}
