import Foundation
import JSON

/// The `BitstringStatusListCredential` for one purpose, itself signed as a VC-JWT by the
/// issuer. It is short-lived (`validUntil` a day ahead) so a replayed old copy cannot
/// un-revoke a credential; the App signs a fresh one when asked.
public enum StatusListCredential {
    public static func document(listURL: String, purpose: CredentialStatusEntry.Purpose, bits: StatusBitstring, issuer: IssuerIdentity,
                                now: Date, lifetime: TimeInterval = 24 * 3600) throws -> JSONValue {
        [
            "@context": [.string(CredentialDocument.vcContext)],
            "id": .string(listURL),
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": issuer.profile,
            "validFrom": .string(CredentialDocument.timestamp(now)),
            "validUntil": .string(CredentialDocument.timestamp(now.addingTimeInterval(lifetime))),
            "credentialSubject": ["id": .string(listURL + "#list"), "type": "BitstringStatusList",
                                  "statusPurpose": .string(purpose.rawValue), "encodedList": .string(try bits.encodedList())],
        ]
    }

    public static func signed(listURL: String, purpose: CredentialStatusEntry.Purpose, bits: StatusBitstring, issuer: IssuerIdentity,
                              key: IssuerSigningKey, now: Date) throws -> String {
        let doc = try document(listURL: listURL, purpose: purpose, bits: bits, issuer: issuer, now: now)
        return try CompactJWS.sign(payload: CredentialDocument.jwtPayload(doc), with: key)
    }
}
