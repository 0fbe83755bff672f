import LearningRecords
import Vapor

/// The alternate request syntax of xAPI 1.0.x (替代请求语法, Communication 1.3): a browser that
/// cannot send PUT or custom headers POSTs a form to `?method=PUT|GET|DELETE|POST`, with the
/// headers, the resource's parameters and the body (`content`) as form fields. xAPI 2.0 removed
/// it, so only a 1.0.x client may use it; the rewritten request then takes the normal path.
enum XAPIAlternateRequest {
    static let headerFields: Set<String> = ["Authorization", "X-Experience-API-Version", "Content-Type", "Content-Length", "If-Match", "If-None-Match"]
    static let methods: [String: HTTPMethod] = ["GET": .GET, "PUT": .PUT, "POST": .POST, "DELETE": .DELETE]

    /// The request the form stands for.
    static func rewrite(_ request: Request, method name: String) async throws -> Request {
        guard request.method == .POST else { throw XAPIError.bad("the alternate request syntax is sent as a POST") }
        let query = request.url.query.map(XAPIQuery.parse) ?? [:]
        guard query.count == 1 else { throw XAPIError.bad("with the alternate request syntax, method is the only query parameter; the rest goes in the form") }
        guard let method = methods[name.uppercased()] else { throw XAPIError.bad("method must be GET, PUT, POST or DELETE") }
        let mediaType = request.headers.first(name: .contentType)?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == "application/x-www-form-urlencoded" else { throw XAPIError.bad("the alternate request syntax sends application/x-www-form-urlencoded") }
        let body = try await request.body.collect(max: 20 << 20).get()
        guard let body, body.readableBytes > 0 else { throw XAPIError.bad("the alternate request syntax needs a form body") }
        let text = String(buffer: body)
        // A form is name=value pairs; a JSON body under the form's content type is not one.
        guard !text.hasPrefix("{"), !text.hasPrefix("[") else { throw XAPIError.bad("the body is not url-encoded form data") }
        var fields = XAPIQuery.parse(text)
        var headers = request.headers
        for name in headerFields {
            if let value = fields.removeValue(forKey: name) { headers.replaceOrAdd(name: name, value: value) }
        }
        if fields["X-Experience-API-Version"] == nil, let version = headers.first(name: XAPIMiddleware.versionHeader), XAPIVersion(header: version) == .v2_0 {
            throw XAPIError.bad("xAPI 2.0 has no alternate request syntax")
        }
        let content = fields.removeValue(forKey: "content")
        var rewrittenBody: ByteBuffer?
        if let content {
            rewrittenBody = ByteBuffer(string: content)
            if headers.first(name: .contentType).map({ $0.lowercased().hasPrefix("application/x-www-form-urlencoded") }) ?? true {
                headers.replaceOrAdd(name: .contentType, value: "application/json")
            }
            headers.replaceOrAdd(name: .contentLength, value: String(content.utf8.count))
        } else {
            headers.remove(name: .contentType)
            headers.remove(name: .contentLength)
        }
        var components = URLComponents()
        components.path = request.url.path
        components.queryItems = fields.isEmpty ? nil : fields.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        // `+` stays literal in URLComponents' query; encode it so the form decoding reads it back.
        let rewrittenQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        let url = URI(string: request.url.path + (rewrittenQuery.map { "?" + $0 } ?? ""))
        return Request(application: request.application, method: method, url: url, version: request.version, headersNoUpdate: headers,
                       collectedBody: rewrittenBody, remoteAddress: request.remoteAddress, logger: request.logger, on: request.eventLoop)
    }
}
