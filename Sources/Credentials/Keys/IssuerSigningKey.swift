import Crypto
import Foundation

/// The issuer's private Ed25519 key. Only `keygen` makes one; the App stores its raw bytes
/// sealed with the data key and opens it only to sign.
public struct IssuerSigningKey: Sendable {
    private let privateKey: Curve25519.Signing.PrivateKey
    public let publicKey: IssuerPublicKey

    /// A new key for `did`, named by its thumbprint.
    public static func generate(did: String, now: Date = Date()) -> IssuerSigningKey {
        let key = Curve25519.Signing.PrivateKey()
        let x = key.publicKey.rawRepresentation
        return IssuerSigningKey(privateKey: key, publicKey: IssuerPublicKey(kid: did + "#" + IssuerPublicKey.thumbprint(x: x), x: x, createdAt: now))
    }

    /// A stored key: the raw 32 bytes and the public record it belongs to; refused when they
    /// do not match.
    public init(rawRepresentation: Data, publicKey: IssuerPublicKey) throws(KeyError) {
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation) else { throw .notAnEd25519Key }
        guard key.publicKey.rawRepresentation == publicKey.x else { throw .publicKeyMismatch(publicKey.kid) }
        self.privateKey = key
        self.publicKey = publicKey
    }

    private init(privateKey: Curve25519.Signing.PrivateKey, publicKey: IssuerPublicKey) {
        self.privateKey = privateKey
        self.publicKey = publicKey
    }

    public var rawRepresentation: Data { privateKey.rawRepresentation }

    public func sign(_ data: Data) throws -> Data { try privateKey.signature(for: data) }

    public enum KeyError: Error, Equatable, CustomStringConvertible {
        case notAnEd25519Key
        case publicKeyMismatch(String)

        public var description: String {
            switch self {
            case .notAnEd25519Key: "the stored private key is not 32 bytes of Ed25519"
            case .publicKeyMismatch(let kid): "the stored private key does not belong to \(kid)"
            }
        }
    }
}
