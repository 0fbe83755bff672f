@testable import App
import Credentials
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite("Verifiable credentials: issuing, publishing keys and status lists, revocation, verification")
struct CredentialAppTests {
    let bank = CreditBankAppTests()

    /// A learner with one recognised skill certificate; returns the learner id and outcome id.
    func learnerWithCertificate(_ app: Application, _ city: String) async throws -> (UUID, UUID) {
        try await bank.loadRules(app, city)
        let created = try await bank.createLearner(app, city, name: "梁浩然", kind: "macau_id", number: "1234567(8)", birth: "2003-08-30")
        let learner = try created.content.decode(CreditBankAPIController.CreatedLearner.self).learner.id
        let res = try await bank.request(app, .POST, "api/v1/credit-bank/learners/\(learner)/outcomes", city,
                                         json: #"{"kind":"skill_level_certificate","issuer":"考试中心","title":"Web前端（中级）","code":"1X-WEB-M","levelFramework":"gd-lqf","level":4,"awardedOn":"2025-06-30","validUntil":"2028-06-30"}"#)
        let outcome = try res.content.decode(CreditBankAPIController.Submitted.self).outcomeId
        return (learner, outcome)
    }

    func keys(_ app: Application) throws -> IssuerKeyStore {
        IssuerKeyStore(sql: try #require(app.db as? any SQLDatabase), vault: app.services.vault, issuer: app.services.issuer)
    }

    func issue(_ app: Application, _ token: String, learner: UUID, _ json: String) async throws -> TestingHTTPResponse {
        try await bank.request(app, .POST, "api/v1/credit-bank/learners/\(learner)/credentials", token, json: json)
    }

    func verify(_ app: Application, _ credential: String) async throws -> CredentialAPIController.VerifyResult {
        var result: TestingHTTPResponse?
        try await app.testing().test(.POST, "api/v1/credentials/verify", beforeRequest: { req in
            req.headers.contentType = .plainText
            req.body = ByteBuffer(string: credential)
        }, afterResponse: { result = $0 })
        let response = try #require(result)
        #expect(response.status == .ok, "\(bodyString(response))")
        return try response.content.decode(CredentialAPIController.VerifyResult.self)
    }

    func get(_ app: Application, _ path: String) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.GET, path, afterResponse: { result = $0 })
        return try #require(result)
    }

    @Test func anIssuedCredentialVerifiesUntilItIsRevokedAndItsBitFlips() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin)
            let (learner, outcome) = try await learnerWithCertificate(app, city)
            // No key yet: a clear refusal, nothing stored.
            let early = try await issue(app, city, learner: learner, #"{"kind":"outcome"}"#)
            #expect(early.status == .conflict && bodyString(early).contains("keygen"))
            #expect(try await app.count("issued_credentials") == 0)
            try await keys(app).rotate()

            let res = try await issue(app, city, learner: learner, #"{"kind":"outcome","subject":"\#(outcome)"}"#)
            #expect(res.status == .created, "\(bodyString(res))")
            let issued = try res.content.decode(CredentialAPIController.IssuedBody.self)
            let payload = try CompactJWS.parse(issued.jwt).payload
            #expect(payload["iss"]?.stringValue == app.services.issuer.did)
            #expect(payload["credentialSubject"]?["achievement"]?["name"]?.stringValue == "Web前端（中级）")
            #expect(payload["credentialSubject"]?["creditsEarned"] != nil)
            #expect(payload["exp"] != nil, "the certificate's validity becomes the credential's")

            // The DID document publishes the key the header names.
            let did = try JSONValue.parse(Data(bodyString(try await get(app, ".well-known/did.json")).utf8))
            #expect(did["assertionMethod"]?.arrayValue?.contains(.string(issued.credential.kid)) == true)
            #expect(bodyString(try await get(app, ".well-known/jwks.json")).contains("\"OKP\""))
            #expect(!bodyString(try await get(app, ".well-known/jwks.json")).contains("\"d\""))

            #expect(try await verify(app, issued.jwt).verified)
            // The holder is named as Open Badges 3.0 names one: an IdentityObject of type name, in
            // plain text, with exactly the schema's four properties; the QR's page shows it.
            #expect(CredentialDocument.holderName(in: payload) == "梁浩然")
            #expect(try await verify(app, issued.jwt).holderName == "梁浩然")
            let identifier = try #require(payload["credentialSubject"]?["identifier"]?.arrayValue?.first?.objectValue)
            #expect(identifier.keys.sorted() == ["hashed", "identityHash", "identityType", "type"])
            let shown = bodyString(try await get(app, "verify/\(issued.credential.id)"))
            #expect(shown.contains("id=\"verify-holder\"") && shown.contains("持有人（凭证所载）：梁浩然"))
            // The same through a baked PNG download.
            var png: TestingHTTPResponse?
            try await app.testing().test(.GET, "api/v1/credentials/\(issued.credential.id)/download?format=png", headers: .bearer(city), afterResponse: { png = $0 })
            let baked = try #require(png)
            #expect(baked.headers.contentType?.subType == "png")
            #expect(try PNGBaking.extract(from: Data(buffer: baked.body)) == issued.jwt)

            // Revoked with a reason: the status list's bit is set, verification fails with the reason.
            let noReason = try await bank.request(app, .POST, "api/v1/credentials/\(issued.credential.id)/status", city, json: #"{"action":"revoke","reason":" "}"#)
            #expect(noReason.status == .unprocessableEntity && bodyString(noReason).contains("reason"))
            let revoked = try await bank.request(app, .POST, "api/v1/credentials/\(issued.credential.id)/status", city, json: #"{"action":"revoke","reason":"证书被发证机构撤回"}"#)
            #expect(revoked.status == .ok, "\(bodyString(revoked))")
            let list = try CompactJWS.parse(bodyString(try await get(app, "credentials/status/revocation"))).payload
            let bits = try StatusBitstring.decode(list["credentialSubject"]?["encodedList"]?.stringValue ?? "")
            let index = Int(payload["credentialStatus"]?.arrayValue?.first?["statusListIndex"]?.stringValue ?? "") ?? -1
            #expect(bits[index])
            let after = try await verify(app, issued.jwt)
            #expect(!after.verified && after.failure?.code == "revoked")
            #expect(after.holderName == nil, "a revoked credential names nobody")
            // Revocation is final; the log keeps the reason.
            let again = try await bank.request(app, .POST, "api/v1/credentials/\(issued.credential.id)/status", city, json: #"{"action":"reinstate","reason":"x"}"#)
            #expect(again.status == .conflict)
            let detail = try await bank.request(app, .GET, "api/v1/credentials/\(issued.credential.id)", city)
            #expect(try detail.content.decode(CredentialAPIController.CredentialDetail.self).changes.map(\.reason) == ["证书被发证机构撤回"])
        }
    }

    @Test func suspensionIsReversibleAndRotationKeepsOldCredentialsVerifiable() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin)
            let (learner, _) = try await learnerWithCertificate(app, city)
            try await keys(app).rotate(now: Date().addingTimeInterval(-3600))
            let old = try await issue(app, city, learner: learner, #"{"kind":"transcript"}"#).content.decode(CredentialAPIController.IssuedBody.self)
            #expect(try CompactJWS.parse(old.jwt).payload["type"]?.stringList.contains("ClrCredential") == true)

            let suspend = try await bank.request(app, .POST, "api/v1/credentials/\(old.credential.id)/status", f.token(.creditReviewer), json: #"{"action":"suspend","reason":"核查中"}"#)
            #expect(suspend.status == .ok)
            #expect(try await verify(app, old.jwt).failure?.code == "suspended")
            _ = try await bank.request(app, .POST, "api/v1/credentials/\(old.credential.id)/status", city, json: #"{"action":"reinstate","reason":"核查无误"}"#)
            #expect(try await verify(app, old.jwt).verified)

            // A new key: the old one is retired but still published, so the old credential verifies.
            let rotation = try await keys(app).rotate(in: app.db)
            #expect(rotation.retired == [old.credential.kid])
            let published = try await keys(app).publicKeys()
            #expect(published.first?.kid == rotation.new.kid && published.count == 2)
            #expect(try await verify(app, old.jwt).verified)
            let fresh = try await issue(app, city, learner: learner, #"{"kind":"outcome"}"#).content.decode(CredentialAPIController.IssuedBody.self)
            #expect(fresh.credential.kid == rotation.new.kid, "a retired key signs nothing new")
        }
    }

    @Test func onlyTheLearnerTheCityAndReviewersIssueAndOnlyTheCityAndReviewersRevoke() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin)
            let (learner, _) = try await learnerWithCertificate(app, city)
            try await keys(app).rotate()
            #expect(try await issue(app, f.token(.teacher), learner: learner, #"{"kind":"outcome"}"#).status == .forbidden)
            // Another learner's account answers 404 like a missing one (was 403; issue 14).
            #expect(try await issue(app, f.token(.learner), learner: learner, #"{"kind":"outcome"}"#).status == .notFound)
            let bad = try await issue(app, city, learner: learner, #"{"kind":"diploma"}"#)
            #expect(bad.status == .unprocessableEntity && bodyString(bad).contains("kind"))
            let notEarned = try await issue(app, city, learner: learner, #"{"kind":"qualification","subject":"\#(DemoCreditBank.qualifications[0].id)"}"#)
            #expect(notEarned.status == .unprocessableEntity && bodyString(notEarned).contains("尚未达到"))
            let issued = try await issue(app, f.token(.creditReviewer), learner: learner, #"{"kind":"outcome"}"#).content.decode(CredentialAPIController.IssuedBody.self)
            let byTeacher = try await bank.request(app, .POST, "api/v1/credentials/\(issued.credential.id)/status", f.token(.teacher), json: #"{"action":"revoke","reason":"x"}"#)
            #expect(byTeacher.status == .forbidden)
            #expect(try await bank.request(app, .GET, "api/v1/credentials/\(issued.credential.id)", f.token(.teacher)).status == .forbidden)
            #expect(try await app.count("issued_credentials") == 1)
        }
    }

    @Test func verificationNamesWhatIsWrongWithBadInput() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin)
            let (learner, _) = try await learnerWithCertificate(app, city)
            try await keys(app).rotate()
            let issued = try await issue(app, city, learner: learner, #"{"kind":"outcome"}"#).content.decode(CredentialAPIController.IssuedBody.self)
            let parts = issued.jwt.split(separator: ".").map(String.init)
            var claims = try CompactJWS.parse(issued.jwt).payload.objectValue ?? [:]
            claims["name"] = "伪造"
            let forged = parts[0] + "." + Base64URL.encode(JSONValue.object(claims).serialized()) + "." + parts[2]
            #expect(try await verify(app, forged).failure?.code == "bad_signature")
            #expect(try await verify(app, "not a jwt").failure?.code == "malformed")
            let unsigned = try await verify(app, #"{"type":["VerifiableCredential","OpenBadgeCredential"]}"#)
            #expect(unsigned.failure?.code == "malformed" && unsigned.failure?.zh.contains("不带签名") == true)
            // An impostor's key under another DID.
            let impostor = IssuerSigningKey.generate(did: "did:web:impostor.example")
            let stranger = try CompactJWS.sign(payload: CredentialDocument.jwtPayload(.object(claims.merging(["issuer": "did:web:impostor.example", "iss": "did:web:impostor.example"]) { $1 })), with: impostor)
            #expect(try await verify(app, stranger).failure?.code == "unknown_issuer")
            // The envelope download verifies like the JWT.
            #expect(try await verify(app, String(decoding: CredentialInput.envelope(issued.jwt).serialized(), as: UTF8.self)).verified)
            // The public page shows the checks without signing in.
            let page = try await get(app, "verify/\(issued.credential.id)")
            #expect(page.status == .ok && bodyString(page).contains("verify-checks"))
        }
    }
}
