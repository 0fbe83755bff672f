/// What registry data an indicator's value is computed from. The storage layer computes each
/// measure's numerator (and denominator, for shares) per school, district and city; the
/// formulas are stated here once, in words, for the catalogue and the dashboards.
public enum Measure: Sendable, Hashable {
    /// 专业课 teachers who are 双师型 ÷ 专业课 teachers.
    case dualQualifiedShare
    /// 专业课 teachers who are enterprise part-time ÷ 专业课 teachers.
    case enterprisePartTimeShare
    /// Teachers of public 高职 (专科 and 职业本科) with a 副高级 or 正高级 title ÷ their teachers.
    case seniorTitleShare
    /// 规模以上 enterprises whose internship places reach their 2 % quota ÷ 规模以上
    /// enterprises with at least one employee.
    case internshipQuotaCompliance
    /// Schools with a 5G smart campus on record by the period's end ÷ schools.
    case smartCampusShare
    /// Registry entries of one designation kind dated by the period's end (or within the
    /// period's year, for yearly targets).
    case designations(String)
    /// Enterprises certified as 产教融合型企业.
    case certifiedIntegrationEnterprises
    /// Recorded spending on vocational education dated by the period's end, in fen.
    case cumulativeSpending

    public var isShare: Bool {
        switch self {
        case .dualQualifiedShare, .enterprisePartTimeShare, .seniorTitleShare, .internshipQuotaCompliance, .smartCampusShare: true
        default: false
        }
    }

    /// The formula in words.
    public var formula: (zh: String, en: String) {
        switch self {
        case .dualQualifiedShare: ("双师型专业课教师数 ÷ 专业课教师数", "dual-qualified professional-course teachers ÷ professional-course teachers")
        case .enterprisePartTimeShare: ("企业兼职专业课教师数 ÷ 专业课教师数", "enterprise part-time professional-course teachers ÷ professional-course teachers")
        case .seniorTitleShare: ("公办高职院校副高级及以上职称教师数 ÷ 公办高职院校教师数", "teachers with an associate-senior or senior title in public higher-vocational institutions ÷ their teachers")
        case .internshipQuotaCompliance: ("实习岗位数达到职工总数2%（向上取整）的规模以上企业数 ÷ 有职工的规模以上企业数", "above-scale enterprises whose internship places reach 2 % of employees (rounded up) ÷ above-scale enterprises with employees")
        case .smartCampusShare: ("已建成5G智慧校园的学校数 ÷ 学校数", "schools with a 5G smart campus ÷ schools")
        case .designations(let kind): ("截至报告期末登记在册的“\(kind)”条目数", "registry entries of kind \(kind) dated by the period's end")
        case .certifiedIntegrationEnterprises: ("已认定的产教融合型企业数", "enterprises certified as industry–education integration enterprises")
        case .cumulativeSpending: ("截至报告期末登记的职业教育投入累计（分）", "recorded spending on vocational education to the period's end (fen)")
        }
    }
}

extension Measure: Codable {
    /// Stored as text: `dual_qualified_share`, `designations:master_teacher_studio`.
    public var code: String {
        switch self {
        case .dualQualifiedShare: "dual_qualified_share"
        case .enterprisePartTimeShare: "enterprise_part_time_share"
        case .seniorTitleShare: "senior_title_share"
        case .internshipQuotaCompliance: "internship_quota_compliance"
        case .smartCampusShare: "smart_campus_share"
        case .designations(let kind): "designations:\(kind)"
        case .certifiedIntegrationEnterprises: "certified_integration_enterprises"
        case .cumulativeSpending: "cumulative_spending"
        }
    }

    public init?(code: String) {
        if code.hasPrefix("designations:") {
            let kind = String(code.dropFirst("designations:".count))
            guard !kind.isEmpty else { return nil }
            self = .designations(kind)
            return
        }
        let simple: [Measure] = [.dualQualifiedShare, .enterprisePartTimeShare, .seniorTitleShare, .internshipQuotaCompliance,
                                 .smartCampusShare, .certifiedIntegrationEnterprises, .cumulativeSpending]
        guard let found = simple.first(where: { $0.code == code }) else { return nil }
        self = found
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let measure = Measure(code: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown measure \(text)"))
        }
        self = measure
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }
}
