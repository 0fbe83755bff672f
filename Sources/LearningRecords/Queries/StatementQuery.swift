import Credentials
import Foundation
import JSON

/// The filters of `GET /statements` (语句查询), parsed and checked before any SQL is built.
/// A wrong parameter is a `StatementViolation` naming it.
public struct StatementQuery: Sendable, Equatable {
    public enum Format: String, Sendable { case ids, exact, canonical }

    public var agent: AgentKey?
    public var verb: String?
    public var activity: String?
    public var registration: UUID?
    public var relatedActivities = false
    public var relatedAgents = false
    public var since: Date?
    public var until: Date?
    /// 0 means "the server's maximum".
    public var limit = 0
    public var format: Format = .exact
    public var attachments = false
    public var ascending = false
    /// Where the previous page ended: the last sequence number returned (from a `more` link).
    public var afterSequence: Int64?
    /// The newest sequence number when the first page was read (from a `more` link).
    public var ceiling: Int64?

    public init() {}

    /// Parameters that may appear on a filtered query.
    public static let parameters: Set<String> = [
        "agent", "verb", "activity", "registration", "related_activities", "related_agents", "since", "until",
        "limit", "format", "attachments", "ascending", "more",
    ]

    /// Parses the query parameters of a request (each named once).
    public static func parse(_ parameters: [String: String], version: XAPIVersion) throws(StatementViolation) -> StatementQuery {
        var q = StatementQuery()
        for key in parameters.keys where !Self.parameters.contains(key) {
            throw StatementViolation(key, "is not a parameter of the statements resource")
        }
        if let text = parameters["agent"] {
            guard let data = text.data(using: .utf8), let agent = try? JSONValue.parse(data) else {
                throw StatementViolation("agent", "must be an Agent or Group as JSON")
            }
            try StatementValidator.validateAgent(agent, path: "agent")
            guard let key = AgentKey(agent) else { throw StatementViolation("agent", "must identify an Agent or Group by one inverse functional identifier") }
            q.agent = key
        }
        if let verb = parameters["verb"] {
            guard IRI.isValid(verb) else { throw StatementViolation("verb", "must be an IRI") }
            q.verb = verb
        }
        if let activity = parameters["activity"] {
            guard IRI.isValid(activity) else { throw StatementViolation("activity", "must be an IRI") }
            q.activity = activity
        }
        if let text = parameters["registration"] {
            guard let id = UUID(uuidString: text) else { throw StatementViolation("registration", "must be a UUID") }
            q.registration = id
        }
        q.relatedActivities = try flag(parameters, "related_activities")
        q.relatedAgents = try flag(parameters, "related_agents")
        q.attachments = try flag(parameters, "attachments")
        q.ascending = try flag(parameters, "ascending")
        if let text = parameters["since"] {
            guard let date = XAPITimestamp.parse(text, version: version) else { throw StatementViolation("since", "must be an ISO 8601 timestamp") }
            q.since = date
        }
        if let text = parameters["until"] {
            guard let date = XAPITimestamp.parse(text, version: version) else { throw StatementViolation("until", "must be an ISO 8601 timestamp") }
            q.until = date
        }
        if let text = parameters["limit"] {
            guard let n = Int(text), n >= 0 else { throw StatementViolation("limit", "must be a non-negative integer") }
            q.limit = n
        }
        if let text = parameters["format"] {
            guard let format = Format(rawValue: text) else { throw StatementViolation("format", "must be ids, exact or canonical") }
            q.format = format
        }
        if let text = parameters["more"] {
            // A `more` link carries the whole query; nothing else may come beside it.
            guard parameters.count == 1 else { throw StatementViolation("more", "cannot be combined with other parameters") }
            guard let cursor = StatementCursor(token: text) else { throw StatementViolation("more", "is not a cursor this server issued") }
            q = cursor.query
            q.afterSequence = cursor.afterSequence
            q.ceiling = cursor.ceiling
        }
        return q
    }

    private static func flag(_ parameters: [String: String], _ name: String) throws(StatementViolation) -> Bool {
        guard let text = parameters[name] else { return false }
        // Python clients (tincan) send their booleans as True and False.
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw StatementViolation(name, "must be true or false")
        }
    }

    /// The parameters that reproduce this query (for a `more` link), without the cursor.
    public var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if let agent { items.append(("agent", agent.rawValue)) }
        if let verb { items.append(("verb", verb)) }
        if let activity { items.append(("activity", activity)) }
        if let registration { items.append(("registration", registration.uuidString.lowercased())) }
        if relatedActivities { items.append(("related_activities", "true")) }
        if relatedAgents { items.append(("related_agents", "true")) }
        if let since { items.append(("since", StoredTime.format(since))) }
        if let until { items.append(("until", StoredTime.format(until))) }
        if limit > 0 { items.append(("limit", String(limit))) }
        if format != .exact { items.append(("format", format.rawValue)) }
        if attachments { items.append(("attachments", "true")) }
        if ascending { items.append(("ascending", "true")) }
        return items
    }
}
