/// 院校: a school in the registry.
public struct InstitutionRecord: RegistryRecord, Hashable {
    public var code: String
    public var name: String
    public var nameEn: String?
    public var kind: InstitutionKind
    public var ownership: InstitutionOwnership
    public var districtCode: String
    /// 学校标识码 (10 digits, from the MOE), when known.
    public var moeCode: String?

    public static let fields: [FieldSpec] = [
        FieldSpec("code", "机构代码", .text(maxLength: 20), "Registry code: capitals, digits and hyphens"),
        FieldSpec("name", "学校名称", .text(maxLength: 100), "Name in Chinese"),
        FieldSpec("nameEn", "英文名称", .text(maxLength: 200), required: false, "Name in English"),
        .choice("kind", "院校类型", InstitutionKind.self, "Kind of institution"),
        .choice("ownership", "办学性质", InstitutionOwnership.self, "Public or private"),
        FieldSpec("districtCode", "所在区", .code(maxLength: 6), "District division code (行政区划代码)"),
        FieldSpec("moeCode", "学校标识码", .text(maxLength: 10), required: false, "MOE school identifier, 10 digits"),
    ]

    public static func validate(_ v: FieldValues, catalog: ReferenceCatalog, today: CivilDate) -> Result<Self, ValidationFailure> {
        var r = FieldReader()
        let code = r.required("code", v["code"], maxLength: 20)
        if let code, !code.allSatisfy({ $0.isASCIIDigit || $0.isASCIIUpperLetter || $0 == "-" }) || code.count < 2 {
            r.fail(FieldError(field: "code", zh: "机构代码只能包含大写字母、数字和连字符，至少2位", en: "must be at least 2 capitals, digits or hyphens"))
        }
        let name = r.required("name", v["name"], maxLength: 100)
        let nameEn = r.optional("nameEn", v["nameEn"], maxLength: 200)
        let kind = r.choice("kind", v["kind"], as: InstitutionKind.self)
        let ownership = r.choice("ownership", v["ownership"], as: InstitutionOwnership.self)
        let district = r.district("districtCode", v["districtCode"], catalog: catalog)
        let moe = r.optional("moeCode", v["moeCode"], maxLength: 10)
        if let moe, moe.count != 10 || !moe.allSatisfy(\.isASCIIDigit) {
            r.fail(FieldError(field: "moeCode", zh: "学校标识码应为10位数字", en: "must be 10 digits"))
        }
        guard r.errors.isEmpty, let code, let name, let kind, let ownership, let district else { return .failure(.init(r.errors)) }
        return .success(InstitutionRecord(code: code, name: name, nameEn: nameEn, kind: kind, ownership: ownership, districtCode: district, moeCode: moe))
    }


    public init(code: String, name: String, nameEn: String?, kind: InstitutionKind, ownership: InstitutionOwnership, districtCode: String, moeCode: String?) {
        self.code = code
        self.name = name
        self.nameEn = nameEn
        self.kind = kind
        self.ownership = ownership
        self.districtCode = districtCode
        self.moeCode = moeCode
    }
}

extension FieldReader {
    /// A district of the deployment city, by 6-digit code or by name (南山区).
    public mutating func district(_ field: String, _ value: String?, catalog: ReferenceCatalog) -> String? {
        guard let text = required(field, value) else { return nil }
        if catalog.divisions.districts[text] != nil { return text }
        if let byName = catalog.divisions.districts.values.first(where: { $0.name == text }) { return byName.code }
        fail(.notInList(field, value: text, list: "\(catalog.divisions.cityName)行政区划代码 district code"))
        return nil
    }
}
