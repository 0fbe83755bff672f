import Foundation
import Registry

/// 技能等级认定: a certification body (评价机构) holds an assessment session for one
/// certificate at one level; candidates — Hong Kong and Macau students among them — sit it;
/// a pass issues the certificate straight into the credit bank.
public struct AssessmentSession: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var bodyName: String
    /// The certificate it awards (recognition rules match on this code).
    public var certificateCode: String
    public var title: String
    public var level: LevelRef
    public var heldOn: CivilDate
    /// How long a certificate stays valid, in years; nil for no expiry.
    public var validityYears: Int?
    public var passMark: PassMark

    public init(id: UUID = UUID(), bodyName: String, certificateCode: String, title: String, level: LevelRef, heldOn: CivilDate,
                validityYears: Int?, passMark: PassMark = PassMark()) {
        self.id = id
        self.bodyName = bodyName
        self.certificateCode = certificateCode
        self.title = title
        self.level = level
        self.heldOn = heldOn
        self.validityYears = validityYears
        self.passMark = passMark
    }

    /// The certificate a passing candidate receives, as a learning outcome.
    public func certificate(for learner: UUID, score: Int) -> LearningOutcome {
        LearningOutcome(learnerID: learner, kind: .skillLevelCertificate, issuer: bodyName, title: title, code: certificateCode, level: level,
                        score: score, awardedOn: heldOn, validUntil: validityYears.map { heldOn.minus(years: -$0) })
    }
}

/// 合格标准: theory and practical each at or above their marks (the usual rule for 职业技能等级认定:
/// both parts pass separately, 60 of 100 unless the body sets otherwise).
public struct PassMark: Sendable, Hashable, Codable {
    public var theory: Int
    public var practical: Int

    public init(theory: Int = 60, practical: Int = 60) {
        self.theory = theory
        self.practical = practical
    }

    public func passes(theory t: Int, practical p: Int) -> Bool { t >= theory && p >= practical }
}
