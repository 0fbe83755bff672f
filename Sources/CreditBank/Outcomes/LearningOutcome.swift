import Foundation
import Registry

/// 学习成果: one thing a learner has achieved, as submitted by the learner or pushed by its
/// issuer, with what the credit bank needs to recognise it.
public struct LearningOutcome: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var learnerID: UUID
    public var kind: OutcomeKind
    public var issuer: String
    public var title: String
    /// The certificate, course or unit code the issuer gives it (rules match on it).
    public var code: String?
    /// Its level in the framework the issuer uses.
    public var level: LevelRef?
    public var credits: Credits?
    public var hours: Int?
    public var score: Int?
    public var awardedOn: CivilDate
    public var validUntil: CivilDate?
    /// 专业大类 or another field code.
    public var field: String?
    /// SHA-256 of the evidence file, hex.
    public var evidenceSHA256: String?

    public init(id: UUID = UUID(), learnerID: UUID, kind: OutcomeKind, issuer: String, title: String, code: String? = nil, level: LevelRef? = nil,
                credits: Credits? = nil, hours: Int? = nil, score: Int? = nil, awardedOn: CivilDate, validUntil: CivilDate? = nil,
                field: String? = nil, evidenceSHA256: String? = nil) {
        self.id = id
        self.learnerID = learnerID
        self.kind = kind
        self.issuer = issuer
        self.title = title
        self.code = code
        self.level = level
        self.credits = credits
        self.hours = hours
        self.score = score
        self.awardedOn = awardedOn
        self.validUntil = validUntil
        self.field = field
        self.evidenceSHA256 = evidenceSHA256
    }

    public func isExpired(on day: CivilDate) -> Bool { validUntil.map { $0 < day } ?? false }
}

/// 学分单元: credit the bank holds for a learner once an outcome is recognised — placed on the
/// Guangdong framework (the hub), traced to its outcome and the rule or reviewer that granted it.
public struct RecognisedUnit: Sendable, Hashable, Codable, Identifiable {
    /// `outcome id` + `#` + index: stable across replays.
    public var id: String
    public var outcomeID: UUID
    public var unitCode: String
    public var credits: Credits
    /// Level on the hub framework (广东终身教育资历框架).
    public var hubLevel: Int
    public var field: String?
    public var source: OutcomeKind
    public var awardedOn: CivilDate
    public var validUntil: CivilDate?

    public init(outcomeID: UUID, index: Int, unitCode: String, credits: Credits, hubLevel: Int, field: String?, source: OutcomeKind,
                awardedOn: CivilDate, validUntil: CivilDate?) {
        id = "\(outcomeID.uuidString)#\(index)"
        self.outcomeID = outcomeID
        self.unitCode = unitCode
        self.credits = credits
        self.hubLevel = hubLevel
        self.field = field
        self.source = source
        self.awardedOn = awardedOn
        self.validUntil = validUntil
    }
}

extension CivilDate {
    /// Days since 1970-01-01 (proleptic Gregorian), for fast comparisons in bulk work.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The same day `years` earlier (29 February falls back to the 28th).
    public func minus(years: Int) -> CivilDate {
        CivilDate(year: year - years, month: month, day: day) ?? CivilDate(year: year - years, month: month, day: day - 1) ?? self
    }
}
