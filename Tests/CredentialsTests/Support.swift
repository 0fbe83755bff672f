import Foundation
@testable import Credentials

let issuer = IssuerIdentity(baseURL: "https://zhijiao.example.cn")
let issuedAt = Date(timeIntervalSince1970: 1_780_000_000)

func achievement() -> AchievementClaim {
    AchievementClaim(id: "https://zhijiao.example.cn/credit-bank/achievements/skill/4-04-05-01-3", achievementType: "Certificate",
                     nameZh: "计算机程序设计员（四级）", nameEn: "Computer Programmer (Level 4)", descriptionZh: "职业技能等级证书",
                     descriptionEn: "Vocational skill-level certificate", criteriaZh: "通过技能等级认定", creditsAvailable: 4)
}

func credential(id: UUID = UUID(), validUntil: Date? = nil, index: Int = 7) -> JSONValue {
    CredentialDocument.openBadge(id: id, issuer: issuer, subjectID: "urn:uuid:00000000-0000-0000-0000-00000000000a", achievement: achievement(),
                                 validFrom: issuedAt, validUntil: validUntil,
                                 status: CredentialStatusEntry(listBaseURL: issuer.baseURL + "/credentials/status", index: index))
}

func signed(_ credential: JSONValue, with key: IssuerSigningKey) throws -> String {
    try CompactJWS.sign(payload: CredentialDocument.jwtPayload(credential), with: key)
}

func verifier(_ keys: [IssuerPublicKey], at now: Date = issuedAt.addingTimeInterval(3600)) -> CredentialVerifier {
    CredentialVerifier(issuers: [issuer.did: keys], now: now)
}

let nothingRevoked: CredentialVerifier.StatusLookup = { _, _ in false }

/// Replaces the payload of a compact JWS, keeping the header and signature.
func tampered(_ token: String, _ edit: (inout [String: JSONValue]) -> Void) throws -> String {
    let parts = token.split(separator: ".").map(String.init)
    var payload = try JSONValue.parse(Base64URL.decode(parts[1])!).objectValue!
    edit(&payload)
    return parts[0] + "." + Base64URL.encode(JSONValue.object(payload).serialized()) + "." + parts[2]
}
