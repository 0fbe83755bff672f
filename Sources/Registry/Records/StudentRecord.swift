/// 学生: a learner enrolled in a program of an institution.
public struct StudentRecord: RegistryRecord, Hashable {
    public var institutionCode: String
    public var studentNo: String
    public var name: String
    public var document: IdentityDocument
    public var sex: Sex
    public var programCode: String
    public var level: EducationLevel
    public var enrolmentYear: Int
    public var origin: StudentOrigin

    public static let fields: [FieldSpec] = [
        FieldSpec("institutionCode", "机构代码", .text(maxLength: 20), "Code of the institution"),
        FieldSpec("studentNo", "学号", .text(maxLength: 32), "Student number, unique within the institution"),
        FieldSpec("name", "姓名", .text(maxLength: 50), "Full name"),
        .choice("documentKind", "证件类型", IdentityDocumentKind.self, required: false, "Identity document kind; resident_id when omitted"),
        FieldSpec("idNumber", "证件号码", .text(maxLength: 24), "Identity document number (stored encrypted, shown masked)"),
        .choice("sex", "性别", Sex.self, "Sex"),
        FieldSpec("programCode", "专业代码", .code(maxLength: 7), "职业教育专业目录（2021）code of a program the institution runs"),
        .choice("level", "层次", EducationLevel.self, "Level; must match the program code"),
        FieldSpec("enrolmentYear", "入学年份", .integer(min: 2000, max: 2100), "Year of enrolment"),
        .choice("origin", "生源", StudentOrigin.self, "Where the learner comes from"),
    ]

    public static func validate(_ v: FieldValues, catalog: ReferenceCatalog, today: CivilDate) -> Result<Self, ValidationFailure> {
        var r = FieldReader()
        let institution = r.required("institutionCode", v["institutionCode"], maxLength: 20)
        let studentNo = r.required("studentNo", v["studentNo"], maxLength: 32)
        let name = r.required("name", v["name"], maxLength: 50)
        let identity = r.identity(kind: v["documentKind"], number: v["idNumber"], sex: v["sex"], today: today)
        let program = r.program("programCode", v["programCode"], catalog: catalog)
        let level = r.choice("level", v["level"], as: EducationLevel.self)
        if let program, let level, program.level != level {
            r.fail(FieldError(field: "level", zh: "层次与专业代码不符（\(program.code)属于\(program.level.labelZh)）", en: "does not match program \(program.code), which is \(program.level.labelEn)"))
        }
        let year = r.year("enrolmentYear", v["enrolmentYear"], min: 2000, max: today.year + 1)
        let origin = r.choice("origin", v["origin"], as: StudentOrigin.self)
        if let identity, let origin {
            let kind = identity.0.kind
            if (kind == .hongKongID && origin != .hongKong) || (kind == .macauID && origin != .macau) {
                r.fail(FieldError(field: "origin", zh: "生源与证件类型不一致", en: "does not match the identity document kind"))
            }
        }
        guard r.errors.isEmpty, let institution, let studentNo, let name, let identity, let program, let level, let year, let origin else {
            return .failure(.init(r.errors))
        }
        return .success(StudentRecord(
            institutionCode: institution, studentNo: studentNo, name: name, document: identity.0, sex: identity.1,
            programCode: program.code, level: level, enrolmentYear: year, origin: origin
        ))
    }
}
