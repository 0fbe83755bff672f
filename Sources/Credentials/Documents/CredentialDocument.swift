import Foundation
import JSON

/// The JSON of the credentials the platform issues, and their VC-JWT payloads.
///
/// Open Badges 3.0 `OpenBadgeCredential` for one achievement; CLR 2.0 `ClrCredential` for a
/// transcript, holding the learner's achievement credentials. Both are VC Data Model 2.0
/// documents; the credential-level name and description are given in both languages.
public enum CredentialDocument {
    public static let vcContext = "https://www.w3.org/ns/credentials/v2"
    public static let openBadgesContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
    public static let clrContext = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"

    /// Chinese and English as language-tagged values.
    public static func bilingual(_ zh: String, _ en: String) -> JSONValue {
        [["@value": .string(zh), "@language": "zh-Hans"], ["@value": .string(en), "@language": "en"]]
    }

    public static func timestamp(_ date: Date) -> String { Timestamp.format(date) }

    public static func date(_ text: String) -> Date? { Timestamp.parse(text) }

    /// An `OpenBadgeCredential` for `subjectID` (a URI naming the learner, never an ID number),
    /// naming the holder as `holderName` when given (`holderIdentifier`).
    public static func openBadge(id: UUID, issuer: IssuerIdentity, subjectID: String, achievement: AchievementClaim,
                                 validFrom: Date, validUntil: Date?, status: CredentialStatusEntry?, creditsEarned: Double? = nil,
                                 activityEndDate: Date? = nil, holderName: String? = nil) -> JSONValue {
        var subject: [String: JSONValue] = ["id": .string(subjectID), "type": ["AchievementSubject"], "achievement": achievement.json]
        if let holderName { subject["identifier"] = [holderIdentifier(name: holderName)] }
        if let creditsEarned { subject["creditsEarned"] = .double(creditsEarned) }
        if let activityEndDate { subject["activityEndDate"] = .string(timestamp(activityEndDate)) }
        var o: [String: JSONValue] = [
            "@context": [.string(vcContext), .string(openBadgesContext)],
            "id": .string("urn:uuid:" + id.uuidString.lowercased()),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": issuer.profile,
            "name": bilingual(achievement.nameZh, achievement.nameEn),
            "description": bilingual(achievement.descriptionZh, achievement.descriptionEn),
            "validFrom": .string(timestamp(validFrom)),
            "credentialSubject": .object(subject),
        ]
        if let validUntil { o["validUntil"] = .string(timestamp(validUntil)) }
        if let status { o["credentialStatus"] = status.json }
        return .object(o)
    }

    /// The holder's name as Open Badges 3.0 states who a credential is about: an `IdentityObject`
    /// of type `name`, in plain text (`hashed: false`). A certificate names its holder so that
    /// whoever is shown it can see whose it is; the `id` beside it stays an opaque URI.
    public static func holderIdentifier(name: String) -> JSONValue {
        ["type": "IdentityObject", "identityType": "name", "hashed": false, "identityHash": .string(name)]
    }

    /// The holder's name a credential states (`holderIdentifier`), looked for in its subject and,
    /// for a transcript, in the first achievement credential it holds that states one.
    public static func holderName(in credential: JSONValue) -> String? {
        func stated(_ subject: JSONValue?) -> String? {
            guard case .array(let identifiers)? = subject?["identifier"] else { return nil }
            return identifiers.first { $0["identityType"]?.stringValue == "name" && $0["hashed"] == .bool(false) }?["identityHash"]?.stringValue
        }
        if let name = stated(credential["credentialSubject"]) { return name }
        guard case .array(let parts)? = credential["credentialSubject"]?["verifiableCredential"] else { return nil }
        return parts.lazy.compactMap { stated($0["credentialSubject"]) }.first
    }

    /// A `ClrCredential`: the learner's transcript, holding each achievement credential.
    public static func clr(id: UUID, issuer: IssuerIdentity, subjectID: String, nameZh: String, nameEn: String,
                           achievements: [JSONValue], validFrom: Date, status: CredentialStatusEntry?) -> JSONValue {
        var o: [String: JSONValue] = [
            "@context": [.string(vcContext), .string(clrContext), .string(openBadgesContext)],
            "id": .string("urn:uuid:" + id.uuidString.lowercased()),
            "type": ["VerifiableCredential", "ClrCredential"],
            "issuer": issuer.profile,
            "name": bilingual(nameZh, nameEn),
            "validFrom": .string(timestamp(validFrom)),
            "credentialSubject": ["id": .string(subjectID), "type": ["ClrSubject"], "verifiableCredential": .array(achievements)],
        ]
        if let status { o["credentialStatus"] = status.json }
        return .object(o)
    }

    /// The VC-JWT payload: the credential itself with the registered claims the Open Badges
    /// profile requires beside it (`iss`, `jti`, `sub`, `nbf`, and `exp` when it expires).
    public static func jwtPayload(_ credential: JSONValue) -> JSONValue {
        guard case .object(var o) = credential else { return credential }
        if let iss = credential["issuer"]?.idValue { o["iss"] = .string(iss) }
        if let jti = credential["id"]?.stringValue { o["jti"] = .string(jti) }
        if let sub = credential["credentialSubject"]?.idValue { o["sub"] = .string(sub) }
        if let from = credential["validFrom"]?.stringValue.flatMap(date) { o["nbf"] = .int(Int(from.timeIntervalSince1970)) }
        if let until = credential["validUntil"]?.stringValue.flatMap(date) { o["exp"] = .int(Int(until.timeIntervalSince1970)) }
        return .object(o)
    }
}
