/// 教师: a teacher of an institution, with the attributes the policy's targets count.
public struct TeacherRecord: RegistryRecord, Hashable {
    public var institutionCode: String
    public var staffNo: String
    public var name: String
    public var document: IdentityDocument
    public var sex: Sex
    /// 专业课教师 (as opposed to 公共课).
    public var teachesProfessionalCourses: Bool
    /// 双师型教师
    public var dualQualified: Bool
    /// 企业兼职教师
    public var enterprisePartTime: Bool
    public var titleLevel: TitleLevel

    public static let fields: [FieldSpec] = [
        FieldSpec("institutionCode", "机构代码", .text(maxLength: 20), "Code of the institution"),
        FieldSpec("staffNo", "工号", .text(maxLength: 32), "Staff number, unique within the institution"),
        FieldSpec("name", "姓名", .text(maxLength: 50), "Full name"),
        .choice("documentKind", "证件类型", IdentityDocumentKind.self, required: false, "Identity document kind; resident_id when omitted"),
        FieldSpec("idNumber", "证件号码", .text(maxLength: 24), "Identity document number (stored encrypted, shown masked)"),
        .choice("sex", "性别", Sex.self, "Sex"),
        FieldSpec("teachesProfessionalCourses", "专业课教师", .boolean, "Teaches professional (not general) courses"),
        FieldSpec("dualQualified", "双师型", .boolean, "双师型 dual-qualified teacher"),
        FieldSpec("enterprisePartTime", "企业兼职", .boolean, "Part-time teacher from an enterprise"),
        .choice("titleLevel", "职称", TitleLevel.self, "Professional title level"),
    ]

    public static func validate(_ v: FieldValues, catalog: ReferenceCatalog, today: CivilDate) -> Result<Self, ValidationFailure> {
        var r = FieldReader()
        let institution = r.required("institutionCode", v["institutionCode"], maxLength: 20)
        let staffNo = r.required("staffNo", v["staffNo"], maxLength: 32)
        let name = r.required("name", v["name"], maxLength: 50)
        let identity = r.identity(kind: v["documentKind"], number: v["idNumber"], sex: v["sex"], today: today)
        let professional = r.flag("teachesProfessionalCourses", v["teachesProfessionalCourses"])
        let dual = r.flag("dualQualified", v["dualQualified"])
        let partTime = r.flag("enterprisePartTime", v["enterprisePartTime"])
        let title = r.choice("titleLevel", v["titleLevel"], as: TitleLevel.self)
        guard r.errors.isEmpty, let institution, let staffNo, let name, let identity, let professional, let dual, let partTime, let title else {
            return .failure(.init(r.errors))
        }
        return .success(TeacherRecord(
            institutionCode: institution, staffNo: staffNo, name: name, document: identity.0, sex: identity.1,
            teachesProfessionalCourses: professional, dualQualified: dual, enterprisePartTime: partTime, titleLevel: title
        ))
    }
}
