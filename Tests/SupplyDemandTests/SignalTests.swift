import Exact
import Testing
@testable import SupplyDemand

@Suite struct SignalTests {
    func market(_ demand: Int, _ supply: Fraction, previous: (Int, Fraction)? = nil, groups: [String] = ["4-04-05"]) -> MarketPosition {
        MarketPosition(catalogCode: "510201", occupationGroups: groups, year: 2025, demand: demand, supply: supply,
                       previousDemand: previous?.0, previousSupply: previous?.1)
    }

    @Test func expandNeedsTheRatioAndTheMinimumGap() {
        // 40 vs 12.5: ratio 3.2 ≥ 1.5, gap 27.5 ≥ 10.
        #expect(SignalDecision.decide(market(40, Fraction(25, 2))).signal == .expand)
        // 15 vs 10: ratio exactly 1.5 but gap 5 < 10: hold.
        #expect(SignalDecision.decide(market(15, 10)).signal == .hold)
        // 30 vs 20: ratio exactly 1.5, gap exactly 10: expand (both bounds inclusive).
        #expect(SignalDecision.decide(market(30, 20)).signal == .expand)
    }

    @Test func shrinkNeedsTwoLowYearsWhenTwoAreOnRecord() {
        // 10 vs 30: ratio 1/3 ≤ 1/2, surplus 20; no previous year: shrink.
        #expect(SignalDecision.decide(market(10, 30)).signal == .shrink)
        // Year before 20 vs 30 (2/3 > 1/2): only watch.
        let watch = SignalDecision.decide(market(10, 30, previous: (20, 30)))
        #expect(watch.signal == .hold)
        #expect(watch.reasonEn.contains("0.67"))
        // Year before 10 vs 25 (0.4): shrink.
        #expect(SignalDecision.decide(market(10, 30, previous: (10, 25))).signal == .shrink)
        // Year before had demand and no graduates: a shortage then, hold now.
        #expect(SignalDecision.decide(market(10, 30, previous: (5, .zero))).signal == .hold)
        // 10 vs 20: ratio 1/2 exactly, surplus exactly 10: shrink.
        #expect(SignalDecision.decide(market(10, 20)).signal == .shrink)
        // 10 vs 19: ratio 10/19 > 1/2: hold.
        #expect(SignalDecision.decide(market(10, 19)).signal == .hold)
    }

    @Test func demandWithoutGraduatesOpensANewProgram() {
        #expect(SignalDecision.decide(market(12, .zero)).signal == .openNew)
        #expect(SignalDecision.decide(market(9, .zero)).signal == .hold)
    }

    @Test func unmappedOrEmptyMarketsHaveNoData() {
        #expect(SignalDecision.decide(market(40, 10, groups: [])).signal == .noData)
        #expect(SignalDecision.decide(market(0, .zero)).signal == .noData)
    }

    @Test func thresholdsArePolicy() {
        let strict = SignalPolicy(expandRatio: Fraction(4), shrinkRatio: Fraction(1, 4), minimumGap: 1)
        #expect(SignalDecision.decide(market(40, Fraction(25, 2)), policy: strict).signal == .hold)
        #expect(SignalDecision.decide(market(2, .zero), policy: strict).signal == .openNew)
    }

    @Test func programSignalsReadTheCityMarket() throws {
        let table = GapTable(dimension: .occupation, demand: SmallCity.demand, supply: SmallCity.supply, map: SmallCity.map)
        let signals = ProgramSignals(table: table, map: SmallCity.map)
        let s2 = signals.signals(for: SmallCity.supply.filter { $0.institutionCode == "S2" }, year: 2025)
        #expect(s2.map(\.catalogCode) == ["460305", "510201"])
        // 510201's market: groups 4-04-05 + 2-02-10: demand 40 + 12 = 52, supply 12.5 + 12.5 = 25,
        // ratio 2.08, gap 27: expand. S2's 5 graduates are 5/25 = 1/5 of it.
        let program = try #require(s2.last)
        #expect(program.decision.market.demand == 52)
        #expect(program.decision.market.supply == Fraction(25))
        #expect(program.decision.signal == .expand)
        #expect(program.shareOfSupply == Fraction(1, 5))
        // 460305 → 6-25-04: 8 vs 30, surplus 22, ratio 4/15; 2024 on record with 0 vs 0 (no ratio,
        // no demand): shrink.
        #expect(s2.first?.decision.signal == .shrink)
        // 2024 market of 510201: demand 20, supply 9 + 9 = 18: hold.
        let city = signals.citySignals(for: SmallCity.supply, year: 2025)
        #expect(city.map(\.market.catalogCode) == ["460305", "510201", "530701"])
        #expect(city.last?.signal == .noData)
    }

    @Test func openingsAreForShortGroupsInClassesTheSchoolTeaches() {
        // 4-04-05 is short (40 vs 12.5). Map two more programs to it: 510202 (class 5102) and
        // 530801 (class 5308).
        let map = OccupationMap([("510201", "4-04-05"), ("510201", "2-02-10"), ("460305", "6-25-04"), ("510202", "4-04-05"), ("530801", "4-04-05")])
        let table = GapTable(dimension: .occupation, demand: SmallCity.demand, supply: SmallCity.supply, map: map)
        let signals = ProgramSignals(table: table, map: map)
        // S1 runs 510201 and 530701: classes 5102 and 5307. 510202 is in 5102; 530801 is not in 5307.
        let openings = signals.openings(forInstitutionRunning: ["510201", "530701"], year: 2025)
        #expect(openings.map(\.catalogCode) == ["510202"])
        #expect(openings.first?.occupationGroup == "4-04-05")
        // No group has demand and no graduates at all, so the city has nothing to open from scratch.
        #expect(signals.cityOpenings(in: 2025).isEmpty)
        let robots = [DemandFact(occupationGroup: "6-31-01", districtCode: "440305", industryCluster: nil, year: 2025, headcount: 25)]
        let withRobots = ProgramSignals(table: GapTable(dimension: .occupation, demand: SmallCity.demand + robots, supply: SmallCity.supply, map: map), map: map)
        let city = withRobots.cityOpenings(in: 2025)
        #expect(city.map(\.row.key) == ["6-31-01"])
        #expect(city.first?.programs == [])
    }
}
