import Exact

/// The market for a catalogue program in one year: demand for the occupation groups it maps
/// to against every graduate (city-wide) allocated to those groups, and the year before.
public struct MarketPosition: Sendable, Hashable, Codable {
    public var catalogCode: String
    public var occupationGroups: [String]
    public var year: Int
    public var demand: Int
    public var supply: Fraction
    public var previousDemand: Int?
    public var previousSupply: Fraction?

    public init(catalogCode: String, occupationGroups: [String], year: Int, demand: Int, supply: Fraction, previousDemand: Int? = nil, previousSupply: Fraction? = nil) {
        self.catalogCode = catalogCode
        self.occupationGroups = occupationGroups
        self.year = year
        self.demand = demand
        self.supply = supply
        self.previousDemand = previousDemand
        self.previousSupply = previousSupply
    }

    public var gap: Fraction { Fraction(demand) - supply }
    public var ratio: Fraction? { Fraction(demand) / supply }
    public var previousRatio: Fraction? {
        guard let previousDemand, let previousSupply else { return nil }
        return Fraction(previousDemand) / previousSupply
    }

    /// The market of `catalogCode` in `year` from an occupation gap table.
    public static func of(_ catalogCode: String, year: Int, occupations table: GapTable, map: OccupationMap) -> MarketPosition {
        precondition(table.dimension == .occupation, "a market position reads the occupation gap table")
        let groups = map.occupations(of: catalogCode)
        var position = MarketPosition(catalogCode: catalogCode, occupationGroups: groups, year: year, demand: 0, supply: .zero)
        var hasPrevious = table.years.contains(year - 1)
        var previousDemand = 0, previousSupply = Fraction.zero
        for group in groups {
            if let row = table.rowsByCell[GapTable.Cell(key: group, year: year)] {
                position.demand += row.demand
                position.supply += row.supply
            }
            if let row = table.rowsByCell[GapTable.Cell(key: group, year: year - 1)] {
                previousDemand += row.demand
                previousSupply += row.supply
            }
        }
        if groups.isEmpty { hasPrevious = false }
        if hasPrevious {
            position.previousDemand = previousDemand
            position.previousSupply = previousSupply
        }
        return position
    }
}
