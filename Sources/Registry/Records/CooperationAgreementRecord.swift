/// 校企合作协议: an agreement between an institution and an enterprise (an industry college,
/// an order class, a training base, an apprenticeship), with its dates and terms. Checked
/// against the city's negative list (校企合作负面清单).
public struct CooperationAgreementRecord: RegistryRecord, Hashable {
    public var institutionCode: String
    public var enterpriseCode: String
    public var kind: CooperationKind
    public var title: String
    public var startDate: CivilDate
    public var endDate: CivilDate
    /// The agreement's terms as text (the clauses that matter for the negative list).
    public var terms: String?

    public static let fields: [FieldSpec] = [
        FieldSpec("institutionCode", "机构代码", .text(maxLength: 20), "Code of the institution"),
        FieldSpec("enterpriseCode", "统一社会信用代码", .text(maxLength: 18), "The enterprise's 统一社会信用代码"),
        .choice("kind", "合作形式", CooperationKind.self, "Form of cooperation"),
        FieldSpec("title", "协议名称", .text(maxLength: 200), "Title of the agreement"),
        FieldSpec("startDate", "开始日期", .text(maxLength: 10), "First day, YYYY-MM-DD"),
        FieldSpec("endDate", "结束日期", .text(maxLength: 10), "Last day, YYYY-MM-DD"),
        FieldSpec("terms", "协议条款", .text(maxLength: 8000), required: false, "The agreement's terms as text"),
    ]

    public static func validate(_ v: FieldValues, catalog: ReferenceCatalog, today: CivilDate) -> Result<Self, ValidationFailure> {
        var r = FieldReader()
        let institution = r.required("institutionCode", v["institutionCode"], maxLength: 20)
        var enterprise: String?
        if let text = r.required("enterpriseCode", v["enterpriseCode"], maxLength: 18) {
            do { enterprise = try UnifiedSocialCreditCode(text).value } catch { r.fail(error.fieldError("enterpriseCode")) }
        }
        let kind = r.choice("kind", v["kind"], as: CooperationKind.self)
        let title = r.required("title", v["title"], maxLength: 200)
        let start = r.date("startDate", v["startDate"])
        let end = r.date("endDate", v["endDate"])
        if let start, let end, end < start {
            r.fail(FieldError(field: "endDate", zh: "结束日期不能早于开始日期", en: "must not be before startDate"))
        }
        let terms = r.optional("terms", v["terms"], maxLength: 8000)
        guard r.errors.isEmpty, let institution, let enterprise, let kind, let title, let start, let end else { return .failure(.init(r.errors)) }
        return .success(CooperationAgreementRecord(
            institutionCode: institution, enterpriseCode: enterprise, kind: kind, title: title, startDate: start, endDate: end, terms: terms
        ))
    }
}
