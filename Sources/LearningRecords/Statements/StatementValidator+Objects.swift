import Credentials
import Foundation

extension StatementValidator {
    /// The interaction types and, for each, the component lists it may carry (Data 2.4.4.1,
    /// Interaction Activities). Components of another type are refused: an LRS may validate
    /// them and a report built on a choice without choices, or with scale, misleads.
    static let interactionComponents: [String: Set<String>] = [
        "true-false": [], "choice": ["choices"], "fill-in": [], "long-fill-in": [],
        "matching": ["source", "target"], "performance": ["steps"], "sequencing": ["choices"],
        "likert": ["scale"], "numeric": [], "other": [],
    ]

    /// The object of a statement or SubStatement, by its `objectType` (Activity when absent).
    static func statementObject(_ f: Field, version: XAPIVersion, inSubStatement: Bool) throws(StatementViolation) {
        let p = try f.object("an Activity, Agent, Group, StatementRef or SubStatement")
        switch try p.objectType() {
        case nil, "Activity": try activity(f)
        case "Agent": try agent(f, objectTypeRequired: true)
        case "Group": try group(f)
        case "StatementRef": try statementRef(f)
        case "SubStatement":
            guard !inSubStatement else {
                throw StatementViolation(f.path("objectType"), "a SubStatement must not contain a SubStatement")
            }
            try subStatement(f, version: version)
        default:
            throw StatementViolation(f.path("objectType"), "must be one of Activity, Agent, Group, StatementRef, SubStatement")
        }
    }

    /// An Activity: an IRI and an optional definition (Data 2.4.4.1).
    static func activity(_ f: Field) throws(StatementViolation) {
        let p = try f.object("an Activity")
        try p.allowOnly(["objectType", "id", "definition"])
        if let type = try p.objectType(), type != "Activity" { throw StatementViolation(f.path("objectType"), "must be \"Activity\"") }
        try p.required("id").iri()
        if let definition = try p.optional("definition") { try activityDefinition(definition) }
    }

    static func activityDefinition(_ f: Field) throws(StatementViolation) {
        let p = try f.object("an Activity Definition")
        try p.allowOnly(["name", "description", "type", "moreInfo", "interactionType", "correctResponsesPattern",
                         "choices", "scale", "source", "target", "steps", "extensions"])
        try p.optional("name")?.languageMap()
        try p.optional("description")?.languageMap()
        try p.optional("type")?.iri()
        try p.optional("moreInfo")?.irl()
        let componentKeys = ["choices", "scale", "source", "target", "steps"]
        if let interactionType = try p.optional("interactionType") {
            let name = try interactionType.string()
            guard let allowed = interactionComponents[name] else {
                throw interactionType.violation("must be one of \(interactionComponents.keys.sorted().joined(separator: ", "))")
            }
            for key in componentKeys where p.has(key) && !allowed.contains(key) {
                throw StatementViolation(f.path(key), "is not allowed for interactionType \"\(name)\"")
            }
        } else {
            for key in componentKeys + ["correctResponsesPattern"] where p.has(key) {
                throw StatementViolation(f.path(key), "is only allowed with an interactionType")
            }
        }
        if let pattern = try p.optional("correctResponsesPattern") {
            for item in try pattern.array() { try item.string() }
        }
        for key in componentKeys {
            if let list = try p.optional(key) { try interactionComponentList(list) }
        }
        try p.optional("extensions")?.extensions()
    }

    /// A list of interaction components: each an id and an optional description, ids distinct.
    static func interactionComponentList(_ f: Field) throws(StatementViolation) {
        var ids: Set<String> = []
        for item in try f.array() {
            let p = try item.object("an Interaction Component")
            try p.allowOnly(["id", "description"])
            let idField = try p.required("id")
            let id = try idField.string()
            guard ids.insert(id).inserted else { throw idField.violation("must be distinct within the list of interaction components") }
            try p.optional("description")?.languageMap()
        }
    }

    /// A Statement Reference: `objectType` StatementRef and a UUID (Data 2.4.4.3).
    static func statementRef(_ f: Field) throws(StatementViolation) {
        let p = try f.object("a StatementRef")
        try p.allowOnly(["objectType", "id"])
        guard try p.objectType() == "StatementRef" else {
            throw StatementViolation(f.path("objectType"), p.has("objectType") ? "must be \"StatementRef\"" : "is required in a StatementRef")
        }
        try p.required("id").uuid()
    }

    /// A SubStatement: a statement's body without the properties the LRS sets (Data 2.4.4.3).
    static func subStatement(_ f: Field, version: XAPIVersion) throws(StatementViolation) {
        let p = try f.object("a SubStatement")
        for key in ["id", "stored", "version", "authority"] where p.has(key) {
            throw StatementViolation(f.path(key), "must not be present in a SubStatement")
        }
        try p.allowOnly(["objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments"])
        try statementBody(p, version: version, inSubStatement: true)
    }
}
