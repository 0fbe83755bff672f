import Credentials
import Foundation
import JSON

/// Signed statements (签名语句, xAPI Data 2.6): a JWS attached with the signature usageType,
/// whose payload is the statement as it was before the signature was attached.
public enum SignedStatement {
    public static let usageType = "http://adlnet.gov/expapi/attachments/signature"
    static let algorithms: Set<String> = ["RS256", "RS384", "RS512"]

    /// The index of the signature attachment's metadata, if the statement declares one.
    public static func signatureIndex(in statement: JSONValue) -> Int? {
        statement["attachments"]?.arrayValue?.firstIndex { $0["usageType"]?.stringValue == usageType }
    }

    /// Checks a statement's signature: the attachment's content type, that the JWS parses, its
    /// algorithm, and that its payload is this statement. The RSA signature itself is not
    /// checked here: the suite's and most clients' signatures carry no certificate to check
    /// it against, and the specification leaves trust in the signer to the reader.
    public static func verify(_ statement: JSONValue, signature: Data, index: Int) throws(StatementViolation) {
        let path = "attachments[\(index)]"
        guard statement["attachments"]?.arrayValue?[index]["contentType"]?.stringValue == "application/octet-stream" else {
            throw StatementViolation(path + ".contentType", "a signature must be application/octet-stream")
        }
        guard let token = String(data: signature, encoding: .utf8), let jws = try? CompactJWS.parse(token) else {
            throw StatementViolation(path, "the signature is not a JWS in compact serialisation")
        }
        guard let alg = jws.header["alg"]?.stringValue, algorithms.contains(alg) else {
            throw StatementViolation(path, "the signature's algorithm must be RS256, RS384 or RS512")
        }
        guard case .object(var original) = statement else { throw StatementViolation("", "must be an object") }
        original["attachments"] = nil
        var payload = jws.payload
        if case .object(var p) = payload {
            p["attachments"] = nil
            payload = .object(p)
        }
        guard StatementEquivalence.same(JSONValue.object(original), payload) || StatementEquivalence.same(payload, JSONValue.object(original)) else {
            throw StatementViolation(path, "the signature's payload is not this statement")
        }
    }
}
