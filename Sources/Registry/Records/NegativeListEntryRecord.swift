/// 校企合作负面清单条目: something a school–enterprise agreement must not contain, kept by the
/// city: the terms that reveal it, which forms of cooperation it applies to, and its basis.
public struct NegativeListEntryRecord: RegistryRecord, Hashable {
    public var code: String
    /// Any one of these terms in an agreement's title or terms breaks the rule.
    public var terms: [String]
    /// Applies to one form of cooperation only; nil: to every form.
    public var appliesTo: CooperationKind?
    public var description: String
    /// The regulation the rule comes from.
    public var basis: String?

    public static let fields: [FieldSpec] = [
        FieldSpec("code", "条目编号", .text(maxLength: 20), "Rule number, such as NL-01"),
        FieldSpec("terms", "禁止用语", .text(maxLength: 1000), "Forbidden terms, separated by ; (any one breaks the rule)"),
        .choice("appliesTo", "适用合作形式", CooperationKind.self, required: false, "Only this form of cooperation (empty: every form)"),
        FieldSpec("description", "条目说明", .text(maxLength: 500), "What is forbidden and why"),
        FieldSpec("basis", "依据", .text(maxLength: 300), required: false, "The regulation or clause it rests on"),
    ]

    public static func validate(_ v: FieldValues, catalog: ReferenceCatalog, today: CivilDate) -> Result<Self, ValidationFailure> {
        var r = FieldReader()
        let code = r.required("code", v["code"], maxLength: 20)
        var terms: [String] = []
        if let text = r.required("terms", v["terms"], maxLength: 1000) {
            terms = SkillList.parse(text)
            if terms.isEmpty { r.fail(.required("terms")) }
        }
        var appliesTo: CooperationKind?
        if r.optional("appliesTo", v["appliesTo"]) != nil { appliesTo = r.choice("appliesTo", v["appliesTo"], as: CooperationKind.self) }
        let description = r.required("description", v["description"], maxLength: 500)
        let basis = r.optional("basis", v["basis"], maxLength: 300)
        guard r.errors.isEmpty, let code, let description else { return .failure(.init(r.errors)) }
        return .success(NegativeListEntryRecord(code: code, terms: terms, appliesTo: appliesTo, description: description, basis: basis))
    }
}
