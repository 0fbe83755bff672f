import Credentials
import Foundation
import JSON

/// The one string that identifies an Agent or identified Group (主体标识): its inverse
/// functional identifier, prefixed by which one it is. Statements are indexed by it, the `agent`
/// filter and the document resources look it up, so both must derive it the same way.
public struct AgentKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// The key of an Agent or Group object; nil for an anonymous Group (no IFI) or a value that
    /// is not an actor.
    public init?(_ actor: JSONValue) {
        guard case .object(let o) = actor else { return nil }
        if let mbox = o["mbox"]?.stringValue {
            rawValue = "mbox:" + mbox
        } else if let sha = o["mbox_sha1sum"]?.stringValue {
            rawValue = "sha1:" + sha.lowercased()
        } else if let openid = o["openid"]?.stringValue {
            rawValue = "openid:" + openid
        } else if let account = o["account"], let home = account["homePage"]?.stringValue, let name = account["name"]?.stringValue {
            rawValue = Self.account(homePage: home, name: name).rawValue
        } else {
            return nil
        }
    }

    /// The key of an `account` IFI.
    public static func account(homePage: String, name: String) -> AgentKey {
        // U+001F cannot occur in a valid IRI, so the two halves cannot be confused.
        AgentKey(rawValue: "account:" + homePage + "\u{1F}" + name)
    }

    public static func < (a: AgentKey, b: AgentKey) -> Bool { a.rawValue < b.rawValue }
    public var description: String { rawValue }

    /// The account's name when this key is an account under `homePage`.
    public func accountName(under homePage: String) -> String? {
        let prefix = "account:" + homePage + "\u{1F}"
        guard rawValue.hasPrefix(prefix) else { return nil }
        return String(rawValue.dropFirst(prefix.count))
    }
}
