import Credentials
import Foundation

extension StatementValidator {
    static let agentProperties: Set<String> = ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"]
    static let groupProperties: Set<String> = ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member"]

    /// An actor: an Agent, or a Group when `objectType` says so (Data 2.4.2).
    static func actor(_ f: Field) throws(StatementViolation) {
        let p = try f.object("an Agent or Group")
        switch try p.objectType() {
        case nil, "Agent": try agent(f, objectTypeRequired: false)
        case "Group": try group(f)
        default: throw StatementViolation(f.path("objectType"), "must be \"Agent\" or \"Group\"")
        }
    }

    /// An Agent: exactly one inverse functional identifier (Data 2.4.2.1).
    static func agent(_ f: Field, objectTypeRequired: Bool) throws(StatementViolation) {
        let p = try f.object("an Agent")
        try p.allowOnly(agentProperties)
        switch try p.objectType() {
        case "Agent": break
        case nil where !objectTypeRequired: break
        case nil: throw StatementViolation(f.path("objectType"), "is required in an Agent used as an object")
        default: throw StatementViolation(f.path("objectType"), "must be \"Agent\"")
        }
        try p.optional("name")?.string()
        guard try inverseFunctionalIdentifier(p) != nil else {
            throw f.violation("an Agent must have exactly one of mbox, mbox_sha1sum, openid, account")
        }
    }

    /// A Group: anonymous (members, no identifier) or identified (one identifier, members
    /// optional); members are Agents, never Groups (Data 2.4.2.2).
    static func group(_ f: Field) throws(StatementViolation) {
        let p = try f.object("a Group")
        try p.allowOnly(groupProperties)
        guard try p.objectType() == "Group" else { throw StatementViolation(f.path("objectType"), "must be \"Group\"") }
        try p.optional("name")?.string()
        let identified = try inverseFunctionalIdentifier(p) != nil
        if let member = try p.optional("member") {
            for m in try member.array() {
                let mp = try m.object("an Agent")
                if let type = try mp.objectType(), type != "Agent" {
                    throw StatementViolation(m.path("objectType"), "Group members must be Agents")
                }
                try agent(m, objectTypeRequired: false)
            }
        } else if !identified {
            throw StatementViolation(f.path("member"), "is required in an anonymous Group")
        }
    }

    /// The one inverse functional identifier of an Agent or Group, checked; nil when there is
    /// none; more than one is a violation.
    @discardableResult
    static func inverseFunctionalIdentifier(_ p: Properties) throws(StatementViolation) -> String? {
        let present = ["mbox", "mbox_sha1sum", "openid", "account"].filter { p.has($0) }
        guard present.count <= 1 else {
            throw p.field.violation("must not have more than one inverse functional identifier (found \(present.joined(separator: ", ")))")
        }
        guard let key = present.first else { return nil }
        let f = try p.required(key)
        switch key {
        case "mbox":
            guard isMailtoIRI(try f.string()) else { throw f.violation("must be a mailto IRI (mailto:name@example.com)") }
        case "mbox_sha1sum":
            let s = try f.string()
            guard s.utf8.count == 40, s.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit) else {
                throw f.violation("must be the hexadecimal SHA-1 of a mailto IRI (40 hexadecimal digits)")
            }
        case "openid":
            guard IRI.isValid(try f.string()) else { throw f.violation("must be an absolute URI") }
        default:
            let account = try f.object("an Account")
            try account.allowOnly(["homePage", "name"])
            try account.required("homePage").irl()
            try account.required("name").string()
        }
        return key
    }

    /// `mailto:` and an address with a local part, one `@` and a domain, nothing blank.
    static func isMailtoIRI(_ text: String) -> Bool {
        guard text.hasPrefix("mailto:") else { return false }
        let address = text.dropFirst("mailto:".count)
        let halves = address.split(separator: "@", omittingEmptySubsequences: false)
        guard halves.count == 2, !halves[0].isEmpty, !halves[1].isEmpty,
              !address.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else { return false }
        return !halves[1].hasPrefix(".") && !halves[1].hasSuffix(".")
    }

    /// `authority`: an Agent, or for OAuth 1.0 the anonymous Group of exactly two Agents (the
    /// application and the user) (Data 2.4.9).
    static func authority(_ f: Field) throws(StatementViolation) {
        let p = try f.object("an Agent or Group")
        switch try p.objectType() {
        case nil, "Agent":
            try agent(f, objectTypeRequired: false)
        case "Group":
            try group(f)
            guard try inverseFunctionalIdentifier(p) == nil else {
                throw f.violation("an authority Group must be anonymous (OAuth: an application and a user)")
            }
            guard let members = p.map["member"]?.arrayValue, members.count == 2 else {
                throw StatementViolation(f.path("member"), "an authority Group must have exactly two Agents")
            }
        default:
            throw StatementViolation(f.path("objectType"), "must be \"Agent\" or \"Group\"")
        }
    }
}
