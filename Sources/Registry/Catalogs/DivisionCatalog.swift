/// 行政区划代码 for the deployment city: its districts (区) and streets (街道), and the
/// province's cities and counties for places of origin.
public struct DivisionCatalog: Sendable {
    public struct Division: Sendable, Hashable {
        public let code: String
        public let name: String
    }

    public let cityCode: String
    public let cityName: String
    /// The districts of the deployment city, by 6-digit code.
    public let districts: [String: Division]
    /// Streets of the deployment city, by 9-digit code (Shenzhen's list is bundled).
    public let streets: [String: Division]
    /// Every county-level division of the province, by 6-digit code.
    public let counties: [String: Division]

    init(cityCode: String, cities: [NamedRow], counties: [NamedRow], streets: [NamedRow]) {
        self.cityCode = cityCode
        cityName = cities.first { $0["code"] == cityCode }?["name"] ?? cityCode
        var all: [String: Division] = [:]
        var districts: [String: Division] = [:]
        for row in counties {
            let d = Division(code: row["code"], name: row["name"])
            all[d.code] = d
            if row["cityCode"] == cityCode { districts[d.code] = d }
        }
        self.counties = all
        self.districts = districts
        var streetMap: [String: Division] = [:]
        for row in streets where row["cityCode"] == cityCode {
            streetMap[row["code"]] = Division(code: row["code"], name: row["name"])
        }
        self.streets = streetMap
    }

    /// Districts sorted by code, for pickers and the demo city.
    public var sortedDistricts: [Division] { districts.values.sorted { $0.code < $1.code } }
}
