import Credentials
import Foundation
import JSON

/// Where a page of statements ended (游标): the store's sequence number of the last statement
/// returned, and the query it belongs to. The next page starts after it by an index seek, so the
/// thousandth page costs what the first does (offset paging grows with depth).
public struct StatementCursor: Sendable, Equatable {
    /// The last sequence number returned.
    public var afterSequence: Int64
    /// The highest sequence number visible when the first page was read: later statements stay
    /// out of a descending walk, so the pages never shift under the client.
    public var ceiling: Int64
    /// The query's parameters, so a `more` link is complete on its own.
    public var query: StatementQuery

    public init(afterSequence: Int64, ceiling: Int64, query: StatementQuery) {
        self.afterSequence = afterSequence
        self.ceiling = ceiling
        var q = query
        q.afterSequence = nil
        q.ceiling = nil
        self.query = q
    }

    /// The opaque token of a `more` link.
    public var token: String {
        var object: [String: JSONValue] = ["a": .string(String(afterSequence)), "c": .string(String(ceiling))]
        for (key, value) in query.queryItems { object[key] = .string(value) }
        return Base64URL.encode(JSONValue.object(object).serialized())
    }

    public init?(token: String) {
        guard token.utf8.count < 8192, let data = Base64URL.decode(token), case .object(var o)? = try? JSONValue.parse(data),
              let after = o.removeValue(forKey: "a")?.stringValue.flatMap(Int64.init),
              let ceiling = o.removeValue(forKey: "c")?.stringValue.flatMap(Int64.init)
        else { return nil }
        var parameters: [String: String] = [:]
        for (key, value) in o {
            guard let text = value.stringValue else { return nil }
            parameters[key] = text
        }
        // The agent travels as its key, not as JSON: restore it directly.
        let agent = parameters.removeValue(forKey: "agent")
        guard var query = try? StatementQuery.parse(parameters, version: .v2_0) else { return nil }
        query.agent = agent.map(AgentKey.init(rawValue:))
        self.afterSequence = after
        self.ceiling = ceiling
        self.query = query
    }
}
