import Exact
import Testing
@testable import SupplyDemand

/// A small city worked by hand.
///
/// Mapping: 510201 → 4-04-05 and 2-02-10 (shared, half each); 460305 → 6-25-04; 530701 unmapped.
///
/// 2025 demand: 4-04-05 in 440305 (cluster next_gen_ict) 30 + 10 = 40; 2-02-10 in 440306 (none) 12;
///              6-25-04 in 440305 (intelligent_equipment) 8.
/// 2025 supply: S1 (440305, next_gen_ict) 510201 graduated 20; S2 (440306, none) 510201 graduated 5;
///              S2 460305 graduated 30 (intelligent_equipment); S1 530701 graduated 7 (unmapped).
/// 2024: 4-04-05 demand 20 in 440305; S1 510201 graduated 18.
enum SmallCity {
    static let map = OccupationMap([("510201", "4-04-05"), ("510201", "2-02-10"), ("460305", "6-25-04")])

    static let demand = [
        DemandFact(occupationGroup: "4-04-05", districtCode: "440305", industryCluster: "next_gen_ict", year: 2025, headcount: 30),
        DemandFact(occupationGroup: "4-04-05", districtCode: "440305", industryCluster: "next_gen_ict", year: 2025, headcount: 10),
        DemandFact(occupationGroup: "2-02-10", districtCode: "440306", industryCluster: nil, year: 2025, headcount: 12),
        DemandFact(occupationGroup: "6-25-04", districtCode: "440305", industryCluster: "intelligent_equipment", year: 2025, headcount: 8),
        DemandFact(occupationGroup: "4-04-05", districtCode: "440305", industryCluster: "next_gen_ict", year: 2024, headcount: 20),
    ]

    static let supply = [
        SupplyFact(institutionCode: "S1", catalogCode: "510201", districtCode: "440305", industryCluster: "next_gen_ict", year: 2025, enrolled: 40, graduated: 20),
        SupplyFact(institutionCode: "S2", catalogCode: "510201", districtCode: "440306", industryCluster: nil, year: 2025, enrolled: 10, graduated: 5),
        SupplyFact(institutionCode: "S2", catalogCode: "460305", districtCode: "440306", industryCluster: "intelligent_equipment", year: 2025, enrolled: 30, graduated: 30),
        SupplyFact(institutionCode: "S1", catalogCode: "530701", districtCode: "440305", industryCluster: nil, year: 2025, enrolled: 9, graduated: 7),
        SupplyFact(institutionCode: "S1", catalogCode: "510201", districtCode: "440305", industryCluster: "next_gen_ict", year: 2024, enrolled: 40, graduated: 18),
    ]
}

@Suite struct GapTableTests {
    @Test func byOccupationSharesGraduatesAmongMappedGroups() throws {
        let table = GapTable(dimension: .occupation, demand: SmallCity.demand, supply: SmallCity.supply, map: SmallCity.map)
        #expect(table.years == [2024, 2025])
        let rows = Dictionary(uniqueKeysWithValues: table.rows(in: 2025).map { ($0.key, $0) })
        // 4-04-05: demand 40; supply (20 + 5) / 2 = 12.5; gap 27.5; ratio 40 / 12.5 = 16/5.
        let software = try #require(rows["4-04-05"])
        #expect(software.demand == 40)
        #expect(software.supply == Fraction(25, 2))
        #expect(software.gap == Fraction(55, 2))
        #expect(software.ratio == Fraction(16, 5))
        // 2024: demand 20, supply 18 / 2 = 9, gap 11; change 27.5 − 11 = 16.5.
        #expect(software.previousDemand == 20)
        #expect(software.previousSupply == Fraction(9))
        #expect(software.gapChange == Fraction(33, 2))
        // 2-02-10: demand 12, supply 12.5, gap −0.5.
        #expect(rows["2-02-10"]?.gap == Fraction(-1, 2))
        // 6-25-04: demand 8, supply 30, ratio 4/15.
        #expect(rows["6-25-04"]?.ratio == Fraction(4, 15))
        #expect(table.unmappedGraduates == [2025: 7])
        #expect(table.unmappedPrograms == ["530701"])
    }

    @Test func everyViewOfAYearAddsUpToTheSameTotals() {
        let views = GapDimension.allCases.map { GapTable(dimension: $0, demand: SmallCity.demand, supply: SmallCity.supply, map: SmallCity.map) }
        for year in [2024, 2025] {
            let totals = views.map { view in
                view.rows(in: year).reduce((0, Fraction.zero)) { ($0.0 + $1.demand, $0.1 + $1.supply) }
            }
            // 2025: demand 60, mapped graduates 20 + 5 + 30 = 55 (the 7 unmapped are left out).
            #expect(totals.allSatisfy { $0.0 == (year == 2025 ? 60 : 20) })
            #expect(totals.allSatisfy { $0.1 == Fraction(year == 2025 ? 55 : 18) })
        }
    }

    @Test func byDistrictAndCluster() {
        let districts = GapTable(dimension: .district, demand: SmallCity.demand, supply: SmallCity.supply, map: SmallCity.map)
        let d = Dictionary(uniqueKeysWithValues: districts.rows(in: 2025).map { ($0.key, $0) })
        // 440305: demand 40 + 8 = 48, graduates 20 (S1's mapped program); 440306: 12 vs 5 + 30.
        #expect(d["440305"]?.demand == 48)
        #expect(d["440305"]?.supply == Fraction(20))
        #expect(d["440306"]?.gap == Fraction(-23))
        let clusters = GapTable(dimension: .industryCluster, demand: SmallCity.demand, supply: SmallCity.supply, map: SmallCity.map)
        let c = Dictionary(uniqueKeysWithValues: clusters.rows(in: 2025).map { ($0.key, $0) })
        #expect(c["next_gen_ict"]?.demand == 40)
        #expect(c["next_gen_ict"]?.supply == Fraction(20))
        #expect(c[GapDimension.noCluster]?.demand == 12)
        #expect(c[GapDimension.noCluster]?.supply == Fraction(5))
        #expect(c["intelligent_equipment"]?.gap == Fraction(-22))
    }

    @Test func aKeyWithNothingInAYearStillHasARowAndNoRatio() {
        let table = GapTable(dimension: .occupation, demand: SmallCity.demand, supply: SmallCity.supply, map: SmallCity.map)
        let row = table.rows(in: 2024).first { $0.key == "6-25-04" }
        #expect(row?.demand == 0)
        #expect(row?.supply == .zero)
        #expect(row?.ratio == nil)
        #expect(row?.previousDemand == nil)
        #expect(table.series(of: "4-04-05").map(\.year) == [2024, 2025])
        #expect(table.topShortages(in: 2025, limit: 5).map(\.key) == ["4-04-05"])
    }

    @Test func anEmptyCityHasNoRows() {
        let table = GapTable(dimension: .occupation, demand: [], supply: [], map: OccupationMap([]))
        #expect(table.rows.isEmpty)
        #expect(table.latestYear == nil)
    }

    @Test func aGapInTheYearsLeavesNoPreviousYear() {
        let demand = [DemandFact(occupationGroup: "4-04-05", districtCode: "440305", industryCluster: nil, year: 2022, headcount: 5),
                      DemandFact(occupationGroup: "4-04-05", districtCode: "440305", industryCluster: nil, year: 2025, headcount: 9)]
        let table = GapTable(dimension: .occupation, demand: demand, supply: [], map: OccupationMap([]))
        #expect(table.rows(in: 2025).first?.previousDemand == nil)
    }
}
