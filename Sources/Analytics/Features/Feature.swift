/// One feature known by the cutoff day (截止日已知特征), with how a teacher reads its value.
public enum Feature: Sendable, Equatable, Hashable {
    case registrationDay
    case assessmentsDue
    case submitted
    case missed
    case late
    case banked
    case weightedScore
    case meanScore
    case lastScore
    case daysSinceLastSubmission
    case meanDaysEarly
    case scoreVersusPresentation
    case weightedScoreVersusPresentation
    case missedVersusPresentation
    case presentationLength
    case studiedCredits
    case previousAttempts
    case imdBand
    case ageBand
    case disability
    case gender(String)
    case highestEducation(String)

    /// Every feature that is not a category level, in column order.
    public static let numeric: [Feature] = [
        .registrationDay, .assessmentsDue, .submitted, .missed, .late, .banked, .weightedScore, .meanScore, .lastScore,
        .daysSinceLastSubmission, .meanDaysEarly, .scoreVersusPresentation, .weightedScoreVersusPresentation,
        .missedVersusPresentation, .presentationLength, .studiedCredits, .previousAttempts, .imdBand, .ageBand, .disability,
    ]

    /// The column name in feature CSVs.
    public var name: String {
        switch self {
        case .registrationDay: "registration_day"
        case .assessmentsDue: "assessments_due"
        case .submitted: "submitted"
        case .missed: "missed"
        case .late: "late"
        case .banked: "banked"
        case .weightedScore: "weighted_score"
        case .meanScore: "mean_score"
        case .lastScore: "last_score"
        case .daysSinceLastSubmission: "days_since_last_submission"
        case .meanDaysEarly: "mean_days_early"
        case .scoreVersusPresentation: "score_vs_presentation"
        case .weightedScoreVersusPresentation: "weighted_score_vs_presentation"
        case .missedVersusPresentation: "missed_vs_presentation"
        case .presentationLength: "presentation_length"
        case .studiedCredits: "studied_credits"
        case .previousAttempts: "previous_attempts"
        case .imdBand: "imd_band"
        case .ageBand: "age_band"
        case .disability: "disability"
        case .gender(let level): "gender_\(Self.slug(level))"
        case .highestEducation(let level): "education_\(Self.slug(level))"
        }
    }

    static func slug(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// The value in words, Chinese and English (e.g. "2 次作业未交" / "2 assessments missed").
    public func phrase(_ value: Double) -> (zh: String, en: String) {
        let n = Int(value.rounded())
        let x = Self.format(value)
        switch self {
        case .registrationDay:
            return n < 0 ? ("开课前 \(-n) 天注册", "registered \(-n) days before the start") : ("开课后第 \(n) 天才注册", "registered \(n) days after the start")
        case .assessmentsDue: return ("截至今日应交 \(n) 次作业", "\(n) assessments due so far")
        case .submitted: return ("已交 \(n) 次作业", "\(n) assessments submitted")
        case .missed: return n == 0 ? ("没有未交的作业", "no assessment missed") : ("\(n) 次作业未交", "\(n) assessments missed")
        case .late: return ("\(n) 次作业迟交", "\(n) assessments submitted late")
        case .banked: return ("\(n) 次成绩沿用自上一期", "\(n) results carried over from an earlier presentation")
        case .weightedScore: return ("目前加权得分 \(x)", "weighted score so far \(x)")
        case .meanScore: return ("作业平均分 \(x)", "mean assessment score \(x)")
        case .lastScore: return ("最近一次作业得分 \(x)", "last assessment score \(x)")
        case .daysSinceLastSubmission: return ("已 \(n) 天没有交作业", "\(n) days since the last submission")
        case .meanDaysEarly:
            return value < 0 ? ("作业平均迟交 \(Self.format(-value)) 天", "assessments \(Self.format(-value)) days late on average") : ("作业平均提前 \(x) 天提交", "assessments \(x) days early on average")
        case .scoreVersusPresentation:
            return value < 0 ? ("平均分比同期学员低 \(Self.format(-value)) 分", "mean score \(Self.format(-value)) below the presentation's") : ("平均分比同期学员高 \(x) 分", "mean score \(x) above the presentation's")
        case .weightedScoreVersusPresentation:
            return value < 0 ? ("加权得分比同期学员低 \(Self.format(-value)) 分", "weighted score \(Self.format(-value)) below the presentation's") : ("加权得分比同期学员高 \(x) 分", "weighted score \(x) above the presentation's")
        case .missedVersusPresentation:
            return value > 0 ? ("未交作业比同期学员多 \(x) 次", "\(x) more assessments missed than the presentation's average") : ("未交作业比同期学员少 \(Self.format(-value)) 次", "\(Self.format(-value)) fewer assessments missed than the presentation's average")
        case .presentationLength: return ("课程周期 \(n) 天", "a presentation of \(n) days")
        case .studiedCredits: return ("本期修读 \(n) 学分", "studying \(n) credits this presentation")
        case .previousAttempts: return n == 0 ? ("首次修读", "first attempt") : ("此前已修读 \(n) 次", "\(n) previous attempts")
        case .imdBand: return n < 0 ? ("所在地区贫困指数未知", "area deprivation band unknown") : ("所在地区贫困指数段 \(n)–\(n + 10)%", "area deprivation band \(n)–\(n + 10)%")
        case .ageBand: return ("年龄段 \(n) 岁以上", "age band from \(n)")
        case .disability: return n == 1 ? ("申报有残障", "declared a disability") : ("未申报残障", "no disability declared")
        case .gender(let level): return n == 1 ? ("性别 \(level)", "gender \(level)") : ("性别不是 \(level)", "gender not \(level)")
        case .highestEducation(let level): return n == 1 ? ("最高学历：\(level)", "highest education: \(level)") : ("最高学历不是 \(level)", "highest education not \(level)")
        }
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
