import Credentials
import Foundation
import JSON

/// Whether two statements are "the same statement" under xAPI's Statement Comparison
/// Requirements (Data 2.3.1): a statement re-sent with a known id is a no-op when it matches
/// the stored one and a 409 Conflict when it does not; a signed statement must match its
/// signature's payload the same way.
///
/// Differences the exceptions to statement immutability could cause are ignored: the
/// properties the LRS assigns (`id` where one side lacks it, `authority`, `stored`, `version`,
/// and `timestamp` where the incoming statement lacks one), timestamp serialisation (compared
/// as instants), Activity Definitions and Verb displays (not part of the statement), the order
/// of a Group's members, and case in case-insensitive values (UUIDs, language tags, SHA-1 and
/// SHA-2 hex, the scheme and domain of an mbox, the scheme and host of IRIs, which are compared
/// after RFC 3987 syntax-based normalisation). A single context Activity equals the one-element
/// array the LRS may store it as, numbers compare by value (`1` equals `1.0`), and durations
/// compare as strings with the seconds cut to hundredths. Everything else — result, context,
/// extensions, attachment metadata — must match.
public enum StatementEquivalence {
    /// True when `incoming` is the statement `stored` holds (argument order matters only for
    /// `timestamp`, which the LRS fills in when a client leaves it out).
    public static func same(_ stored: JSONValue, _ incoming: JSONValue) -> Bool {
        guard case .object(var a) = stored, case .object(var b) = incoming else { return equal(stored, incoming) }
        if let idA = a["id"]?.stringValue, let idB = b["id"]?.stringValue, idA.lowercased() != idB.lowercased() { return false }
        if let tb = b["timestamp"] {
            guard let ta = a["timestamp"], sameInstant(ta, tb) else { return false }
        }
        for key in ["id", "timestamp", "stored", "authority", "version"] {
            a[key] = nil
            b[key] = nil
        }
        return equal(canonicalStatement(a), canonicalStatement(b))
    }

    // MARK: - Canonical forms

    /// A statement or SubStatement body with every part in its canonical form.
    static func canonicalStatement(_ map: [String: JSONValue]) -> JSONValue {
        var out = map
        if let actor = map["actor"] { out["actor"] = canonicalActor(actor) }
        if let verb = map["verb"] { out["verb"] = canonicalVerb(verb) }
        if let object = map["object"] { out["object"] = canonicalObject(object) }
        if let result = map["result"] { out["result"] = canonicalResult(result) }
        if let context = map["context"] { out["context"] = canonicalContext(context) }
        if let attachments = map["attachments"]?.arrayValue { out["attachments"] = .array(attachments.map(canonicalAttachment)) }
        if let timestamp = map["timestamp"] { out["timestamp"] = canonicalInstant(timestamp) }
        return .object(out)
    }

    static func canonicalActor(_ value: JSONValue) -> JSONValue {
        guard case .object(var o) = value else { return value }
        if o["objectType"] == nil { o["objectType"] = "Agent" }
        if let mbox = o["mbox"]?.stringValue { o["mbox"] = .string(canonicalMbox(mbox)) }
        if let sha1 = o["mbox_sha1sum"]?.stringValue { o["mbox_sha1sum"] = .string(sha1.lowercased()) }
        if let openid = o["openid"]?.stringValue { o["openid"] = .string(IRI.normalized(openid)) }
        if case .object(var account)? = o["account"] {
            if let home = account["homePage"]?.stringValue { account["homePage"] = .string(IRI.normalized(home)) }
            o["account"] = .object(account)
        }
        if let members = o["member"]?.arrayValue {
            // A Group's members are an unordered list (Data 2.4.2.2).
            let canonical = members.map(canonicalActor)
            o["member"] = .array(canonical.sorted { $0.serialized().lexicographicallyPrecedes($1.serialized()) })
        }
        return .object(o)
    }

    /// `mailto:` and the domain are case-insensitive; the local part is kept as written.
    static func canonicalMbox(_ mbox: String) -> String {
        guard let colon = mbox.firstIndex(of: ":") else { return mbox }
        let address = mbox[mbox.index(after: colon)...]
        guard let at = address.lastIndex(of: "@") else { return mbox.lowercased() }
        return mbox[..<colon].lowercased() + ":" + address[..<at] + address[at...].lowercased()
    }

    /// The Verb's display is not part of the statement (Data 2.3.1): only its id counts.
    static func canonicalVerb(_ value: JSONValue) -> JSONValue {
        guard let id = value["id"]?.stringValue else { return value }
        return ["id": .string(IRI.normalized(id))]
    }

    static func canonicalObject(_ value: JSONValue) -> JSONValue {
        guard case .object(let o) = value else { return value }
        switch o["objectType"]?.stringValue ?? "Activity" {
        case "Activity": return canonicalActivity(value)
        case "Agent", "Group": return canonicalActor(value)
        case "StatementRef": return canonicalStatementRef(value)
        case "SubStatement": return canonicalStatement(o)
        default: return value
        }
    }

    /// An Activity's definition is not part of the statement (Data 2.3.1): only its id counts.
    static func canonicalActivity(_ value: JSONValue) -> JSONValue {
        guard let id = value["id"]?.stringValue else { return value }
        return ["objectType": "Activity", "id": .string(IRI.normalized(id))]
    }

    static func canonicalStatementRef(_ value: JSONValue) -> JSONValue {
        guard case .object(var o) = value else { return value }
        if let id = o["id"]?.stringValue { o["id"] = .string(id.lowercased()) }
        return .object(o)
    }

    static func canonicalResult(_ value: JSONValue) -> JSONValue {
        guard case .object(var o) = value else { return value }
        if let duration = o["duration"]?.stringValue { o["duration"] = .string(ISODuration.comparisonForm(duration)) }
        if let extensions = o["extensions"] { o["extensions"] = canonicalExtensions(extensions) }
        return .object(o)
    }

    static func canonicalContext(_ value: JSONValue) -> JSONValue {
        guard case .object(var o) = value else { return value }
        if let registration = o["registration"]?.stringValue { o["registration"] = .string(registration.lowercased()) }
        if let instructor = o["instructor"] { o["instructor"] = canonicalActor(instructor) }
        if let team = o["team"] { o["team"] = canonicalActor(team) }
        if case .object(let lists)? = o["contextActivities"] {
            var out: [String: JSONValue] = [:]
            for (key, list) in lists {
                let items: [JSONValue] = if case .array(let a) = list { a } else { [list] }
                out[key] = .array(items.map(canonicalActivity))
            }
            o["contextActivities"] = .object(out)
        }
        if let language = o["language"]?.stringValue { o["language"] = .string(language.lowercased()) }
        if let statement = o["statement"] { o["statement"] = canonicalStatementRef(statement) }
        if let extensions = o["extensions"] { o["extensions"] = canonicalExtensions(extensions) }
        for (key, member) in [("contextAgents", "agent"), ("contextGroups", "group")] {
            guard let items = o[key]?.arrayValue else { continue }
            o[key] = .array(items.map { item in
                guard case .object(var io) = item else { return item }
                if let actor = io[member] { io[member] = canonicalActor(actor) }
                if let types = io["relevantTypes"]?.arrayValue {
                    io["relevantTypes"] = .array(types.map { $0.stringValue.map { .string(IRI.normalized($0)) } ?? $0 })
                }
                return .object(io)
            })
        }
        return .object(o)
    }

    static func canonicalAttachment(_ value: JSONValue) -> JSONValue {
        guard case .object(var o) = value else { return value }
        if let usage = o["usageType"]?.stringValue { o["usageType"] = .string(IRI.normalized(usage)) }
        if let display = o["display"] { o["display"] = canonicalLanguageMap(display) }
        if let description = o["description"] { o["description"] = canonicalLanguageMap(description) }
        if let contentType = o["contentType"]?.stringValue { o["contentType"] = .string(canonicalMediaType(contentType)) }
        if let sha2 = o["sha2"]?.stringValue { o["sha2"] = .string(sha2.lowercased()) }
        if let fileUrl = o["fileUrl"]?.stringValue { o["fileUrl"] = .string(IRI.normalized(fileUrl)) }
        return .object(o)
    }

    /// Type, subtype and parameter names are case-insensitive; parameter values are kept.
    static func canonicalMediaType(_ text: String) -> String {
        text.split(separator: ";").enumerated().map { index, part in
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard index > 0, let eq = trimmed.firstIndex(of: "=") else { return trimmed.lowercased() }
            return trimmed[..<eq].lowercased() + trimmed[eq...]
        }.joined(separator: ";")
    }

    /// Language tags are case-insensitive (RFC 5646 §2.1.1).
    static func canonicalLanguageMap(_ value: JSONValue) -> JSONValue {
        guard case .object(let o) = value else { return value }
        return .object(Dictionary(o.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first }))
    }

    static func canonicalExtensions(_ value: JSONValue) -> JSONValue {
        guard case .object(let o) = value else { return value }
        return .object(Dictionary(o.map { (IRI.normalized($0.key), $0.value) }, uniquingKeysWith: { first, _ in first }))
    }

    /// A timestamp as the instant it names, to the millisecond the LRS must keep.
    static func canonicalInstant(_ value: JSONValue) -> JSONValue {
        guard let text = value.stringValue, let date = XAPITimestamp.parse(text, version: .v1_0) ?? XAPITimestamp.parse(text, version: .v2_0) else { return value }
        // Through tenths of a millisecond first, so binary floating point cannot tip
        // `.123` down to `.122` before the cut to milliseconds.
        let tenThousandths = (date.timeIntervalSince1970 * 10_000).rounded()
        return .string("instant:\(Int64((tenThousandths / 10).rounded(.down)))")
    }

    static func sameInstant(_ a: JSONValue, _ b: JSONValue) -> Bool {
        equal(canonicalInstant(a), canonicalInstant(b))
    }

    // MARK: - Equality

    /// JSON equality with numbers compared by value.
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return Double(x) == y
        case (.double(let x), .double(let y)): return x == y
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for (key, value) in x {
                guard let other = y[key], equal(value, other) else { return false }
            }
            return true
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        default:
            return a == b
        }
    }
}
