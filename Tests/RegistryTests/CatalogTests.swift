import Testing
@testable import Registry

@Suite("Reference catalogues load from the data files")
struct CatalogTests {
    let catalog = ReferenceCatalog.shenzhen

    @Test func theProgramCatalogueHasEveryMajorOfEveryLevel() {
        // 358 secondary, 744 associate, 247 bachelor majors (shared/data/README.md)
        #expect(catalog.programs.majors(at: .secondary).count == 358)
        #expect(catalog.programs.majors(at: .associate).count == 744)
        #expect(catalog.programs.majors(at: .undergraduate).count == 247)
        #expect(catalog.programs["510201"]?.name.isEmpty == false)
    }

    @Test func industriesDistrictsAndOccupations() {
        #expect(catalog.industries.classes.count == 1_380)
        #expect(catalog.industries["6511"]?.name == "基础软件开发")
        #expect(catalog.divisions.cityName == "深圳市")
        #expect(Set(catalog.divisions.districts.keys) == ["440303", "440304", "440305", "440306", "440307", "440308", "440309", "440310", "440311"])
        #expect(catalog.divisions.streets.count == 79)
        #expect(catalog.occupations["2-02-10"] != nil)
        #expect(catalog.industryClusters.map(\.nameZh).contains("集成电路"))
        #expect(catalog.policyInstitutions.count == 6)
    }

    @Test func anotherCityLoadsItsOwnDistricts() throws {
        let guangzhou = try ReferenceCatalog.load(cityCode: "4401")
        #expect(guangzhou.divisions.cityName == "广州市")
        #expect(guangzhou.divisions.districts["440106"]?.name == "天河区")
        #expect(guangzhou.divisions.districts["440305"] == nil)
    }
}
