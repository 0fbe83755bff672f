import Foundation
import JSON

/// Verifies a VC-JWT the way a relying party would: format, a known issuer and one of its
/// published keys, the Ed25519 signature, the registered claims against the credential, the
/// validity window, and every status entry. Pure: keys and status bits are handed in.
public struct CredentialVerifier: Sendable {
    /// The issuers this verifier trusts, by DID, with every key they publish.
    public var issuers: [String: [IssuerPublicKey]]
    public var now: Date
    /// Clock skew allowed on both ends of the validity window.
    public var leeway: TimeInterval = 60

    public init(issuers: [String: [IssuerPublicKey]], now: Date = Date()) {
        self.issuers = issuers
        self.now = now
    }

    /// The credential types this platform issues and verifies.
    public static let credentialTypes: Set<String> = ["OpenBadgeCredential", "AchievementCredential", "ClrCredential"]

    /// Reads a status bit: list URL and index → set or not; throws when it cannot tell.
    public typealias StatusLookup = @Sendable (_ listURL: String, _ index: Int) throws(VerificationFailure) -> Bool

    public func verify(_ token: String, status: StatusLookup) -> VerificationReport {
        var report = VerificationReport(checks: [], failure: nil, credential: nil, kid: nil)
        var current = VerificationReport.CheckName.format
        func pass(_ zh: String, _ en: String) { report.checks.append(.init(name: current, outcome: .passed, zh: zh, en: en)) }
        do {
            let jws = try CompactJWS.parse(token)
            let payload = jws.payload
            report.credential = payload
            report.kid = jws.header["kid"]?.stringValue
            let alg = jws.header["alg"]?.stringValue ?? "(none)"
            guard alg == "EdDSA" else { throw VerificationFailure.unsupportedAlgorithm(alg) }
            let types = payload["type"]?.stringList ?? []
            guard types.contains("VerifiableCredential"), !Self.credentialTypes.isDisjoint(with: types) else { throw VerificationFailure.notACredential(types) }
            pass("JWT 结构与凭证类型正确（\(types.joined(separator: ", "))）", "well-formed JWT carrying \(types.joined(separator: ", "))")

            current = .issuer
            let issuerID = payload["issuer"]?.idValue ?? ""
            guard payload["iss"]?.stringValue == issuerID else { throw VerificationFailure.claimMismatch(claim: "iss") }
            guard let keys = issuers[issuerID] else { throw VerificationFailure.unknownIssuer(issuerID) }
            let kid = report.kid ?? ""
            guard kid.hasPrefix(issuerID + "#"), let key = keys.first(where: { $0.kid == kid }) else { throw VerificationFailure.unknownKey(kid) }
            let issuerName = payload["issuer"]?["name"]?.stringValue ?? issuerID
            pass("签发者 \(issuerName)（\(issuerID)），密钥 \(kid)", "issuer \(issuerID), key \(kid)")

            current = .signature
            guard key.isValidSignature(jws.signature, for: jws.signingInput) else { throw VerificationFailure.badSignature }
            let nbf = payload["nbf"]?.intValue.map { Date(timeIntervalSince1970: TimeInterval($0)) }
            if let retired = key.retiredAt, let nbf, nbf > retired.addingTimeInterval(leeway) {
                throw VerificationFailure.signedAfterRetirement(kid: kid, retiredAt: retired)
            }
            try checkClaims(payload, nbf: nbf)
            pass("Ed25519 签名有效，JWT 声明与凭证一致", "valid Ed25519 signature; registered claims match the credential")

            current = .validity
            try checkWindow(payload, nbf: nbf)
            let until = payload["validUntil"]?.stringValue
            pass(until.map { "在有效期内（至 \($0)）" } ?? "在有效期内（长期有效）", until.map { "within its validity (until \($0))" } ?? "within its validity (no expiry)")

            current = .status
            let entries = payload["credentialStatus"].map { $0.arrayValue ?? [$0] } ?? []
            for entry in entries {
                guard entry["type"]?.stringList.contains("BitstringStatusListEntry") == true,
                      let url = entry["statusListCredential"]?.stringValue,
                      let index = entry["statusListIndex"]?.stringValue.flatMap(Int.init) ?? entry["statusListIndex"]?.intValue else {
                    throw VerificationFailure.malformed(zh: "credentialStatus 条目不完整", en: "incomplete credentialStatus entry")
                }
                if try status(url, index) {
                    throw entry["statusPurpose"]?.stringValue == "suspension" ? VerificationFailure.suspended : VerificationFailure.revoked
                }
            }
            pass(entries.isEmpty ? "凭证未登记状态列表" : "未被撤销或暂停", entries.isEmpty ? "the credential has no status entry" : "neither revoked nor suspended")
        } catch let failure as VerificationFailure {
            report.failure = failure
            report.checks.append(.init(name: current, outcome: .failed, zh: failure.zh, en: failure.en))
        } catch {
            let failure = VerificationFailure.malformed(zh: "\(error)", en: "\(error)")
            report.failure = failure
            report.checks.append(.init(name: current, outcome: .failed, zh: failure.zh, en: failure.en))
        }
        let reached = Set(report.checks.map(\.name))
        for name in VerificationReport.CheckName.allCases where !reached.contains(name) {
            report.checks.append(.init(name: name, outcome: .notChecked, zh: "未检查（前一项未通过）", en: "not checked (an earlier check failed)"))
        }
        return report
    }

    private func checkClaims(_ payload: JSONValue, nbf: Date?) throws(VerificationFailure) {
        guard let jti = payload["jti"]?.stringValue, jti == payload["id"]?.stringValue else { throw .claimMismatch(claim: "jti") }
        let subject = payload["credentialSubject"]?.idValue
        if subject != nil || payload["sub"] != nil {
            guard payload["sub"]?.stringValue == subject else { throw .claimMismatch(claim: "sub") }
        }
        guard let nbf else { throw .claimMismatch(claim: "nbf") }
        if let from = payload["validFrom"]?.stringValue {
            guard let date = CredentialDocument.date(from), abs(date.timeIntervalSince(nbf)) < 1 else { throw .claimMismatch(claim: "nbf") }
        }
        if let until = payload["validUntil"]?.stringValue {
            guard let date = CredentialDocument.date(until), let exp = payload["exp"]?.intValue,
                  abs(date.timeIntervalSince1970 - TimeInterval(exp)) < 1 else { throw .claimMismatch(claim: "exp") }
        }
    }

    private func checkWindow(_ payload: JSONValue, nbf: Date?) throws(VerificationFailure) {
        if let nbf, nbf > now.addingTimeInterval(leeway) { throw .notYetValid(nbf) }
        if let exp = payload["exp"]?.intValue {
            let date = Date(timeIntervalSince1970: TimeInterval(exp))
            if date < now.addingTimeInterval(-leeway) { throw .expired(date) }
        }
    }
}
