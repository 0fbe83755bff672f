import Registry

/// A coded column whose values come from a reference catalogue, offered as a drop-down in the
/// registry's workbooks: the city's districts (by name, which the importer takes as well as the
/// code) and the program catalogue's codes (with the program's name beside each on the sheet
/// of lists).
enum CodeList: Equatable {
    /// 所在区 / 工作地区: the city's districts.
    case district
    /// 专业代码: 职业教育专业目录（2021）.
    case program

    static func of(_ field: FieldSpec) -> CodeList? {
        guard case .code = field.kind else { return nil }
        switch field.name {
        case "districtCode": return .district
        case "programCode", "catalogCode": return .program
        default: return nil
        }
    }

    /// The drop-down's values in catalogue order, each with what it means.
    func choices(_ catalog: ReferenceCatalog) -> [(value: String, note: String)] {
        switch self {
        case .district:
            catalog.divisions.sortedDistricts.map { ($0.name, $0.code) }
        case .program:
            catalog.programs.entries.values.sorted { $0.code < $1.code }.map { ($0.code, $0.name) }
        }
    }
}
