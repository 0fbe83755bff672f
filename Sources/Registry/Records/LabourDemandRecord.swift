/// 用工需求: an enterprise's demand for people in one occupation: how many, with which skills
/// and education level, when, where and at what pay. Posted by the enterprise or fed in by
/// the city's data feeds; the demand side of the gap analytics.
public struct LabourDemandRecord: RegistryRecord, Hashable {
    public var enterpriseCode: String
    public var title: String
    /// 职业分类大典（2022）code at 小类 level or below.
    public var occupationCode: String
    public var occupationName: String
    public var skills: [String]
    public var educationLevel: EducationLevel
    public var headcount: Int
    /// First and last month, `YYYY-MM`; the demand counts in the year it starts.
    public var periodStart: String
    public var periodEnd: String
    public var districtCode: String
    /// Monthly pay in yuan.
    public var salaryMin: Int?
    public var salaryMax: Int?
    public var industryCluster: String?

    public static let fields: [FieldSpec] = [
        FieldSpec("enterpriseCode", "统一社会信用代码", .text(maxLength: 18), "The enterprise's 统一社会信用代码"),
        FieldSpec("title", "岗位名称", .text(maxLength: 100), "Job title"),
        FieldSpec("occupationCode", "职业代码", .code(maxLength: 12), "职业分类大典（2022）code, 小类 (4-04-05) or 细类 (4-04-05-01)"),
        FieldSpec("skills", "技能要求", .text(maxLength: 2000), required: false, "Skills wanted, separated by ; or 、"),
        .choice("educationLevel", "学历要求", EducationLevel.self, "Lowest vocational education level wanted"),
        FieldSpec("headcount", "需求人数", .integer(min: 1, max: 100_000), "People wanted"),
        FieldSpec("periodStart", "开始月份", .text(maxLength: 7), "First month, YYYY-MM; the demand counts in this year"),
        FieldSpec("periodEnd", "结束月份", .text(maxLength: 7), "Last month, YYYY-MM"),
        FieldSpec("districtCode", "工作地区", .code(maxLength: 6), "District of the workplace"),
        FieldSpec("salaryMin", "月薪下限", .integer(min: 0, max: 1_000_000), required: false, "Lowest monthly pay, yuan"),
        FieldSpec("salaryMax", "月薪上限", .integer(min: 0, max: 1_000_000), required: false, "Highest monthly pay, yuan"),
        FieldSpec("industryCluster", "所属产业集群", .code(maxLength: 40), required: false, "Industry cluster the demand serves"),
    ]

    public static func validate(_ v: FieldValues, catalog: ReferenceCatalog, today: CivilDate) -> Result<Self, ValidationFailure> {
        var r = FieldReader()
        var enterprise: String?
        if let text = r.required("enterpriseCode", v["enterpriseCode"], maxLength: 18) {
            do { enterprise = try UnifiedSocialCreditCode(text).value } catch { r.fail(error.fieldError("enterpriseCode")) }
        }
        let title = r.required("title", v["title"], maxLength: 100)
        let occupation = r.occupation("occupationCode", v["occupationCode"], catalog: catalog)
        let skills = r.skills("skills", v["skills"])
        let level = r.choice("educationLevel", v["educationLevel"], as: EducationLevel.self)
        let headcount = r.integer("headcount", v["headcount"], min: 1, max: 100_000)
        let start = r.month("periodStart", v["periodStart"])
        let end = r.month("periodEnd", v["periodEnd"])
        if let start, let end, end < start {
            r.fail(FieldError(field: "periodEnd", zh: "结束月份不能早于开始月份", en: "must not be before periodStart"))
        }
        let district = r.district("districtCode", v["districtCode"], catalog: catalog)
        var salaryMin: Int?, salaryMax: Int?
        if r.optional("salaryMin", v["salaryMin"]) != nil { salaryMin = r.integer("salaryMin", v["salaryMin"], min: 0, max: 1_000_000) }
        if r.optional("salaryMax", v["salaryMax"]) != nil { salaryMax = r.integer("salaryMax", v["salaryMax"], min: 0, max: 1_000_000) }
        if let salaryMin, let salaryMax, salaryMax < salaryMin {
            r.fail(FieldError(field: "salaryMax", zh: "月薪上限不能低于下限", en: "must not be below salaryMin"))
        }
        let cluster = r.industryCluster("industryCluster", v["industryCluster"], catalog: catalog)
        guard r.errors.isEmpty, let enterprise, let title, let occupation, let level, let headcount, let start, let end, let district else {
            return .failure(.init(r.errors))
        }
        return .success(LabourDemandRecord(
            enterpriseCode: enterprise, title: title, occupationCode: occupation.code, occupationName: occupation.name, skills: skills,
            educationLevel: level, headcount: headcount, periodStart: start, periodEnd: end, districtCode: district,
            salaryMin: salaryMin, salaryMax: salaryMax, industryCluster: cluster
        ))
    }

    /// The 小类 the demand counts under.
    public var occupationGroup: String { OccupationCatalog.smallGroup(of: occupationCode) }

    /// The year the demand counts in.
    public var year: Int { Int(periodStart.prefix(4)) ?? 0 }
}
