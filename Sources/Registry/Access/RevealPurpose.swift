/// Why a full identity number is looked at (查看完整证件号码的用途): a closed list, so that the
/// audit log can be read and counted by purpose, plus a free-text note for the particulars
/// (PIPL Art. 6 purpose limitation; GB/T 35273 §7.2).
public enum RevealPurpose: String, LabelledChoice {
    /// 学籍核对: checking an enrolment against the national student register.
    case enrolmentCheck = "enrolment_check"
    /// 资助发放: paying a grant or subsidy.
    case financialAid = "financial_aid"
    /// 考试报名: registering for an examination or skill assessment.
    case examRegistration = "exam_registration"
    /// 实习就业手续: internship insurance, contracts, employment paperwork.
    case internshipPaperwork = "internship_paperwork"
    /// 证书办理: issuing or correcting a certificate.
    case certificate
    /// 安全事件处置: a safeguarding or safety incident.
    case safeguarding
    /// 依法协查: a request from an authority under the law.
    case legalRequest = "legal_request"
    /// 本人查看: a learner looking at their own record.
    case ownRecord = "own_record"

    public var labelZh: String {
        switch self {
        case .enrolmentCheck: "学籍核对"
        case .financialAid: "资助发放"
        case .examRegistration: "考试报名"
        case .internshipPaperwork: "实习就业手续"
        case .certificate: "证书办理"
        case .safeguarding: "安全事件处置"
        case .legalRequest: "依法协查"
        case .ownRecord: "本人查看"
        }
    }

    public var labelEn: String {
        switch self {
        case .enrolmentCheck: "Enrolment check"
        case .financialAid: "Financial aid"
        case .examRegistration: "Exam registration"
        case .internshipPaperwork: "Internship or employment paperwork"
        case .certificate: "Certificate"
        case .safeguarding: "Safeguarding incident"
        case .legalRequest: "Request under the law"
        case .ownRecord: "Own record"
        }
    }

    public static let listName = "查看用途 reveal purpose"
}
