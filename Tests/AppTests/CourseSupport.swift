@testable import App
import Foundation
import JSON
import Vapor
import VaporTesting

/// Requests the course tests make: the API with a bearer token, the xAPI with a cmi5 session's
/// auth token, and reading what came back.
enum CourseRequests {
    static func send(_ app: Application, _ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: Data? = nil,
                     contentType: String? = nil) async throws -> (HTTPStatus, String) {
        var result: (HTTPStatus, String) = (.internalServerError, "")
        try await app.testing().test(method, path, headers: headers, beforeRequest: { req in
            if let body {
                req.body = ByteBuffer(data: body)
                if let contentType { req.headers.replaceOrAdd(name: .contentType, value: contentType) }
            }
        }, afterResponse: { res in result = (res.status, bodyString(res)) })
        return result
    }

    static func api(_ app: Application, _ method: HTTPMethod, _ path: String, _ token: String, json: String? = nil) async throws -> (HTTPStatus, String) {
        try await send(app, method, "api/v1/" + path, headers: .bearer(token), body: json.map { Data($0.utf8) }, contentType: json == nil ? nil : "application/json")
    }

    static func importCourse(_ app: Application, _ token: String, _ data: Data, query: String = "", contentType: String = "application/zip") async throws -> (HTTPStatus, String, String?) {
        let (status, body) = try await send(app, .POST, "api/v1/courses" + (query.isEmpty ? "" : "?" + query), headers: .bearer(token), body: data, contentType: contentType)
        let id = object(body)["course"]?["id"]?.stringValue
        return (status, body, id)
    }

    static func object(_ text: String) -> [String: JSONValue] {
        (try? JSONValue.parse(Data(text.utf8)))?.objectValue ?? [:]
    }

    /// The launch URL's query parameters, decoded.
    static func parameters(_ url: String) -> [String: String] {
        var out: [String: String] = [:]
        for item in URLComponents(string: url)?.queryItems ?? [] { out[item.name] = item.value ?? "" }
        return out
    }

    /// A path on the test server for an absolute URL of the platform.
    static func path(_ url: String) -> String {
        guard let components = URLComponents(string: url) else { return url }
        return String(components.path.dropFirst()) + (components.query.map { "?" + $0 } ?? "")
    }

    static func xapiHeaders(_ authToken: String) -> HTTPHeaders {
        ["Authorization": "Basic \(authToken)", "X-Experience-API-Version": "1.0.3"]
    }

    /// A statement as a cmi5 AU sends it: the launch actor, the registration, the session id
    /// from LMS.LaunchData's context template, the cmi5 category (and moveon where judged).
    static func statement(_ verb: String, actor: String, activityID: String, registration: String, session: String, auID: String,
                          result: String? = nil, moveOn: Bool = false, at time: Date = Date()) -> String {
        let stamp = ISO8601DateFormatter().string(from: time)
        let categories = #"[{"id":"https://w3id.org/xapi/cmi5/context/categories/cmi5"}"# + (moveOn ? #",{"id":"https://w3id.org/xapi/cmi5/context/categories/moveon"}]"# : "]")
        return #"{"id":"\#(UUID().uuidString.lowercased())","actor":\#(actor),"verb":{"id":"\#(verb)"},"object":{"id":"\#(activityID)","objectType":"Activity"},"timestamp":"\#(stamp)","context":{"registration":"\#(registration)","contextActivities":{"category":\#(categories),"grouping":[{"id":"\#(auID)"}]},"extensions":{"https://w3id.org/xapi/cmi5/context/extensions/sessionid":"\#(session)"}}\#(result.map { ",\"result\":" + $0 } ?? "")}"#
    }
}
