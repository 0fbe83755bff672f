import Exact

/// Demand against graduates by one dimension and year: the city's gap table.
///
/// Supply is allocated before it is broken down: each program-year's graduates are shared
/// equally among the occupation groups its catalogue code maps to, and only mapped graduates
/// count, so the occupation, district, cluster and city views of a year add up to the same
/// supply total. Graduates of unmapped programs are reported beside the table.
public struct GapTable: Sendable {
    public let dimension: GapDimension
    /// Every year with demand or supply on record, ascending.
    public let years: [Int]
    /// Rows for every key and year, keys sorted, then years ascending.
    public let rows: [GapRow]
    /// Graduates per year whose program maps to no occupation group.
    public let unmappedGraduates: [Int: Int]
    /// Catalogue codes with graduates but no occupation mapping.
    public let unmappedPrograms: [String]

    struct Cell: Hashable {
        var key: String
        var year: Int
    }

    /// Every row by key and year.
    let rowsByCell: [Cell: GapRow]

    public init(dimension: GapDimension, demand: [DemandFact], supply: [SupplyFact], map: OccupationMap) {
        self.init(dimension: dimension, totals: demand.map { DemandTotal(key: $0.key(for: dimension), year: $0.year, headcount: $0.headcount) }, supply: supply, map: map)
    }

    /// From demand already summed by this dimension's key.
    public init(dimension: GapDimension, totals demand: [DemandTotal], supply: [SupplyFact], map: OccupationMap) {
        self.dimension = dimension
        var demandByCell: [Cell: Int] = [:]
        var supplyByCell: [Cell: Fraction] = [:]
        var years: Set<Int> = []
        for total in demand {
            demandByCell[Cell(key: total.key, year: total.year), default: 0] += total.headcount
            years.insert(total.year)
        }
        var unmapped: [Int: Int] = [:]
        var unmappedPrograms: Set<String> = []
        for fact in supply {
            years.insert(fact.year)
            let occupations = map.occupations(of: fact.catalogCode)
            guard !occupations.isEmpty else {
                if fact.graduated > 0 {
                    unmapped[fact.year, default: 0] += fact.graduated
                    unmappedPrograms.insert(fact.catalogCode)
                }
                continue
            }
            switch dimension {
            case .occupation:
                let share = Fraction(fact.graduated, occupations.count)
                for occupation in occupations { supplyByCell[Cell(key: occupation, year: fact.year), default: .zero] += share }
            case .industryCluster:
                supplyByCell[Cell(key: fact.industryCluster ?? GapDimension.noCluster, year: fact.year), default: .zero] += Fraction(fact.graduated)
            case .district:
                supplyByCell[Cell(key: fact.districtCode, year: fact.year), default: .zero] += Fraction(fact.graduated)
            case .city:
                supplyByCell[Cell(key: GapDimension.cityKey, year: fact.year), default: .zero] += Fraction(fact.graduated)
            }
        }
        let sortedYears = years.sorted()
        let keys = Set(demandByCell.keys.map(\.key)).union(supplyByCell.keys.map(\.key)).sorted()
        var rows: [GapRow] = []
        rows.reserveCapacity(keys.count * sortedYears.count)
        for key in keys {
            for (index, year) in sortedYears.enumerated() {
                let cell = Cell(key: key, year: year)
                var row = GapRow(key: key, year: year, demand: demandByCell[cell] ?? 0, supply: supplyByCell[cell] ?? .zero)
                if index > 0, sortedYears[index - 1] == year - 1 {
                    let previous = Cell(key: key, year: year - 1)
                    row.previousDemand = demandByCell[previous] ?? 0
                    row.previousSupply = supplyByCell[previous] ?? .zero
                }
                rows.append(row)
            }
        }
        self.years = sortedYears
        self.rows = rows
        self.rowsByCell = Dictionary(rows.map { (Cell(key: $0.key, year: $0.year), $0) }, uniquingKeysWith: { a, _ in a })
        self.unmappedGraduates = unmapped
        self.unmappedPrograms = unmappedPrograms.sorted()
    }

    /// The rows of one year.
    public func rows(in year: Int) -> [GapRow] { rows.filter { $0.year == year } }

    /// One key's rows, oldest first: its trend.
    public func series(of key: String) -> [GapRow] { rows.filter { $0.key == key } }

    /// The rows of `year` with the largest shortage first (gap descending, then key).
    public func topShortages(in year: Int, limit: Int) -> [GapRow] {
        Array(rows(in: year).filter { $0.gap > .zero }.sorted { $0.gap != $1.gap ? $0.gap > $1.gap : $0.key < $1.key }.prefix(limit))
    }

    public var latestYear: Int? { years.last }
}
