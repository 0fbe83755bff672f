import Credentials
import Foundation
import LearningRecords
import Vapor

/// The document resources (文档资源): State (`/xapi/activities/state`), Activity Profile
/// (`/xapi/activities/profile`) and Agent Profile (`/xapi/agents/profile`), with ETag
/// concurrency and JSON merge on POST. Documents belong to the school of the client that
/// wrote them (or the city), so one school's clients never see another's.
enum XAPIDocumentsController {
    /// The address a request names; `documentID` is nil when the request names none.
    struct Target {
        var address: DocumentAddress
        var hasDocumentID: Bool
        var since: Date?
    }

    static func target(_ req: Request, kind: DocumentKind, forWrite: Bool) throws -> Target {
        let client = try req.requireXAPIClient()
        let p = req.url.query.map(XAPIQuery.parse) ?? [:]
        let idName = kind == .state ? "stateId" : "profileId"
        var allowed: Set<String> = [idName, "since"]
        var address = DocumentAddress(owner: client.institutionID?.uuidString.lowercased() ?? "city", kind: kind)
        if kind != .agentProfile {
            allowed.insert("activityId")
            guard let activity = p["activityId"] else { throw XAPIError.bad("activityId is required") }
            guard IRI.isValid(activity) else { throw XAPIError.bad("activityId must be an IRI") }
            address.activityID = activity
        }
        if kind != .activityProfile {
            allowed.insert("agent")
            guard let text = p["agent"] else { throw XAPIError.bad("agent is required") }
            guard let agent = try? JSONValue.parse(Data(text.utf8)) else { throw XAPIError.bad("agent must be an Agent as JSON") }
            do { try StatementValidator.validateAgent(agent, path: "agent") } catch { throw XAPIError.violation(error) }
            guard let key = AgentKey(agent) else { throw XAPIError.bad("agent must have one inverse functional identifier") }
            address.agentKey = key.rawValue
        }
        if kind == .state {
            allowed.insert("registration")
            if let registration = p["registration"] {
                guard let id = UUID(uuidString: registration) else { throw XAPIError.bad("registration must be a UUID") }
                address.registration = id.uuidString.lowercased()
            }
        }
        for key in p.keys where !allowed.contains(key) { throw XAPIError.bad("\(key) is not a parameter of this resource") }
        if let id = p[idName] {
            address.documentID = id
        } else if forWrite {
            throw XAPIError.bad("\(idName) is required")
        }
        var since: Date?
        if let text = p["since"] {
            guard !forWrite, p[idName] == nil else { throw XAPIError.bad("since applies only to a list of ids") }
            guard let date = XAPITimestamp.parse(text, version: req.xapiVersion) else { throw XAPIError.bad("since must be an ISO 8601 timestamp") }
            since = date
        }
        return Target(address: address, hasDocumentID: p[idName] != nil, since: since)
    }

    // MARK: handlers, one per method; `kind` from the route

    static func get(_ kind: DocumentKind) -> @Sendable (Request) async throws -> Response {
        { req in
            let t = try target(req, kind: kind, forWrite: false)
            let store = DocumentStore(sql: try req.sql)
            guard t.hasDocumentID else {
                let ids = try await store.ids(t.address, since: t.since)
                return XAPIStatementsController.jsonResponse(.array(ids.map(JSONValue.string)))
            }
            guard let document = try await store.find(t.address) else { throw XAPIError.notFound }
            let response = Response(status: .ok, body: .init(data: document.content))
            response.headers.replaceOrAdd(name: .contentType, value: document.contentType)
            response.headers.replaceOrAdd(name: .eTag, value: document.etag)
            response.headers.replaceOrAdd(name: .lastModified, value: HTTPDate.format(document.updated))
            return response
        }
    }

    static func put(_ kind: DocumentKind) -> @Sendable (Request) async throws -> Response {
        { req in try await write(req, kind: kind, merge: false) }
    }

    static func post(_ kind: DocumentKind) -> @Sendable (Request) async throws -> Response {
        { req in try await write(req, kind: kind, merge: true) }
    }

    static func write(_ req: Request, kind: DocumentKind, merge: Bool) async throws -> Response {
        let t = try target(req, kind: kind, forWrite: true)
        let content = req.body.data.map { Data($0.readableBytesView) } ?? Data()
        let contentType = req.headers.first(name: .contentType) ?? "application/octet-stream"
        if merge, !DocumentMerge.isJSON(contentType) { throw XAPIError.bad("a POST to a document must be application/json to be merged") }
        let ifMatch = req.headers.first(name: .ifMatch)
        let ifNoneMatch = req.headers.first(name: .ifNoneMatch)
        let now = Date()
        // xAPI 2.0 extends the overwrite rule to the State resource; 1.0.x clients overwrite state freely.
        let version = req.xapiVersion
        try await WriteGate.shared.transaction(on: req.db, postgresLock: DocumentStore.advisoryKey) { sql in
            let store = DocumentStore(sql: sql)
            let current = try await store.find(t.address)
            switch DocumentPrecondition.evaluate(ifMatch: ifMatch, ifNoneMatch: ifNoneMatch, current: current?.etag, requireCondition: !merge && (kind != .state || version == .v2_0)) {
            case .failed: throw XAPIError.preconditionFailed
            case .conflictWithoutCondition: throw XAPIError.conflict("the document exists: send If-Match or If-None-Match to overwrite it")
            case .proceed: break
            }
            var body = content
            var type = contentType
            if merge, let current {
                do {
                    body = try DocumentMerge.merge(stored: current.content, storedType: current.contentType, posted: content)
                } catch DocumentMerge.Failure.postedNotJSONObject {
                    throw XAPIError.bad("the posted document is not a JSON object")
                } catch {
                    throw XAPIError.bad("the stored document is not JSON and cannot be merged")
                }
                type = "application/json"
            } else if merge, (try? JSONValue.parse(content))?.objectValue == nil {
                throw XAPIError.bad("the posted document is not a JSON object")
            }
            try await store.save(t.address, contentType: type, content: body, etag: DocumentPrecondition.etag(of: body), now: now)
        }
        return Response(status: .noContent)
    }

    static func delete(_ kind: DocumentKind) -> @Sendable (Request) async throws -> Response {
        { req in
            let t = try target(req, kind: kind, forWrite: false)
            guard t.since == nil else { throw XAPIError.bad("since does not apply to DELETE") }
            let ifMatch = req.headers.first(name: .ifMatch)
            let ifNoneMatch = req.headers.first(name: .ifNoneMatch)
            try await WriteGate.shared.transaction(on: req.db, postgresLock: DocumentStore.advisoryKey) { sql in
                let store = DocumentStore(sql: sql)
                if t.hasDocumentID {
                    let current = try await store.find(t.address)
                    if DocumentPrecondition.evaluate(ifMatch: ifMatch, ifNoneMatch: ifNoneMatch, current: current?.etag, requireCondition: false) == .failed {
                        throw XAPIError.preconditionFailed
                    }
                    try await store.delete(t.address)
                } else if kind == .state {
                    try await store.deleteAll(t.address)
                } else {
                    throw XAPIError.bad("profileId is required to DELETE a profile")
                }
            }
            return Response(status: .noContent)
        }
    }
}
