/// 专业群: a group of programs at one institution built to serve one industry cluster.
public struct ProgramClusterRecord: RegistryRecord, Hashable {
    public var institutionCode: String
    public var name: String
    public var industryCluster: String

    public static let fields: [FieldSpec] = [
        FieldSpec("institutionCode", "机构代码", .text(maxLength: 20), "Code of the institution"),
        FieldSpec("name", "专业群名称", .text(maxLength: 100), "Name of the program cluster"),
        FieldSpec("industryCluster", "对接产业集群", .code(maxLength: 40), "Industry cluster code it serves"),
    ]

    public static func validate(_ v: FieldValues, catalog: ReferenceCatalog, today: CivilDate) -> Result<Self, ValidationFailure> {
        var r = FieldReader()
        let institution = r.required("institutionCode", v["institutionCode"], maxLength: 20)
        let name = r.required("name", v["name"], maxLength: 100)
        var cluster: String?
        if let text = r.required("industryCluster", v["industryCluster"], maxLength: 40) {
            cluster = catalog.industryClusters.first { $0.code == text || $0.nameZh == text }?.code
            if cluster == nil { r.fail(.notInList("industryCluster", value: text, list: "产业集群 industry cluster")) }
        }
        guard r.errors.isEmpty, let institution, let name, let cluster else { return .failure(.init(r.errors)) }
        return .success(ProgramClusterRecord(institutionCode: institution, name: name, industryCluster: cluster))
    }

}
