import LearningRecords
import Vapor

/// Errors outside the API become a readable page (or problem+json for unknown /api paths);
/// internals are logged, never shown.
struct PageErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            if request.url.path.hasPrefix("/api/") { return ProblemMiddleware.response(for: error, request: request) }
            if request.url.path.hasPrefix("/xapi/") {
                let response = XAPIMiddleware.response(for: error, request: request)
                response.headers.replaceOrAdd(name: XAPIMiddleware.versionHeader, value: XAPIVersion.latest)
                return response
            }
            let language = Language(request)
            let status: HTTPResponseStatus
            let message: String
            switch error {
            case let app as AppError:
                status = app.status
                message = app.problem.title + (app.problem.detail.map { ": " + $0 } ?? "")
            case let abort as any AbortError:
                status = abort.status
                message = abort.status == .notFound ? language.t("页面不存在", "Page not found") : abort.status.reasonPhrase
            default:
                request.logger.report(error: error)
                status = .internalServerError
                message = language.t("服务器内部错误", "Internal server error")
            }
            return .html(ErrorPage(language: language, status: Int(status.code), message: message).render(), status: status)
        }
    }
}
