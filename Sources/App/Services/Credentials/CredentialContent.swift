import CreditBank
import Credentials
import Foundation
import Registry

/// What each kind of credential says, made from a learner's account: the bridge between the
/// credit bank's outcomes and qualifications and the Open Badges vocabulary.
enum CredentialContent {
    /// The Open Badges `AchievementType` for each kind of outcome.
    static func achievementType(_ kind: OutcomeKind) -> String {
        switch kind {
        case .academicCredit, .onlineCourse, .nonDegreeTraining: "Course"
        case .skillLevelCertificate: "Certificate"
        case .vocationalQualification: "Certification"
        case .competitionAward: "Award"
        case .workExperience: "Achievement"
        }
    }

    /// The end of a civil day in China Standard Time, as an instant.
    static func endOfDay(_ day: CivilDate) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 23, minute: 59, second: 59))
    }

    static func noon(_ day: CivilDate) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))
    }

    static func credits(of outcome: UUID, in account: CreditAccount) -> Credits {
        account.units.filter { $0.outcomeID == outcome }.reduce(.zero) { $0 + $1.credits }
    }

    static func outcomeClaim(_ outcome: LearningOutcome, account: CreditAccount, issuer: IssuerIdentity) -> AchievementClaim {
        let credits = credits(of: outcome.id, in: account)
        let code = outcome.code ?? outcome.id.uuidString.lowercased()
        return AchievementClaim(
            id: issuer.baseURL + "/credit-bank/achievements/\(outcome.kind.rawValue)/" + (code.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? code),
            achievementType: achievementType(outcome.kind),
            nameZh: outcome.title, nameEn: outcome.kind.labelEn + (outcome.code.map { " " + $0 } ?? ""),
            descriptionZh: "\(outcome.kind.labelZh)，\(outcome.issuer)颁发，经深圳市职业教育学分银行认定",
            descriptionEn: "\(outcome.kind.labelEn) recognised by the Shenzhen Vocational Education Credit Bank",
            criteriaZh: "学分银行认定：\(account.decisions[outcome.id]?.reasonZh ?? "已认定")",
            creditsAvailable: credits.tenths > 0 ? Double(credits.tenths) / 10 : nil,
            fieldOfStudy: outcome.field, humanCode: outcome.code)
    }

    static func qualificationClaim(_ qualification: Qualification, issuer: IssuerIdentity) -> AchievementClaim {
        AchievementClaim(
            id: issuer.baseURL + "/credit-bank/achievements/qualification/" + (qualification.id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? qualification.id),
            achievementType: "Diploma", nameZh: qualification.nameZh, nameEn: qualification.nameEn,
            descriptionZh: "按学分银行资历规则累计学分获得", descriptionEn: "Awarded on credits accumulated under the credit bank's qualification rules",
            criteriaZh: "累计不少于 \(qualification.totalCredits) 学分并满足级别、必修与选修要求",
            creditsAvailable: Double(qualification.totalCredits.tenths) / 10, humanCode: qualification.id)
    }
}
