import Crypto
import Foundation
import Registry

/// Encrypts sensitive personal information at rest (PIPL Art. 51, GB/T 35273 §6.3) and makes
/// a keyed blind index for exact-match lookup and duplicate detection.
///
/// One 256-bit master key, from `ZHIJIAO_DATA_KEY` (base64) or a key file created with mode
/// 0600 beside the database, never stored in the database. Two sub-keys are derived with
/// HKDF: one for AES-GCM, one for HMAC-SHA256. A plain hash of an ID number would not do: the
/// 18-digit space is small enough to enumerate (security checklist finding 4).
package struct PersonalDataVault: Sendable {
    /// Identifies the key in every ciphertext, so a future rotation can tell old from new.
    static let keyID = "k1"
    private let encryptionKey: SymmetricKey
    private let indexKey: SymmetricKey

    enum VaultError: Error, CustomStringConvertible {
        case badKey(String)
        case undecryptable

        var description: String {
            switch self {
            case .badKey(let why): "ZHIJIAO_DATA_KEY: \(why)"
            case .undecryptable: "a stored ciphertext could not be decrypted with this key"
            }
        }
    }

    package init(masterKey: SymmetricKey) {
        encryptionKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: masterKey, info: Data("zhijiao personal data encryption v1".utf8), outputByteCount: 32)
        indexKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: masterKey, info: Data("zhijiao personal data blind index v1".utf8), outputByteCount: 32)
    }

    /// Where the key came from: a generated key file is removed again if the database turns
    /// out to belong to another key.
    enum KeySource: Sendable, Equatable {
        case environment, file(String), generated(String)
    }

    /// The key from the environment, or from `keyPath`, generating the file on first use when
    /// `mayGenerate` (development); production must be handed its key.
    static func load(environmentValue: String?, keyPath: String, mayGenerate: Bool = true) throws -> (vault: PersonalDataVault, source: KeySource) {
        if let value = environmentValue, !value.isEmpty {
            guard let bytes = Data(base64Encoded: value), bytes.count == 32 else { throw VaultError.badKey("must be 32 bytes in base64") }
            return (PersonalDataVault(masterKey: SymmetricKey(data: bytes)), .environment)
        }
        let fm = FileManager.default
        if let text = try? String(contentsOfFile: keyPath, encoding: .utf8) {
            guard let bytes = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count == 32 else {
                throw VaultError.badKey("key file \(keyPath) is not 32 bytes of base64")
            }
            return (PersonalDataVault(masterKey: SymmetricKey(data: bytes)), .file(keyPath))
        }
        guard mayGenerate else {
            throw VaultError.badKey("no key: set ZHIJIAO_DATA_KEY (32 random bytes in base64, e.g. `head -c 32 /dev/urandom | base64`) or provide the key file \(keyPath); production never generates one")
        }
        let key = SymmetricKey(size: .bits256)
        let encoded = key.withUnsafeBytes { Data($0).base64EncodedString() }
        guard fm.createFile(atPath: keyPath, contents: Data(encoded.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw VaultError.badKey("could not create key file \(keyPath)")
        }
        return (PersonalDataVault(masterKey: key), .generated(keyPath))
    }

    /// A value that identifies the key without revealing it (HMAC of a fixed label with the
    /// index key): stored at first start and compared at every start.
    var keyCheckValue: String { blindIndex("zhijiao data key check v1") }

    /// `k1:` + base64(nonce ‖ ciphertext ‖ tag).
    package func seal(_ plaintext: String) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: encryptionKey)
        guard let combined = box.combined else { throw VaultError.undecryptable }
        return Self.keyID + ":" + combined.base64EncodedString()
    }

    func open(_ sealed: String) throws -> String {
        guard sealed.hasPrefix(Self.keyID + ":"), let data = Data(base64Encoded: String(sealed.dropFirst(Self.keyID.count + 1))) else {
            throw VaultError.undecryptable
        }
        let box = try AES.GCM.SealedBox(combined: data)
        let plain = try AES.GCM.open(box, using: encryptionKey)
        return String(decoding: plain, as: UTF8.self)
    }

    /// HMAC-SHA256 of the canonical value, hex: equal inputs give equal indexes, and nobody
    /// without the key can test a guess.
    package func blindIndex(_ canonical: String) -> String {
        Hex.encode(HMAC<SHA256>.authenticationCode(for: Data(canonical.utf8), using: indexKey))
    }

    /// What a stored identity becomes: ciphertext, index and the masked form shown everywhere.
    package func sealIdentity(_ document: IdentityDocument) throws -> SealedIdentity {
        SealedIdentity(
            kind: document.kind.rawValue,
            cipher: try seal(document.number),
            index: blindIndex(document.canonical),
            masked: IDMask.mask(document.number)
        )
    }
}

/// The stored columns of an identity document.
package struct SealedIdentity: Sendable, Equatable {
    var kind: String
    var cipher: String
    var index: String
    var masked: String
}
