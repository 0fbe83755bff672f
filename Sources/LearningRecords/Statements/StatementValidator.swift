import Credentials
import Foundation
import JSON

/// The xAPI data rules for one statement as a client sent it (xAPI 1.0.3 Data §2 and §4,
/// IEEE 9274.1.1 / xAPI 2.0): every property the specification defines is checked for type and
/// format, and anything it does not define is refused, so the LRS stores only statements other
/// systems can read. The first broken rule is thrown with the property's path; the LRS answers
/// it with 400 Bad Request.
public enum StatementValidator {
    /// The verb whose statements void another (Data 2.3.2).
    static let voidedVerb = "http://adlnet.gov/expapi/verbs/voided"

    /// Checks a statement as received (`id`, `stored`, `authority`, `version` may be present;
    /// `stored` is accepted unchecked because the LRS overwrites it).
    public static func validate(_ statement: JSONValue, version: XAPIVersion) throws(StatementViolation) {
        let root = Field(value: statement, path: "")
        let p = try root.object("a Statement")
        try p.allowOnly(["id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments"])
        if let id = try p.optional("id") { try id.uuid() }
        try statementBody(p, version: version, inSubStatement: false)
        if let authority = try p.optional("authority") { try self.authority(authority) }
        if let v = try p.optional("version") {
            let text = try v.string()
            guard isStatementVersion(text, for: version) else {
                throw v.violation(version == .v1_0 ? "must be a 1.0.x version" : "must be a 1.0.x or 2.0.x version")
            }
        }
        // A voiding statement's object must be a StatementRef to the statement it voids (Data 2.3.2).
        if let verb = try p.optional("verb"), verb.value["id"]?.stringValue == voidedVerb,
           let object = try p.optional("object"), object.value["objectType"]?.stringValue != "StatementRef" {
            throw StatementViolation(object.path("objectType"), "must be StatementRef when the verb is \(voidedVerb)")
        }
    }

    /// Checks an Agent, or an identified Group, given as a parameter (`agent` on the statement
    /// query and the State and Agent Profile resources): the same rules as in a statement, and it
    /// must identify someone, since documents and queries are keyed by the identifier.
    public static func validateAgent(_ value: JSONValue, path: String) throws(StatementViolation) {
        let f = Field(value: value, path: path)
        let p = try f.object("an Agent")
        if try p.objectType() == "Group" {
            try group(f)
            guard try inverseFunctionalIdentifier(p) != nil else {
                throw f.violation("must identify an Agent or an identified Group (an mbox, mbox_sha1sum, openid or account)")
            }
        } else {
            try agent(f, objectTypeRequired: false)
        }
    }

    /// Whether `text` is a UUID in its canonical textual form, 8-4-4-4-12 hexadecimal digits of
    /// either case (RFC 4122 §3, which reads input case-insensitively).
    public static func isUUID(_ text: String) -> Bool {
        let u = Array(text.utf8)
        guard u.count == 36 else { return false }
        for (i, c) in u.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard c == 0x2D else { return false }
            } else {
                guard (0x30...0x39).contains(c) || (0x41...0x46).contains(c) || (0x61...0x66).contains(c) else { return false }
            }
        }
        return true
    }

    /// The properties a statement and a SubStatement share: actor, verb, object, result, context,
    /// timestamp, attachments.
    static func statementBody(_ p: Properties, version: XAPIVersion, inSubStatement: Bool) throws(StatementViolation) {
        try actor(try p.required("actor"))
        try verb(try p.required("verb"))
        let object = try p.required("object")
        try statementObject(object, version: version, inSubStatement: inSubStatement)
        if let result = try p.optional("result") { try self.result(result) }
        if let context = try p.optional("context") {
            let objectIsActivity = (object.value["objectType"]?.stringValue ?? "Activity") == "Activity"
            try self.context(context, version: version, objectIsActivity: objectIsActivity)
        }
        if let timestamp = try p.optional("timestamp") {
            guard XAPITimestamp.parse(try timestamp.string(), version: version) != nil else {
                throw timestamp.violation(version == .v1_0
                    ? "must be an ISO 8601 timestamp (and not a negative zero offset)"
                    : "must be an RFC 3339 timestamp with a time zone offset other than -00:00")
            }
        }
        if let attachments = try p.optional("attachments") { try self.attachments(attachments) }
    }

    /// The Verb: an IRI and an optional display language map (Data 2.4.3).
    static func verb(_ f: Field) throws(StatementViolation) {
        let p = try f.object("a Verb")
        try p.allowOnly(["id", "display"])
        try p.required("id").iri()
        try p.optional("display")?.languageMap()
    }

    /// `version`: 1.0.x for either family (1.0.0 statements are valid 2.0 statements), 2.0.x
    /// only for 2.0 clients. "1.0" and "2.0" alone are accepted, as the conformance suite expects.
    static func isStatementVersion(_ text: String, for version: XAPIVersion) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }) else { return false }
        switch (parts[0], parts[1]) {
        case ("1", "0"): return true
        case ("2", "0"): return version == .v2_0
        default: return false
        }
    }
}
