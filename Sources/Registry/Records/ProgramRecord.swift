/// 专业: a program an institution runs, identified by its 2021 catalogue code.
public struct ProgramRecord: RegistryRecord, Hashable {
    public var institutionCode: String
    public var catalogCode: String
    public var name: String
    public var level: EducationLevel
    /// The program cluster (by name) at the same institution, if any.
    public var clusterName: String?
    public var startYear: Int?
    /// Skills the program teaches (lower-cased terms), set against the skills demand asks for.
    public var skillsTaught: [String] = []

    public static let fields: [FieldSpec] = [
        FieldSpec("institutionCode", "机构代码", .text(maxLength: 20), "Code of the institution"),
        FieldSpec("catalogCode", "专业代码", .code(maxLength: 7), "职业教育专业目录（2021）code: 6 digits, with a K suffix for nationally controlled programs"),
        FieldSpec("name", "专业名称", .text(maxLength: 100), required: false, "Name; defaults to the catalogue name"),
        FieldSpec("clusterName", "所属专业群", .text(maxLength: 100), required: false, "Program cluster at the same institution"),
        FieldSpec("startYear", "开设年份", .integer(min: 1950, max: 2100), required: false, "Year the program opened"),
        FieldSpec("skillsTaught", "教授技能", .text(maxLength: 2000), required: false, "Skills the program teaches, separated by ; or 、"),
    ]

    public static func validate(_ v: FieldValues, catalog: ReferenceCatalog, today: CivilDate) -> Result<Self, ValidationFailure> {
        var r = FieldReader()
        let institution = r.required("institutionCode", v["institutionCode"], maxLength: 20)
        let entry = r.program("catalogCode", v["catalogCode"], catalog: catalog)
        let name = r.optional("name", v["name"], maxLength: 100)
        let cluster = r.optional("clusterName", v["clusterName"], maxLength: 100)
        var startYear: Int?
        if r.optional("startYear", v["startYear"]) != nil {
            startYear = r.year("startYear", v["startYear"], min: 1950, max: today.year + 1)
        }
        let skills = r.skills("skillsTaught", v["skillsTaught"])
        guard r.errors.isEmpty, let institution, let entry else { return .failure(.init(r.errors)) }
        return .success(ProgramRecord(institutionCode: institution, catalogCode: entry.code, name: name ?? entry.name, level: entry.level, clusterName: cluster, startYear: startYear, skillsTaught: skills))
    }

}

extension FieldReader {
    /// A major code from the 2021 catalogue.
    public mutating func program(_ field: String, _ value: String?, catalog: ReferenceCatalog) -> ProgramCatalog.Entry? {
        guard let text = required(field, value, maxLength: 7) else { return nil }
        guard let entry = catalog.programs[text] else {
            fail(.notInList(field, value: text, list: "职业教育专业目录（2021）program catalogue"))
            return nil
        }
        return entry
    }
}
