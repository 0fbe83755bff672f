import Foundation
import JSON

/// A JWS in compact serialisation (RFC 7515 §7.1): `header.payload.signature`, each part
/// base64url. The signature covers the first two parts exactly as sent.
public struct CompactJWS: Sendable {
    public var header: JSONValue
    public var payload: JSONValue
    /// The ASCII bytes of `header.payload`, which the signature covers.
    public var signingInput: Data
    public var signature: Data

    /// Splits and decodes a token; every way it can be broken is named.
    public static func parse(_ token: String) throws(VerificationFailure) -> CompactJWS {
        let text = token.first?.isWhitespace == true || token.last?.isWhitespace == true ? token.trimmingCharacters(in: .whitespacesAndNewlines) : token
        let parts = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map { Substring($0) }
        guard parts.count == 3 else { throw .malformed(zh: "JWT 应由三段以“.”分隔的内容组成，此处为 \(parts.count) 段", en: "a JWT has three dot-separated parts; this has \(parts.count)") }
        guard let headerBytes = Base64URL.decode(parts[0]), let header = try? JSONValue.parse(headerBytes), header.objectValue != nil else {
            throw .malformed(zh: "JWT 头部不是 base64url 编码的 JSON 对象", en: "the JWT header is not a base64url JSON object")
        }
        guard let payloadBytes = Base64URL.decode(parts[1]), let payload = try? JSONValue.parse(payloadBytes), payload.objectValue != nil else {
            throw .malformed(zh: "JWT 载荷不是 base64url 编码的 JSON 对象", en: "the JWT payload is not a base64url JSON object")
        }
        guard let signature = Base64URL.decode(parts[2]) else {
            throw .malformed(zh: "JWT 签名不是 base64url 编码", en: "the JWT signature is not base64url")
        }
        return CompactJWS(header: header, payload: payload, signingInput: Data(text.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count)), signature: signature)
    }

    /// Signs `payload` with an EdDSA (Ed25519) key; the header names the key by `kid` and
    /// carries nothing else the Open Badges profile does not allow (`alg`, `kid`, `typ`).
    public static func sign(payload: JSONValue, with key: IssuerSigningKey) throws -> String {
        let header: JSONValue = ["alg": "EdDSA", "kid": .string(key.publicKey.kid), "typ": "JWT"]
        let input = Base64URL.encode(header.serialized()) + "." + Base64URL.encode(payload.serialized())
        let signature = try key.sign(Data(input.utf8))
        return input + "." + Base64URL.encode(signature)
    }
}
