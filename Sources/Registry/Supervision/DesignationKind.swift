/// 认定与建设项目类别: the named things the policy counts (schools designated, studios built,
/// talents brought in). The supervision indicators count registry entries of these kinds, so
/// every count on a dashboard traces to rows.
public enum DesignationKind: String, LabelledChoice {
    case smartCampus5G = "smart_campus_5g"
    case nationalQualitySecondarySchool = "national_quality_secondary_school"
    case firstClassProgramCluster = "first_class_program_cluster"
    case modelIndustryCollege = "model_industry_college"
    case masterTeacherStudio = "master_teacher_studio"
    case ideologyNewTeacher = "ideology_new_teacher"
    case careerExperienceCentre = "career_experience_centre"
    case aiReformProject = "ai_reform_project"
    case teachingInnovationTeam = "teaching_innovation_team"
    case teacherTrainingBase = "teacher_training_base"
    case enterprisePracticeBase = "enterprise_practice_base"
    case clusterLeader = "cluster_leader"
    case masterCraftsman = "master_craftsman"
    case appliedResearchLeader = "applied_research_leader"
    case innovationCentre = "innovation_centre"
    case technicalServicePlatform = "technical_service_platform"
    case thinkTank = "think_tank"
    case productionTrainingCentre = "production_training_centre"
    case apprenticeshipCentre = "apprenticeship_centre"
    case vocationalEducationGroup = "vocational_education_group"
    case overseasTrainingCentre = "overseas_training_centre"

    public var labelZh: String {
        switch self {
        case .smartCampus5G: "5G智慧校园"
        case .nationalQualitySecondarySchool: "国家级优质中职学校"
        case .firstClassProgramCluster: "一流专业群"
        case .modelIndustryCollege: "示范性特色产业学院"
        case .masterTeacherStudio: "卓越名师工作室"
        case .ideologyNewTeacher: "思政教坛新秀"
        case .careerExperienceCentre: "职业体验中心或劳动实践基地"
        case .aiReformProject: "人工智能转型职教改革创新标杆项目"
        case .teachingInnovationTeam: "教师教学创新团队"
        case .teacherTrainingBase: "教师培养培训基地"
        case .enterprisePracticeBase: "教师企业实践示范基地"
        case .clusterLeader: "专业群建设带头人"
        case .masterCraftsman: "绝技绝艺大师"
        case .appliedResearchLeader: "应用研发领军人才"
        case .innovationCentre: "应用技术创新中心"
        case .technicalServicePlatform: "公共技术服务平台"
        case .thinkTank: "高端智库"
        case .productionTrainingCentre: "生产性实训中心"
        case .apprenticeshipCentre: "现代学徒中心"
        case .vocationalEducationGroup: "示范性职业教育集团"
        case .overseasTrainingCentre: "海外职业教育培训中心"
        }
    }

    public var labelEn: String {
        switch self {
        case .smartCampus5G: "5G smart campus"
        case .nationalQualitySecondarySchool: "National high-quality secondary vocational school"
        case .firstClassProgramCluster: "First-class program cluster"
        case .modelIndustryCollege: "Model industry college"
        case .masterTeacherStudio: "Master-teacher studio"
        case .ideologyNewTeacher: "New star of ideological and political teaching"
        case .careerExperienceCentre: "Career-experience centre"
        case .aiReformProject: "AI transformation flagship project"
        case .teachingInnovationTeam: "Teaching innovation team"
        case .teacherTrainingBase: "Teacher training base"
        case .enterprisePracticeBase: "Teachers' enterprise-practice base"
        case .clusterLeader: "Program-cluster leader"
        case .masterCraftsman: "Master craftsman"
        case .appliedResearchLeader: "Applied-research leader"
        case .innovationCentre: "Applied technology innovation centre"
        case .technicalServicePlatform: "Public technical service platform"
        case .thinkTank: "High-end think tank"
        case .productionTrainingCentre: "Production training centre"
        case .apprenticeshipCentre: "Modern apprenticeship centre"
        case .vocationalEducationGroup: "Model vocational education group"
        case .overseasTrainingCentre: "Overseas vocational training centre"
        }
    }

    /// A kind that is a property of one school (every school is to have one).
    public var needsInstitution: Bool { self == .smartCampus5G || self == .nationalQualitySecondarySchool }

    public static let listName = "认定与建设项目类别 designation kind"
}

/// 经费来源: where recorded spending on vocational education came from.
public enum SpendingSource: String, LabelledChoice {
    case central, provincial
    case cityFinance = "city"
    case districtFinance = "district"
    case social

    public var labelZh: String {
        switch self {
        case .central: "中央财政"
        case .provincial: "省级财政"
        case .cityFinance: "市级财政"
        case .districtFinance: "区级财政"
        case .social: "社会投入"
        }
    }

    public var labelEn: String {
        switch self {
        case .central: "central government"
        case .provincial: "provincial government"
        case .cityFinance: "city government"
        case .districtFinance: "district government"
        case .social: "enterprises and society"
        }
    }

    public static let listName = "经费来源 spending source"
}
