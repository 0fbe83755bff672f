import Foundation
import JSON

/// What a credential says was achieved: an Open Badges 3.0 `Achievement`, named in Chinese
/// and English.
public struct AchievementClaim: Sendable, Equatable {
    /// A URI that names the achievement (the same for every learner who earns it).
    public var id: String
    /// An Open Badges `AchievementType` term: `Course`, `Certificate`, `Certification`,
    /// `Award`, `Diploma`, `License`, `MicroCredential`, …
    public var achievementType: String
    public var nameZh: String
    public var nameEn: String
    public var descriptionZh: String
    public var descriptionEn: String
    public var criteriaZh: String
    public var creditsAvailable: Double?
    public var fieldOfStudy: String?
    public var humanCode: String?

    public init(id: String, achievementType: String, nameZh: String, nameEn: String, descriptionZh: String, descriptionEn: String,
                criteriaZh: String, creditsAvailable: Double? = nil, fieldOfStudy: String? = nil, humanCode: String? = nil) {
        self.id = id
        self.achievementType = achievementType
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.descriptionZh = descriptionZh
        self.descriptionEn = descriptionEn
        self.criteriaZh = criteriaZh
        self.creditsAvailable = creditsAvailable
        self.fieldOfStudy = fieldOfStudy
        self.humanCode = humanCode
    }

    /// The `Achievement` object. Its `name` stays the Chinese string the schema asks for; the
    /// English name travels beside it as a language-tagged value (VC Data Model 2.0 §11.1).
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(id), "type": ["Achievement"], "achievementType": .string(achievementType),
            "name": .string(nameZh), "description": .string(descriptionZh + " / " + descriptionEn),
            "criteria": ["narrative": .string(criteriaZh)], "inLanguage": "zh-Hans",
        ]
        if let creditsAvailable { o["creditsAvailable"] = .double(creditsAvailable) }
        if let fieldOfStudy { o["fieldOfStudy"] = .string(fieldOfStudy) }
        if let humanCode { o["humanCode"] = .string(humanCode) }
        return .object(o)
    }
}
