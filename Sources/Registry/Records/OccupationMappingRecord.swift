/// 专业对应职业: a catalogue program prepares for an occupation group (小类). The city keeps
/// this table; a program may map to several groups, and its graduates are shared equally
/// among them in the gap analytics. (The bundled 2021 catalogue carries no such mapping, so
/// the table starts empty in a new deployment.)
public struct OccupationMappingRecord: RegistryRecord, Hashable {
    public var catalogCode: String
    public var programName: String
    /// 小类 code.
    public var occupationCode: String
    public var occupationName: String

    public static let fields: [FieldSpec] = [
        FieldSpec("catalogCode", "专业代码", .code(maxLength: 7), "职业教育专业目录（2021）program code"),
        FieldSpec("occupationCode", "职业小类代码", .code(maxLength: 12), "职业分类大典（2022）小类 code the program prepares for (a 细类 code maps to its 小类)"),
    ]

    public static func validate(_ v: FieldValues, catalog: ReferenceCatalog, today: CivilDate) -> Result<Self, ValidationFailure> {
        var r = FieldReader()
        let program = r.program("catalogCode", v["catalogCode"], catalog: catalog)
        let occupation = r.occupation("occupationCode", v["occupationCode"], catalog: catalog)
        guard r.errors.isEmpty, let program, let occupation else { return .failure(.init(r.errors)) }
        let group = occupation.smallGroup
        return .success(OccupationMappingRecord(
            catalogCode: program.code, programName: program.name, occupationCode: group,
            occupationName: catalog.occupations[group]?.name ?? occupation.name
        ))
    }
}
