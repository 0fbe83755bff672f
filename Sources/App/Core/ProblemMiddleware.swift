import Foundation
import Vapor

/// Turns every error into `application/problem+json` for API routes, without internals:
/// an unexpected error is logged with its detail and answered with a generic 500.
struct ProblemMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return Self.response(for: error, request: request)
        }
    }

    static func response(for error: any Error, request: Request) -> Response {
        let problem: Problem
        var headers = HTTPHeaders()
        switch error {
        case let app as AppError:
            problem = app.problem
            if case .tooManyAttempts(let seconds) = app { headers.add(name: .retryAfter, value: String(seconds)) }
        case let abort as any AbortError:
            problem = Problem(status: Int(abort.status.code), title: abort.status.reasonPhrase, detail: abort.status.code < 500 ? abort.reason : nil, errors: nil)
            headers.add(contentsOf: abort.headers)
        case let decoding as DecodingError:
            problem = AppError.badRequest(zh: "请求体不是有效的JSON", en: "body is not valid JSON: \(decoding.shortDescription)").problem
        default:
            request.logger.report(error: error)
            problem = Problem(status: 500, title: "服务器内部错误 / Internal server error", detail: nil, errors: nil)
        }
        headers.contentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(problem)) ?? Data(#"{"type":"about:blank","status":500,"title":"Internal server error"}"#.utf8)
        return Response(status: HTTPResponseStatus(statusCode: problem.status), headers: headers, body: .init(data: body))
    }
}

extension HTTPMediaType {
    /// RFC 9457 problem details.
    static let problemJSON = HTTPMediaType(type: "application", subType: "problem+json")
}

extension DecodingError {
    var shortDescription: String {
        switch self {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c):
            let path = c.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? c.debugDescription : "\(path): \(c.debugDescription)"
        @unknown default: return "malformed"
        }
    }
}
