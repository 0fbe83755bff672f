/// 企业: an enterprise that cooperates with schools, hosts interns or posts demand.
public struct EnterpriseRecord: RegistryRecord, Hashable {
    public var creditCode: String
    public var name: String
    public var employees: Int
    /// 规模以上企业
    public var aboveScale: Bool
    public var industryCode: String
    public var districtCode: String
    public var integrationStatus: IntegrationStatus

    public static let fields: [FieldSpec] = [
        FieldSpec("creditCode", "统一社会信用代码", .text(maxLength: 18), "统一社会信用代码 (GB 32100)"),
        FieldSpec("name", "企业名称", .text(maxLength: 100), "Registered name"),
        FieldSpec("employees", "职工人数", .integer(min: 0, max: 10_000_000), "Number of employees"),
        FieldSpec("aboveScale", "规模以上", .boolean, "规模以上 (above designated size)"),
        FieldSpec("industryCode", "行业代码", .code(maxLength: 4), "GB/T 4754-2017 industry code"),
        FieldSpec("districtCode", "所在区", .code(maxLength: 6), "District division code"),
        .choice("integrationStatus", "产教融合型企业", IntegrationStatus.self, "产教融合型企业 status"),
    ]

    public static func validate(_ v: FieldValues, catalog: ReferenceCatalog, today: CivilDate) -> Result<Self, ValidationFailure> {
        var r = FieldReader()
        var creditCode: String?
        if let text = r.required("creditCode", v["creditCode"], maxLength: 18) {
            do { creditCode = try UnifiedSocialCreditCode(text).value } catch { r.fail(error.fieldError("creditCode")) }
        }
        let name = r.required("name", v["name"], maxLength: 100)
        let employees = r.integer("employees", v["employees"], min: 0, max: 10_000_000)
        let aboveScale = r.flag("aboveScale", v["aboveScale"])
        var industry: String?
        if let text = r.required("industryCode", v["industryCode"], maxLength: 4) {
            if catalog.industries[text] != nil { industry = text } else { r.fail(.notInList("industryCode", value: text, list: "GB/T 4754-2017")) }
        }
        let district = r.district("districtCode", v["districtCode"], catalog: catalog)
        let status = r.choice("integrationStatus", v["integrationStatus"], as: IntegrationStatus.self)
        guard r.errors.isEmpty, let creditCode, let name, let employees, let aboveScale, let industry, let district, let status else {
            return .failure(.init(r.errors))
        }
        return .success(EnterpriseRecord(creditCode: creditCode, name: name, employees: employees, aboveScale: aboveScale, industryCode: industry, districtCode: district, integrationStatus: status))
    }
}
