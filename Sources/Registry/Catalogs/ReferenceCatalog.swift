import Foundation
import Spreadsheet

/// Every reference list the registry validates against, loaded once from the data files in
/// `Resources/ReferenceData`. A city other than Shenzhen runs by naming its city code.
public struct ReferenceCatalog: Sendable {
    public let programs: ProgramCatalog
    public let industries: IndustryCatalog
    public let divisions: DivisionCatalog
    public let occupations: OccupationCatalog
    public let industryClusters: [IndustryCluster]
    public let policyInstitutions: [PolicyInstitution]

    public enum LoadError: Error, CustomStringConvertible {
        case missingFile(String)
        case unreadable(String, SpreadsheetError)
        case missingColumn(file: String, column: String)

        public var description: String {
            switch self {
            case .missingFile(let f): "reference data file \(f) is missing from the bundle"
            case .unreadable(let f, let e): "reference data file \(f): \(e.messageEn)"
            case .missingColumn(let f, let c): "reference data file \(f) has no column \(c)"
            }
        }
    }

    /// Loads the bundled reference data for the city with the given 4-digit code (4403 = 深圳).
    public static func load(cityCode: String = "4403") throws -> ReferenceCatalog {
        let programs = try ProgramCatalog(rows: table("vocational-2021-majors"))
        let industries = try IndustryCatalog(rows: table("gbt4754_2017_all_levels"))
        let divisions = try DivisionCatalog(
            cityCode: cityCode,
            cities: table("guangdong_cities"),
            counties: table("guangdong_counties"),
            streets: table("shenzhen_streets")
        )
        let occupations = try OccupationCatalog(categories: table("occupation_categories_2022"), details: table("occupations_detail_partial_2022"))
        let clusters = try table("industry_clusters").map {
            IndustryCluster(code: $0["code"], nameZh: $0["name_zh"], nameEn: $0["name_en"], clause: $0["clause"])
        }
        let institutions = try table("policy_institutions").map {
            PolicyInstitution(
                code: $0["code"], name: $0["name"], nameEn: $0["name_en"],
                kind: InstitutionKind(rawValue: $0["kind"]) ?? .higherVocational,
                ownership: InstitutionOwnership(rawValue: $0["ownership"]) ?? .publicOwned,
                districtCode: $0["district_code"], clause: $0["clause"]
            )
        }
        return ReferenceCatalog(
            programs: programs, industries: industries, divisions: divisions, occupations: occupations,
            industryClusters: clusters, policyInstitutions: institutions
        )
    }

    /// Loaded once per process; the files never change while it runs.
    public static let shenzhen: ReferenceCatalog = {
        do { return try load() } catch { fatalError("bundled reference data is broken: \(error)") }
    }()

    static func table(_ name: String) throws -> [NamedRow] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "ReferenceData"),
              let data = try? Data(contentsOf: url) else { throw LoadError.missingFile(name) }
        let table: Table
        do { table = try CSVReader.read(data) } catch { throw LoadError.unreadable(name, error) }
        let index = Dictionary(table.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return table.rows.map { NamedRow(file: name, index: index, cells: $0) }
    }
}

/// A reference-data row read by column name.
struct NamedRow {
    let file: String
    let index: [String: Int]
    let cells: [String]

    subscript(column: String) -> String {
        guard let i = index[column], i < cells.count else { return "" }
        return cells[i]
    }
}
