import LearningRecords
import Vapor

/// In front of every `/xapi` resource: the version header on every response (errors included),
/// the client's version checked, its HTTP Basic credentials authenticated (except `/about`),
/// and refusals answered as the specification prescribes, never as a page.
struct XAPIMiddleware: AsyncMiddleware {
    static let versionHeader = "X-Experience-API-Version"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response: Response
        do {
            if let method = request.url.query.map(XAPIQuery.parse)?["method"] {
                let version = request.headers.first(name: Self.versionHeader).flatMap(XAPIVersion.init(header:))
                // xAPI 2.0 removed the alternate request syntax (a method smuggled in the query).
                guard version != .v2_0 else { throw XAPIError.bad("xAPI 2.0 has no alternate request syntax (method parameter)", zh: "xAPI 2.0 不支持替代请求语法") }
                let rewritten = try await XAPIAlternateRequest.rewrite(request, method: method)
                guard rewritten.headers.first(name: Self.versionHeader).flatMap(XAPIVersion.init(header:)) != .v2_0 else {
                    throw XAPIError.bad("xAPI 2.0 has no alternate request syntax (method parameter)", zh: "xAPI 2.0 不支持替代请求语法")
                }
                return try await request.application.responder.respond(to: rewritten).get()
            }
            try await admit(request)
            // A launched cmi5 AU's credentials: held to its session, its statements to the cmi5 rules.
            if let session = CMI5SessionGate.session(of: request) {
                let statements = try await CMI5SessionGate.admit(request, session)
                let stored = try await next.respond(to: request)
                if stored.status.code < 300 { try await CMI5SessionGate.accepted(statements, req: request, session: session) }
                response = stored
            } else {
                response = try await next.respond(to: request)
            }
        } catch {
            response = Self.response(for: error, request: request)
        }
        // A 1.0.x client is answered in 1.0.3, the last of its family; everyone else in 2.0.0.
        let family = request.headers.first(name: Self.versionHeader).flatMap(XAPIVersion.init(header:)) ?? .v2_0
        response.headers.replaceOrAdd(name: Self.versionHeader, value: family.responseVersion)
        let now = Date()
        if response.headers.first(name: .date) == nil { response.headers.replaceOrAdd(name: .date, value: HTTPDate.format(now)) }
        // Every answer to a statements query says how current it is, refusals included: clients
        // poll on it to know when what they sent has become visible.
        if request.method == .GET || request.method == .HEAD, request.url.path.hasSuffix("/statements"),
           response.headers.first(name: "X-Experience-API-Consistent-Through") == nil {
            response.headers.replaceOrAdd(name: "X-Experience-API-Consistent-Through", value: StoredTime.format(now))
        }
        return response
    }

    private func admit(_ request: Request) async throws {
        let isAbout = request.url.path.hasSuffix("/about")
        if let header = request.headers.first(name: Self.versionHeader) {
            guard let version = XAPIVersion(header: header) else {
                throw XAPIError.bad("X-Experience-API-Version \(header) is not a version this LRS speaks (1.0.0–1.0.3, 2.0.x)", zh: "不支持的 xAPI 版本")
            }
            request.xapiVersion = version
        } else if !isAbout {
            throw XAPIError.bad("the X-Experience-API-Version header is required", zh: "缺少 X-Experience-API-Version 请求头")
        }
        guard !isAbout else { return }
        guard let basic = request.headers.basicAuthorization else { throw XAPIError.unauthorised }
        let client = basic.username.hasPrefix(CMI5SessionGate.keyPrefix)
            ? try await CMI5SessionGate.authenticate(request, key: basic.username, secret: basic.password)
            : try await LearningRecordClientStore(sql: try request.sql).authenticate(key: basic.username, secret: basic.password)
        guard let client else { throw XAPIError.unauthorised }
        request.xapiClient = client
    }

    static func response(for error: any Error, request: Request) -> Response {
        let refusal: XAPIError
        switch error {
        case let x as XAPIError: refusal = x
        case let abort as any AbortError:
            refusal = XAPIError(status: abort.status, en: abort.status.code < 500 ? abort.reason : "internal error", zh: abort.status.reasonPhrase)
        default:
            request.logger.report(error: error)
            refusal = XAPIError(status: .internalServerError, en: "internal error", zh: "服务器内部错误")
        }
        let body: JSONValue = ["status": .int(Int(refusal.status.code)), "message": .string(refusal.en), "messageZh": .string(refusal.zh)]
        let response = Response(status: refusal.status, body: .init(data: body.serialized()))
        response.headers.contentType = .json
        if refusal.status == .unauthorized { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Basic realm=\"zhijiao-lrs\"") }
        return response
    }
}

extension Request {
    private struct ClientKey: StorageKey { typealias Value = StoredLearningRecordClient }
    private struct VersionKey: StorageKey { typealias Value = XAPIVersion }

    /// The authenticated LRS client (set by `XAPIMiddleware`).
    var xapiClient: StoredLearningRecordClient? {
        get { storage[ClientKey.self] }
        set { storage[ClientKey.self] = newValue }
    }

    /// The version the client speaks (2.0 for `/about` without a header).
    var xapiVersion: XAPIVersion {
        get { storage[VersionKey.self] ?? .v2_0 }
        set { storage[VersionKey.self] = newValue }
    }

    func requireXAPIClient() throws -> StoredLearningRecordClient {
        guard let client = xapiClient else { throw XAPIError.unauthorised }
        return client
    }
}

/// Query parameters as xAPI clients send them: form-encoded (`+` for space), each once.
enum XAPIQuery {
    static func parse(_ query: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let rawName = parts.first else { continue }
            let name = String(rawName).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(rawName)
            let value = parts.count > 1 ? (String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[1])) : ""
            out[name] = value
        }
        return out
    }
}
