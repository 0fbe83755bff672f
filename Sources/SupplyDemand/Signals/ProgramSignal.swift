import Exact

/// The signal for one program at one institution, with the institution's own numbers beside
/// the market's.
public struct ProgramSignal: Sendable, Hashable, Codable {
    public var institutionCode: String
    public var catalogCode: String
    public var year: Int
    public var enrolled: Int
    public var graduated: Int
    public var decision: SignalDecision

    /// The institution's share of the graduates the program's market counts.
    public var shareOfSupply: Fraction? {
        guard decision.market.supply > .zero, !decision.market.occupationGroups.isEmpty else { return nil }
        // All of a program's graduates are allocated to its own groups, so they all sit in
        // its market's supply.
        return Fraction(graduated) / decision.market.supply
    }
}

/// A program an institution (or the city) does not run and should consider opening, with the
/// occupation group short of graduates that suggests it.
public struct OpeningSuggestion: Sendable, Hashable, Codable {
    public var catalogCode: String
    public var occupationGroup: String
    public var year: Int
    public var demand: Int
    public var supply: Fraction
    /// Why, bilingual.
    public var reasonZh: String
    public var reasonEn: String
}

/// Signals for every program of the city or of one institution, from the occupation gap table.
public struct ProgramSignals: Sendable {
    public let table: GapTable
    public let map: OccupationMap
    public let policy: SignalPolicy

    public init(table: GapTable, map: OccupationMap, policy: SignalPolicy = SignalPolicy()) {
        precondition(table.dimension == .occupation, "program signals read the occupation gap table")
        self.table = table
        self.map = map
        self.policy = policy
    }

    /// One signal per program-year fact of `year` (for one institution, pass only its facts).
    public func signals(for supply: [SupplyFact], year: Int) -> [ProgramSignal] {
        var markets: [String: SignalDecision] = [:]
        return supply.filter { $0.year == year }.map { fact in
            let decision = markets[fact.catalogCode] ?? SignalDecision.decide(MarketPosition.of(fact.catalogCode, year: year, occupations: table, map: map), policy: policy)
            markets[fact.catalogCode] = decision
            return ProgramSignal(institutionCode: fact.institutionCode, catalogCode: fact.catalogCode, year: year, enrolled: fact.enrolled, graduated: fact.graduated, decision: decision)
        }.sorted { ($0.institutionCode, $0.catalogCode) < ($1.institutionCode, $1.catalogCode) }
    }

    /// City-wide: one decision per catalogue code that has graduates in `year`.
    public func citySignals(for supply: [SupplyFact], year: Int) -> [SignalDecision] {
        Set(supply.filter { $0.year == year }.map(\.catalogCode)).sorted().map {
            SignalDecision.decide(MarketPosition.of($0, year: year, occupations: table, map: map), policy: policy)
        }
    }

    /// Occupation groups short of graduates in `year`: demand at least the minimum gap with no
    /// graduates, or at or above the expand ratio.
    public func shortages(in year: Int) -> [GapRow] {
        table.rows(in: year).filter { row in
            guard row.gap >= Fraction(policy.minimumGap) else { return false }
            guard let ratio = row.ratio else { return true }
            return ratio >= policy.expandRatio
        }.sorted { $0.gap != $1.gap ? $0.gap > $1.gap : $0.key < $1.key }
    }

    /// City-wide: occupation groups with demand and no graduates at all, each with the
    /// catalogue programs mapped to it (empty: no program prepares for it yet).
    public func cityOpenings(in year: Int) -> [(row: GapRow, programs: [String])] {
        shortages(in: year).filter { $0.supply.isZero }.map { ($0, map.programs(for: $0.key)) }
    }

    /// For one institution: catalogue programs it does not run, mapped to an occupation group
    /// short of graduates, and in a 专业类 (the code's first four digits) it already teaches —
    /// programs it could open with the staff and equipment it has.
    public func openings(forInstitutionRunning running: Set<String>, year: Int) -> [OpeningSuggestion] {
        let classes = Set(running.map { String($0.prefix(4)) })
        var seen: Set<String> = []
        var out: [OpeningSuggestion] = []
        for row in shortages(in: year) {
            for code in map.programs(for: row.key) where !running.contains(code) && classes.contains(String(code.prefix(4))) && !seen.contains(code) {
                seen.insert(code)
                let s = row.supply.decimal(places: 1)
                out.append(OpeningSuggestion(
                    catalogCode: code, occupationGroup: row.key, year: year, demand: row.demand, supply: row.supply,
                    reasonZh: "职业小类\(row.key)需求\(row.demand)人、毕业生\(s)人；本校已开设同一专业类（\(code.prefix(4))）的专业",
                    reasonEn: "occupation group \(row.key): demand \(row.demand), graduates \(s); the institution already runs programs of class \(code.prefix(4))"
                ))
            }
        }
        return out
    }
}
