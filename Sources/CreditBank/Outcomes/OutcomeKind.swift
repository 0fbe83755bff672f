/// 学习成果类型: every kind of learning the credit bank recognises.
public enum OutcomeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 学历教育课程学分
    case academicCredit = "academic_credit"
    /// 非学历培训
    case nonDegreeTraining = "non_degree_training"
    /// 职业技能等级证书（1+X）
    case skillLevelCertificate = "skill_level_certificate"
    /// 职业资格证书
    case vocationalQualification = "vocational_qualification"
    /// 技能竞赛获奖
    case competitionAward = "competition_award"
    /// MOOC/SPOC 证书
    case onlineCourse = "online_course"
    /// 工作经历
    case workExperience = "work_experience"

    public var labelZh: String {
        switch self {
        case .academicCredit: "学历教育课程学分"
        case .nonDegreeTraining: "非学历培训"
        case .skillLevelCertificate: "职业技能等级证书"
        case .vocationalQualification: "职业资格证书"
        case .competitionAward: "技能竞赛获奖"
        case .onlineCourse: "MOOC/SPOC证书"
        case .workExperience: "工作经历"
        }
    }

    public var labelEn: String {
        switch self {
        case .academicCredit: "Academic course credit"
        case .nonDegreeTraining: "Non-degree training"
        case .skillLevelCertificate: "Vocational skill-level certificate (1+X)"
        case .vocationalQualification: "Vocational qualification"
        case .competitionAward: "Competition award"
        case .onlineCourse: "MOOC/SPOC certificate"
        case .workExperience: "Work experience"
        }
    }
}
