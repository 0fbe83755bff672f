import Credentials
import Foundation

extension StatementValidator {
    /// The Context (Data 2.4.6; xAPI 2.0 adds `contextAgents` and `contextGroups`).
    static func context(_ f: Field, version: XAPIVersion, objectIsActivity: Bool) throws(StatementViolation) {
        let p = try f.object("a Context")
        var allowed: Set<String> = ["registration", "instructor", "team", "contextActivities", "revision", "platform",
                                    "language", "statement", "extensions"]
        if version == .v2_0 { allowed.formUnion(["contextAgents", "contextGroups"]) }
        try p.allowOnly(allowed)
        try p.optional("registration")?.uuid()
        if let instructor = try p.optional("instructor") { try actor(instructor) }
        if let team = try p.optional("team") {
            let tp = try team.object("a Group")
            guard try tp.objectType() == "Group" else { throw StatementViolation(team.path("objectType"), "must be \"Group\": a team is a Group") }
            try group(team)
        }
        if let activities = try p.optional("contextActivities") { try contextActivities(activities) }
        for key in ["revision", "platform"] {
            guard let field = try p.optional(key) else { continue }
            try field.string()
            // Revision and platform describe an Activity; on anything else they mean nothing.
            guard objectIsActivity else { throw field.violation("must only be used when the statement's object is an Activity") }
        }
        if let language = try p.optional("language") {
            guard LanguageTag.isWellFormed(try language.string()) else { throw language.violation("must be an RFC 5646 language tag") }
        }
        if let statement = try p.optional("statement") { try statementRef(statement) }
        try p.optional("extensions")?.extensions()
        if let agents = try p.optional("contextAgents") {
            for item in try agents.array() {
                let ip = try item.object("a contextAgent")
                try ip.allowOnly(["objectType", "agent", "relevantTypes"])
                guard try ip.required("objectType").string() == "contextAgent" else {
                    throw StatementViolation(item.path("objectType"), "must be \"contextAgent\"")
                }
                try agent(try ip.required("agent"), objectTypeRequired: false)
                try relevantTypes(ip)
            }
        }
        if let groups = try p.optional("contextGroups") {
            for item in try groups.array() {
                let ip = try item.object("a contextGroup")
                try ip.allowOnly(["objectType", "group", "relevantTypes"])
                guard try ip.required("objectType").string() == "contextGroup" else {
                    throw StatementViolation(item.path("objectType"), "must be \"contextGroup\"")
                }
                let group = try ip.required("group")
                guard try group.object("a Group").objectType() == "Group" else {
                    throw StatementViolation(group.path("objectType"), "must be \"Group\"")
                }
                try self.group(group)
                try relevantTypes(ip)
            }
        }
    }

    /// `relevantTypes`: when present, one or more IRIs (xAPI 2.0 Context Agents/Groups tables).
    static func relevantTypes(_ p: Properties) throws(StatementViolation) {
        guard let types = try p.optional("relevantTypes") else { return }
        let items = try types.array()
        guard !items.isEmpty else { throw types.violation("must hold at least one IRI") }
        for item in items { try item.iri() }
    }

    /// `contextActivities`: parent, grouping, category, other — each an Activity or an array of them.
    static func contextActivities(_ f: Field) throws(StatementViolation) {
        let p = try f.object("a contextActivities object")
        try p.allowOnly(["parent", "grouping", "category", "other"])
        for key in ["parent", "grouping", "category", "other"] {
            guard let value = try p.optional(key) else { continue }
            if case .array = value.value {
                for item in try value.array() { try activity(item) }
            } else {
                try activity(value)
            }
        }
    }
}
