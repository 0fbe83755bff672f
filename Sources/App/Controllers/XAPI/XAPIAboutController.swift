import Credentials
import Foundation
import LearningRecords
import Vapor

/// `/xapi/about`, `/xapi/activities` and `/xapi/agents`: what this LRS speaks, the canonical
/// definition of an activity, and the Person behind an agent.
enum XAPIAboutController {
    static let versions: [String] = ["1.0.0", "1.0.1", "1.0.2", "1.0.3", "2.0.0"]

    static func about(_ req: Request) async throws -> Response {
        XAPIStatementsController.jsonResponse(["version": .array(versions.map(JSONValue.string)), "extensions": ["https://zhijiao.example.cn/xapi/about/name": "职教 Zhijiao LRS"]])
    }

    static func activity(_ req: Request) async throws -> Response {
        _ = try req.requireXAPIClient()
        let p = req.url.query.map(XAPIQuery.parse) ?? [:]
        for key in p.keys where key != "activityId" { throw XAPIError.bad("\(key) is not a parameter of the activities resource") }
        guard let id = p["activityId"] else { throw XAPIError.bad("activityId is required") }
        guard IRI.isValid(id) else { throw XAPIError.bad("activityId must be an IRI") }
        var activity: [String: JSONValue] = ["objectType": "Activity", "id": .string(id)]
        if let definition = try await StatementStore(sql: try req.sql).activity(id) { activity["definition"] = definition }
        return XAPIStatementsController.jsonResponse(.object(activity))
    }

    /// The Person object of an agent: this LRS keeps no links between identifiers, so the
    /// person is the agent's own name and identifier, each as a one-element list.
    static func agents(_ req: Request) async throws -> Response {
        _ = try req.requireXAPIClient()
        let p = req.url.query.map(XAPIQuery.parse) ?? [:]
        for key in p.keys where key != "agent" { throw XAPIError.bad("\(key) is not a parameter of the agents resource") }
        guard let text = p["agent"] else { throw XAPIError.bad("agent is required") }
        guard let agent = try? JSONValue.parse(Data(text.utf8)) else { throw XAPIError.bad("agent must be an Agent as JSON") }
        do { try StatementValidator.validateAgent(agent, path: "agent") } catch { throw XAPIError.violation(error) }
        var person: [String: JSONValue] = ["objectType": "Person"]
        for key in ["name", "mbox", "mbox_sha1sum", "openid", "account"] {
            if let value = agent[key] { person[key] = .array([value]) }
        }
        return XAPIStatementsController.jsonResponse(.object(person))
    }
}
