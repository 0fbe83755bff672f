import Foundation
import JSON

/// Who signs: the platform, named by a `did:web` DID made from its public address, with a
/// bilingual name. The DID document and JWKS publish every key, active and retired.
public struct IssuerIdentity: Sendable, Equatable {
    public var did: String
    /// The address the platform is reached at, e.g. `https://zhijiao.example.cn`.
    public var baseURL: String
    public var nameZh: String
    public var nameEn: String

    public init(baseURL: String, nameZh: String = "深圳市职业教育学分银行", nameEn: String = "Shenzhen Vocational Education Credit Bank") {
        let trimmed = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.baseURL = trimmed
        self.did = Self.didWeb(for: trimmed)
        self.nameZh = nameZh
        self.nameEn = nameEn
    }

    /// did:web for a host (and port, percent-encoded as the method requires); a path becomes
    /// colon-separated segments.
    public static func didWeb(for baseURL: String) -> String {
        var rest = baseURL
        for scheme in ["https://", "http://"] where rest.hasPrefix(scheme) { rest = String(rest.dropFirst(scheme.count)) }
        let segments = rest.split(separator: "/").map(String.init)
        guard let host = segments.first else { return "did:web:localhost" }
        let encodedHost = host.replacingOccurrences(of: ":", with: "%3A")
        return (["did:web:" + encodedHost] + segments.dropFirst()).joined(separator: ":")
    }

    /// The issuer profile every credential carries.
    public var profile: JSONValue {
        ["id": .string(did), "type": ["Profile"], "name": .string(nameZh), "url": .string(baseURL),
         "description": .string(nameEn)]
    }

    /// The DID document served at `/.well-known/did.json`.
    public func didDocument(keys: [IssuerPublicKey]) -> JSONValue {
        let methods: [JSONValue] = keys.map { ["id": .string($0.kid), "type": "JsonWebKey2020", "controller": .string(did), "publicKeyJwk": $0.jwk] }
        let ids: [JSONValue] = keys.map { .string($0.kid) }
        return ["@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"],
                "id": .string(did), "verificationMethod": .array(methods), "assertionMethod": .array(ids)]
    }

    /// The JWKS served at `/.well-known/jwks.json`.
    public func jwks(keys: [IssuerPublicKey]) -> JSONValue {
        ["keys": .array(keys.map(\.jwk))]
    }
}
