/// 经费投入: one recorded amount spent on vocational education, in fen, counted against the
/// plan's ¥10 bn (clause (十九)).
public struct SpendingRecord: RegistryRecord, Hashable {
    public var code: String
    public var spentOn: CivilDate
    /// 分; ¥1 = 100.
    public var amountFen: Int
    public var source: SpendingSource
    public var purpose: String
    public var districtCode: String?
    public var institutionCode: String?

    public static let fields: [FieldSpec] = [
        FieldSpec("code", "凭证编号", .text(maxLength: 30), "Number of the spending entry"),
        FieldSpec("spentOn", "拨付日期", .text(maxLength: 10), "Date paid, YYYY-MM-DD"),
        FieldSpec("amountFen", "金额（分）", .integer(min: 1, max: 10_000_000_000_000), "Amount in fen (¥1 = 100)"),
        .choice("source", "经费来源", SpendingSource.self, "Where the money came from"),
        FieldSpec("purpose", "用途", .text(maxLength: 300), "What it paid for"),
        FieldSpec("districtCode", "所在区", .code(maxLength: 6), required: false, "District it was spent in"),
        FieldSpec("institutionCode", "机构代码", .text(maxLength: 20), required: false, "School it was spent on"),
    ]

    public static func validate(_ v: FieldValues, catalog: ReferenceCatalog, today: CivilDate) -> Result<Self, ValidationFailure> {
        var r = FieldReader()
        let code = r.required("code", v["code"], maxLength: 30)
        let date = r.date("spentOn", v["spentOn"])
        let amount = r.integer("amountFen", v["amountFen"], min: 1, max: 10_000_000_000_000)
        let source = r.choice("source", v["source"], as: SpendingSource.self)
        let purpose = r.required("purpose", v["purpose"], maxLength: 300)
        var district: String?
        if r.optional("districtCode", v["districtCode"]) != nil { district = r.district("districtCode", v["districtCode"], catalog: catalog) }
        let institution = r.optional("institutionCode", v["institutionCode"], maxLength: 20)
        guard r.errors.isEmpty, let code, let date, let amount, let source, let purpose else { return .failure(.init(r.errors)) }
        return .success(SpendingRecord(code: code, spentOn: date, amountFen: amount, source: source, purpose: purpose, districtCode: district, institutionCode: institution))
    }
}
