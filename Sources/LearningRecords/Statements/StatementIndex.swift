import Credentials
import Foundation
import JSON

/// What the store indexes of a statement (语句索引): the values the query filters of the
/// statements resource compare against, taken once when the statement is stored.
public struct StatementIndex: Sendable, Equatable {
    public var verbID: String
    /// Agents and identified Groups that are the statement's actor or object (the `agent` filter).
    public var agents: Set<AgentKey>
    /// Every agent the statement names anywhere: authority, instructor, team, group members,
    /// context agents and groups, the same inside a SubStatement (`related_agents=true`).
    public var relatedAgents: Set<AgentKey>
    /// The activity that is the statement's object (the `activity` filter).
    public var activities: Set<String>
    /// Every activity the statement names: its object, context activities, a SubStatement's
    /// (`related_activities=true`).
    public var relatedActivities: Set<String>
    public var registration: UUID?
    /// The statement this one voids, when its verb is `voided`.
    public var voids: UUID?
    /// The statement this one refers to by StatementRef object (for any verb).
    public var refersTo: UUID?

    public static let voidedVerb = "http://adlnet.gov/expapi/verbs/voided"

    public init(_ statement: JSONValue) {
        verbID = statement["verb"]?["id"]?.stringValue ?? ""
        agents = []
        relatedAgents = []
        activities = []
        relatedActivities = []
        registration = statement["context"]?["registration"]?.stringValue.flatMap(UUID.init(uuidString:))
        voids = nil
        refersTo = nil

        if let actor = statement["actor"] { Self.collect(actor, direct: &agents) }
        if let object = statement["object"] {
            switch object["objectType"]?.stringValue ?? "Activity" {
            case "Agent", "Group": Self.collect(object, direct: &agents)
            case "StatementRef":
                refersTo = object["id"]?.stringValue.flatMap(UUID.init(uuidString:))
                if verbID == Self.voidedVerb { voids = refersTo }
            case "SubStatement": break
            default:
                if let id = object["id"]?.stringValue { activities.insert(id) }
            }
        }
        relatedAgents = agents
        relatedActivities = activities
        Self.collectRelated(statement, agents: &relatedAgents, activities: &relatedActivities, depth: 0)
    }

    /// An actor's key, plus its members' when it is a Group.
    private static func collect(_ actor: JSONValue, direct: inout Set<AgentKey>) {
        if let key = AgentKey(actor) { direct.insert(key) }
        for member in actor["member"]?.arrayValue ?? [] {
            if let key = AgentKey(member) { direct.insert(key) }
        }
    }

    private static func collectRelated(_ statement: JSONValue, agents: inout Set<AgentKey>, activities: inout Set<String>, depth: Int) {
        for property in ["actor", "authority"] {
            if let actor = statement[property] { collect(actor, direct: &agents) }
        }
        if let object = statement["object"] {
            switch object["objectType"]?.stringValue ?? "Activity" {
            case "Agent", "Group": collect(object, direct: &agents)
            case "SubStatement":
                if depth == 0 { collectRelated(object, agents: &agents, activities: &activities, depth: 1) }
            case "StatementRef": break
            default:
                if let id = object["id"]?.stringValue { activities.insert(id) }
            }
        }
        guard let context = statement["context"] else { return }
        for property in ["instructor", "team"] {
            if let actor = context[property] { collect(actor, direct: &agents) }
        }
        for entry in context["contextAgents"]?.arrayValue ?? [] {
            if let agent = entry["agent"] { collect(agent, direct: &agents) }
        }
        for entry in context["contextGroups"]?.arrayValue ?? [] {
            if let group = entry["group"] { collect(group, direct: &agents) }
        }
        if let contextActivities = context["contextActivities"]?.objectValue {
            for (_, value) in contextActivities {
                let list = value.arrayValue ?? [value]
                for activity in list { if let id = activity["id"]?.stringValue { activities.insert(id) } }
            }
        }
    }
}
