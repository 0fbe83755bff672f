import Crypto
import Foundation
import JSON

/// One of the issuer's Ed25519 public keys, as published in the DID document and JWKS.
/// Retired keys stay published so that what they signed before retirement still verifies.
public struct IssuerPublicKey: Sendable, Equatable {
    /// The DID URL of the verification method: `did:web:host#<thumbprint>`.
    public var kid: String
    /// The 32-byte Ed25519 public key.
    public var x: Data
    public var createdAt: Date
    /// When the key stopped signing; nil while it is the active key.
    public var retiredAt: Date?

    public init(kid: String, x: Data, createdAt: Date, retiredAt: Date? = nil) {
        self.kid = kid
        self.x = x
        self.createdAt = createdAt
        self.retiredAt = retiredAt
    }

    /// RFC 7638 thumbprint of the public JWK: the key's name that nobody has to choose.
    public static func thumbprint(x: Data) -> String {
        let canonical = #"{"crv":"Ed25519","kty":"OKP","x":"\#(Base64URL.encode(x))"}"#
        return Base64URL.encode(Data(SHA256.hash(data: Data(canonical.utf8))))
    }

    /// The public JWK (RFC 8037): never a `d`.
    public var jwk: JSONValue {
        ["kty": "OKP", "crv": "Ed25519", "x": .string(Base64URL.encode(x)), "kid": .string(kid), "alg": "EdDSA", "use": "sig"]
    }

    public func isValidSignature(_ signature: Data, for data: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: x) else { return false }
        return key.isValidSignature(signature, for: data)
    }
}
