import Foundation
import JSON
import Testing
@testable import Credentials

@Suite struct SigningTests {
    @Test func aSignedBadgeVerifiesWithEveryCheckPassing() throws {
        let key = IssuerSigningKey.generate(did: issuer.did, now: issuedAt)
        let report = verifier([key.publicKey]).verify(try signed(credential(), with: key), status: nothingRevoked)
        #expect(report.verified)
        #expect(report.checks.map(\.name) == VerificationReport.CheckName.allCases)
        #expect(report.checks.allSatisfy { $0.outcome == .passed })
        #expect(report.credential?["credentialSubject"]?["achievement"]?["name"]?.stringValue == "计算机程序设计员（四级）")
        #expect(report.kid == key.publicKey.kid)
    }

    @Test func thePayloadCarriesTheRegisteredClaimsBesideTheCredential() throws {
        let id = UUID()
        let until = issuedAt.addingTimeInterval(86_400 * 365)
        let payload = CredentialDocument.jwtPayload(credential(id: id, validUntil: until))
        #expect(payload["iss"]?.stringValue == "did:web:zhijiao.example.cn")
        #expect(payload["jti"]?.stringValue == "urn:uuid:" + id.uuidString.lowercased())
        #expect(payload["sub"]?.stringValue == "urn:uuid:00000000-0000-0000-0000-00000000000a")
        #expect(payload["nbf"]?.intValue == Int(issuedAt.timeIntervalSince1970))
        #expect(payload["exp"]?.intValue == Int(until.timeIntervalSince1970))
        #expect(payload["vc"] == nil)
        let names = payload["name"]?.arrayValue?.compactMap { $0["@language"]?.stringValue }
        #expect(names == ["zh-Hans", "en"])
    }

    @Test func theHeaderNamesTheKeyAndNothingElse() throws {
        let key = IssuerSigningKey.generate(did: issuer.did)
        let jws = try CompactJWS.parse(try signed(credential(), with: key))
        #expect(jws.header == ["alg": "EdDSA", "kid": .string(key.publicKey.kid), "typ": "JWT"])
        #expect(key.publicKey.jwk["d"] == nil)
    }

    @Test func aChangedPayloadFailsTheSignature() throws {
        let key = IssuerSigningKey.generate(did: issuer.did, now: issuedAt)
        let token = try tampered(try signed(credential(), with: key)) { $0["validFrom"] = "2020-01-01T00:00:00Z"; $0["nbf"] = 1_577_836_800 }
        let report = verifier([key.publicKey]).verify(token, status: nothingRevoked)
        #expect(report.failure == .badSignature)
        #expect(report.checks.first { $0.name == .signature }?.outcome == .failed)
        #expect(report.checks.first { $0.name == .status }?.outcome == .notChecked)
    }

    @Test func aTokenSignedByAnotherKeyUnderTheSameNameFails() throws {
        let real = IssuerSigningKey.generate(did: issuer.did, now: issuedAt)
        let forger = IssuerSigningKey.generate(did: issuer.did, now: issuedAt)
        let forged = try IssuerSigningKey(rawRepresentation: forger.rawRepresentation,
                                          publicKey: IssuerPublicKey(kid: real.publicKey.kid, x: forger.publicKey.x, createdAt: issuedAt))
        let report = verifier([real.publicKey]).verify(try signed(credential(), with: forged), status: nothingRevoked)
        #expect(report.failure == .badSignature)
    }

    @Test func aStoredKeyMustMatchItsPublicRecord() throws {
        let a = IssuerSigningKey.generate(did: issuer.did)
        let b = IssuerSigningKey.generate(did: issuer.did)
        #expect(throws: IssuerSigningKey.KeyError.publicKeyMismatch(b.publicKey.kid)) {
            try IssuerSigningKey(rawRepresentation: a.rawRepresentation, publicKey: b.publicKey)
        }
        #expect(throws: IssuerSigningKey.KeyError.notAnEd25519Key) {
            try IssuerSigningKey(rawRepresentation: Data([1, 2, 3]), publicKey: a.publicKey)
        }
    }

    @Test func rotationKeepsOldCredentialsVerifiableAndARetiredKeySignsNothingNew() throws {
        let old = IssuerSigningKey.generate(did: issuer.did, now: issuedAt.addingTimeInterval(-86_400))
        let token = try signed(credential(), with: old)
        var retired = old.publicKey
        retired.retiredAt = issuedAt.addingTimeInterval(600)
        let new = IssuerSigningKey.generate(did: issuer.did, now: issuedAt.addingTimeInterval(600))
        let keys = [new.publicKey, retired]
        #expect(verifier(keys).verify(token, status: nothingRevoked).verified)
        #expect(verifier(keys).verify(try signed(credential(), with: new), status: nothingRevoked).verified)

        // Something the old key signed a day after its retirement is refused.
        let late = CredentialDocument.openBadge(id: UUID(), issuer: issuer, subjectID: "urn:uuid:x", achievement: achievement(),
                                                validFrom: issuedAt.addingTimeInterval(86_400), validUntil: nil, status: nil)
        let report = verifier(keys, at: issuedAt.addingTimeInterval(2 * 86_400)).verify(try signed(late, with: old), status: nothingRevoked)
        #expect(report.failure == .signedAfterRetirement(kid: old.publicKey.kid, retiredAt: retired.retiredAt!))
        #expect(report.failure?.code == "retired_key")
    }

    @Test func anUnknownIssuerOrKeyIsNamed() throws {
        let key = IssuerSigningKey.generate(did: issuer.did, now: issuedAt)
        let token = try signed(credential(), with: key)
        let stranger = CredentialVerifier(issuers: ["did:web:elsewhere.example": [key.publicKey]], now: issuedAt)
        #expect(stranger.verify(token, status: nothingRevoked).failure == .unknownIssuer(issuer.did))
        let other = IssuerSigningKey.generate(did: issuer.did)
        #expect(verifier([other.publicKey]).verify(token, status: nothingRevoked).failure == .unknownKey(key.publicKey.kid))
    }

    @Test func expiryAndNotYetValidAreBothRefused() throws {
        let key = IssuerSigningKey.generate(did: issuer.did, now: issuedAt)
        let until = issuedAt.addingTimeInterval(86_400)
        let token = try signed(credential(validUntil: until), with: key)
        #expect(verifier([key.publicKey], at: issuedAt.addingTimeInterval(3600)).verify(token, status: nothingRevoked).verified)
        let late = verifier([key.publicKey], at: until.addingTimeInterval(3600)).verify(token, status: nothingRevoked)
        #expect(late.failure == .expired(until))
        #expect(late.failure?.zh.contains("已过期") == true)
        let early = verifier([key.publicKey], at: issuedAt.addingTimeInterval(-3600)).verify(token, status: nothingRevoked)
        #expect(early.failure == .notYetValid(issuedAt))
    }

    @Test func registeredClaimsThatDisagreeWithTheCredentialFail() throws {
        let key = IssuerSigningKey.generate(did: issuer.did, now: issuedAt)
        // Signed as is, so only the claim check can catch it.
        var payload = CredentialDocument.jwtPayload(credential()).objectValue!
        payload["jti"] = "urn:uuid:someone-else"
        let token = try CompactJWS.sign(payload: .object(payload), with: key)
        #expect(verifier([key.publicKey]).verify(token, status: nothingRevoked).failure == .claimMismatch(claim: "jti"))
    }

    @Test(arguments: [
        ("abc.def", "malformed"),
        ("!!!.e30.sig", "malformed"),
        ("e30.e30.@@", "malformed"),
        ("eyJhbGciOiJub25lIn0.eyJ0eXBlIjpbIlZlcmlmaWFibGVDcmVkZW50aWFsIl19.", "unsupported_algorithm"),
        ("eyJhbGciOiJIUzI1NiJ9.eyJ0eXBlIjpbIlZlcmlmaWFibGVDcmVkZW50aWFsIl19.c2ln", "unsupported_algorithm"),
        ("eyJhbGciOiJFZERTQSJ9.eyJ0eXBlIjpbIlZlcmlmaWFibGVDcmVkZW50aWFsIl19.c2ln", "not_a_credential"),
    ])
    func malformedInputGetsANamedError(token: String, code: String) {
        let report = verifier([]).verify(token, status: nothingRevoked)
        #expect(report.failure?.code == code)
        #expect(report.checks.first?.outcome == .failed)
        #expect(!(report.failure?.en.isEmpty ?? true))
    }

    @Test func revokedAndSuspendedBitsFailWithTheirPurpose() throws {
        let key = IssuerSigningKey.generate(did: issuer.did, now: issuedAt)
        let token = try signed(credential(index: 42), with: key)
        let revoked = verifier([key.publicKey]).verify(token) { url, index in url.hasSuffix("/revocation") && index == 42 }
        #expect(revoked.failure == .revoked)
        let suspended = verifier([key.publicKey]).verify(token) { url, index in url.hasSuffix("/suspension") && index == 42 }
        #expect(suspended.failure == .suspended)
        let unknown = verifier([key.publicKey]).verify(token) { url, _ throws(VerificationFailure) in throw .statusUnavailable(url) }
        #expect(unknown.failure?.code == "status_unavailable")
    }

    @Test func didWebFollowsTheMethodRules() {
        #expect(IssuerIdentity.didWeb(for: "https://zhijiao.example.cn") == "did:web:zhijiao.example.cn")
        #expect(IssuerIdentity.didWeb(for: "http://127.0.0.1:8181/") == "did:web:127.0.0.1%3A8181")
        #expect(IssuerIdentity.didWeb(for: "https://example.cn/sz/zhijiao") == "did:web:example.cn:sz:zhijiao")
        let key = IssuerSigningKey.generate(did: issuer.did)
        let doc = issuer.didDocument(keys: [key.publicKey])
        #expect(doc["id"]?.stringValue == issuer.did)
        #expect(doc["assertionMethod"] == [.string(key.publicKey.kid)])
        #expect(doc["verificationMethod"]?.arrayValue?.first?["publicKeyJwk"]?["x"]?.stringValue == Base64URL.encode(key.publicKey.x))
    }
}

@Suite struct HolderNameTests {
    @Test func theHolderIsNamedAsAnIdentityObjectAndReadBack() throws {
        let badge = CredentialDocument.openBadge(id: UUID(), issuer: issuer, subjectID: "urn:uuid:00000000-0000-0000-0000-00000000000a",
                                                 achievement: achievement(), validFrom: issuedAt, validUntil: nil, status: nil, holderName: "陈嘉怡")
        let identifier = try #require(badge["credentialSubject"]?["identifier"]?.arrayValue?.first)
        #expect(identifier["type"]?.stringValue == "IdentityObject" && identifier["identityType"]?.stringValue == "name" && identifier["hashed"] == .bool(false))
        #expect(CredentialDocument.holderName(in: badge) == "陈嘉怡")
        // A transcript states it through the credentials it holds.
        let clr = CredentialDocument.clr(id: UUID(), issuer: issuer, subjectID: "urn:uuid:00000000-0000-0000-0000-00000000000a", nameZh: "成绩单", nameEn: "Transcript",
                                         achievements: [badge], validFrom: issuedAt, status: nil)
        #expect(CredentialDocument.holderName(in: clr) == "陈嘉怡")
        // Without a name, none is made up; a hashed identity is not a name to show.
        let anonymous = CredentialDocument.openBadge(id: UUID(), issuer: issuer, subjectID: "urn:x", achievement: achievement(), validFrom: issuedAt, validUntil: nil, status: nil)
        #expect(CredentialDocument.holderName(in: anonymous) == nil)
        let hashed: JSONValue = ["credentialSubject": ["identifier": [["type": "IdentityObject", "identityType": "name", "hashed": true, "identityHash": "sha256$ab"]]]]
        #expect(CredentialDocument.holderName(in: hashed) == nil)
    }
}
