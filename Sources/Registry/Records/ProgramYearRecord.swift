/// 专业年度招生与毕业: how many students a program at an institution enrolled and graduated in
/// a year. Graduates are the supply side of the gap analytics.
public struct ProgramYearRecord: RegistryRecord, Hashable {
    public var institutionCode: String
    public var catalogCode: String
    public var year: Int
    public var enrolled: Int
    public var graduated: Int

    public static let fields: [FieldSpec] = [
        FieldSpec("institutionCode", "机构代码", .text(maxLength: 20), "Code of the institution"),
        FieldSpec("catalogCode", "专业代码", .code(maxLength: 7), "Catalogue code of a program the institution runs"),
        FieldSpec("year", "年度", .integer(min: 2000, max: 2100), "School year (the calendar year it ends in)"),
        FieldSpec("enrolled", "招生人数", .integer(min: 0, max: 100_000), "Students enrolled that year"),
        FieldSpec("graduated", "毕业人数", .integer(min: 0, max: 100_000), "Students graduated that year"),
    ]

    public static func validate(_ v: FieldValues, catalog: ReferenceCatalog, today: CivilDate) -> Result<Self, ValidationFailure> {
        var r = FieldReader()
        let institution = r.required("institutionCode", v["institutionCode"], maxLength: 20)
        let program = r.program("catalogCode", v["catalogCode"], catalog: catalog)
        let year = r.year("year", v["year"], min: 2000, max: today.year + 1, acceptingDates: false)
        let enrolled = r.integer("enrolled", v["enrolled"], min: 0, max: 100_000)
        let graduated = r.integer("graduated", v["graduated"], min: 0, max: 100_000)
        guard r.errors.isEmpty, let institution, let program, let year, let enrolled, let graduated else { return .failure(.init(r.errors)) }
        return .success(ProgramYearRecord(institutionCode: institution, catalogCode: program.code, year: year, enrolled: enrolled, graduated: graduated))
    }
}
