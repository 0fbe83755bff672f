import Foundation

/// Why a credential did not verify, in Chinese and English for the person who pasted it.
public enum VerificationFailure: Error, Sendable, Equatable {
    case malformed(zh: String, en: String)
    case unsupportedAlgorithm(String)
    case notACredential([String])
    case unknownIssuer(String)
    case unknownKey(String)
    case badSignature
    case signedAfterRetirement(kid: String, retiredAt: Date)
    case claimMismatch(claim: String)
    case notYetValid(Date)
    case expired(Date)
    case revoked
    case suspended
    case malformedStatusList(zh: String, en: String)
    case statusUnavailable(String)

    /// A stable code for the API and the tests.
    public var code: String {
        switch self {
        case .malformed: "malformed"
        case .unsupportedAlgorithm: "unsupported_algorithm"
        case .notACredential: "not_a_credential"
        case .unknownIssuer: "unknown_issuer"
        case .unknownKey: "unknown_key"
        case .badSignature: "bad_signature"
        case .signedAfterRetirement: "retired_key"
        case .claimMismatch: "claim_mismatch"
        case .notYetValid: "not_yet_valid"
        case .expired: "expired"
        case .revoked: "revoked"
        case .suspended: "suspended"
        case .malformedStatusList: "malformed_status_list"
        case .statusUnavailable: "status_unavailable"
        }
    }

    public var zh: String {
        switch self {
        case .malformed(let zh, _): "格式错误：" + zh
        case .unsupportedAlgorithm(let alg): "不支持的签名算法 \(alg)，本平台只签发 EdDSA (Ed25519)"
        case .notACredential(let types): "不是开放徽章或学习者综合档案凭证（类型：\(types.joined(separator: ", "))）"
        case .unknownIssuer(let iss): "未知的签发者 \(iss)"
        case .unknownKey(let kid): "签发者未公布密钥 \(kid)"
        case .badSignature: "签名无效：凭证内容已被改动，或并非由该密钥签发"
        case .signedAfterRetirement(let kid, let at): "密钥 \(kid) 已于 \(CredentialDocument.timestamp(at)) 停用，此后签发的凭证无效"
        case .claimMismatch(let claim): "JWT 声明 \(claim) 与凭证内容不一致"
        case .notYetValid(let d): "凭证尚未生效（生效时间 \(CredentialDocument.timestamp(d))）"
        case .expired(let d): "凭证已过期（有效期至 \(CredentialDocument.timestamp(d))）"
        case .revoked: "凭证已被签发者撤销"
        case .suspended: "凭证已被签发者暂停"
        case .malformedStatusList(let zh, _): "状态列表无法读取：" + zh
        case .statusUnavailable(let url): "无法确定凭证状态（状态列表 \(url)）"
        }
    }

    public var en: String {
        switch self {
        case .malformed(_, let en): "malformed: " + en
        case .unsupportedAlgorithm(let alg): "unsupported signature algorithm \(alg); this platform signs with EdDSA (Ed25519) only"
        case .notACredential(let types): "not an Open Badges or CLR credential (type: \(types.joined(separator: ", ")))"
        case .unknownIssuer(let iss): "unknown issuer \(iss)"
        case .unknownKey(let kid): "the issuer publishes no key \(kid)"
        case .badSignature: "invalid signature: the credential was altered, or this key did not sign it"
        case .signedAfterRetirement(let kid, let at): "key \(kid) was retired at \(CredentialDocument.timestamp(at)); nothing it signed later is valid"
        case .claimMismatch(let claim): "the JWT claim \(claim) does not match the credential"
        case .notYetValid(let d): "not yet valid (valid from \(CredentialDocument.timestamp(d)))"
        case .expired(let d): "expired (valid until \(CredentialDocument.timestamp(d)))"
        case .revoked: "revoked by the issuer"
        case .suspended: "suspended by the issuer"
        case .malformedStatusList(_, let en): "status list unreadable: " + en
        case .statusUnavailable(let url): "the credential's status cannot be determined (status list \(url))"
        }
    }
}
