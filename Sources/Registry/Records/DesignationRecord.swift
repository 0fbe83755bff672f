/// 认定与建设项目: one named thing the policy counts — a school designated national
/// high-quality, a studio built, a talent brought in — with the date it was designated or
/// completed and the document that did it.
public struct DesignationRecord: RegistryRecord, Hashable {
    public var code: String
    public var kind: DesignationKind
    public var name: String
    /// The school it belongs to (required for a 5G smart campus or a school designation).
    public var institutionCode: String?
    /// The enterprise that runs it or co-builds it.
    public var enterpriseCode: String?
    /// Where it is, when it belongs to neither a school nor an enterprise.
    public var districtCode: String?
    public var designatedOn: CivilDate
    /// 文号 of the designating document.
    public var document: String?

    public static let fields: [FieldSpec] = [
        FieldSpec("code", "项目编号", .text(maxLength: 30), "Registry number of the entry"),
        .choice("kind", "项目类别", DesignationKind.self, "What it is"),
        FieldSpec("name", "项目名称", .text(maxLength: 200), "Name (a studio, a team, a person's title entry)"),
        FieldSpec("institutionCode", "机构代码", .text(maxLength: 20), required: false, "The school it belongs to"),
        FieldSpec("enterpriseCode", "统一社会信用代码", .text(maxLength: 18), required: false, "The enterprise that runs or co-builds it"),
        FieldSpec("districtCode", "所在区", .code(maxLength: 6), required: false, "District, when it has no school or enterprise"),
        FieldSpec("designatedOn", "认定日期", .text(maxLength: 10), "Date designated or completed, YYYY-MM-DD"),
        FieldSpec("document", "认定文号", .text(maxLength: 100), required: false, "Number of the designating document"),
    ]

    public static func validate(_ v: FieldValues, catalog: ReferenceCatalog, today: CivilDate) -> Result<Self, ValidationFailure> {
        var r = FieldReader()
        let code = r.required("code", v["code"], maxLength: 30)
        let kind = r.choice("kind", v["kind"], as: DesignationKind.self)
        let name = r.required("name", v["name"], maxLength: 200)
        let institution = r.optional("institutionCode", v["institutionCode"], maxLength: 20)
        var enterprise: String?
        if let text = r.optional("enterpriseCode", v["enterpriseCode"], maxLength: 18) {
            do { enterprise = try UnifiedSocialCreditCode(text).value } catch { r.fail(error.fieldError("enterpriseCode")) }
        }
        var district: String?
        if r.optional("districtCode", v["districtCode"]) != nil { district = r.district("districtCode", v["districtCode"], catalog: catalog) }
        if let kind, kind.needsInstitution, institution == nil {
            r.fail(FieldError(field: "institutionCode", zh: "“\(kind.labelZh)”必须填写所属学校", en: "a \(kind.labelEn) belongs to a school: give its code"))
        }
        let date = r.date("designatedOn", v["designatedOn"])
        if let date, date > today {
            r.fail(FieldError(field: "designatedOn", zh: "认定日期不能晚于今天", en: "must not be in the future"))
        }
        let document = r.optional("document", v["document"], maxLength: 100)
        guard r.errors.isEmpty, let code, let kind, let name, let date else { return .failure(.init(r.errors)) }
        return .success(DesignationRecord(code: code, kind: kind, name: name, institutionCode: institution, enterpriseCode: enterprise,
                                          districtCode: district, designatedOn: date, document: document))
    }
}
