import LearningRecords
import Registry
import Vapor

/// Errors outside the API become a readable page in the usual frame, with the caller's menu and
/// in the page's language (or problem+json for unknown /api paths); internals are logged, never shown.
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
            let reasons: [String]
            switch error {
            case let app as AppError:
                status = app.status
                (message, reasons) = Self.message(app, language)
            case let abort as any AbortError:
                status = abort.status
                (message, reasons) = (Self.message(status: Int(status.code), language), [])
            default:
                request.logger.report(error: error)
                status = .internalServerError
                (message, reasons) = (Self.message(status: 500, language), [])
            }
            // The authenticator ran before the route failed, so a signed-in caller keeps its menu.
            let layout = PageLayout(title: ErrorPage.title(Int(status.code), language), language: language, caller: request.auth.get(Caller.self))
            return .html(ErrorPage(layout: layout, status: Int(status.code), message: message, reasons: reasons).render(), status: status)
        }
    }

    /// What an application error says to a person, in one language, with per-field reasons.
    static func message(_ error: AppError, _ l: Language) -> (String, [String]) {
        func reason(_ e: FieldError) -> String { "\(e.field)：\(l.t(e.reasonZh, e.reasonEn))" }
        switch error {
        case .validation(let errors): return (l.t("输入有误，请修改以下内容：", "The input was refused:"), errors.map(reason))
        case .importRejected(let rows), .importRejectedInPart(let rows, _):
            let total = error.rowErrors?.total ?? rows.count
            return (l.t("文件未导入：共 \(total) 处错误，未写入任何数据。", "File not imported: \(total) errors, nothing written."),
                    rows.prefix(50).map { "\(l.t("第", "row "))\($0.row)\(l.t("行", "")) \($0.column)：\(l.t($0.error.reasonZh, $0.error.reasonEn))" })
        case .notFound: return (message(status: 404, l), [])
        case .forbidden: return (message(status: 403, l), [])
        case .unauthenticated: return (message(status: 401, l), [])
        case .conflict(let e): return (l.t("与已有数据冲突：", "Conflicts with existing data: ") + l.t(e.reasonZh, e.reasonEn), [])
        case .tooManyAttempts(let seconds): return (l.t("尝试次数过多，请 \(seconds) 秒后再试。", "Too many attempts; try again in \(seconds) s."), [])
        case .badRequest(let zh, let en): return (l.t(zh, en), [])
        case .tooLarge(let bytes): return (l.t("文件过大：此处最多接受 \(AppError.megabytes(bytes)) MiB。", "Too large: this accepts at most \(AppError.megabytes(bytes)) MiB."), [])
        }
    }

    /// The plain message for a status, in one language.
    static func message(status: Int, _ l: Language) -> String {
        switch status {
        case 401: l.t("请先登录。", "Please sign in first.")
        case 403: l.t("您的角色无权打开此页面。", "Your role cannot open this page.")
        case 404: l.t("页面或记录不存在。", "The page or record does not exist.")
        case 405: l.t("此地址不支持该操作。", "This address does not accept that action.")
        case 413: l.t("提交的内容过大。", "What was sent is too large.")
        case 500...: l.t("服务器内部错误。", "Internal server error.")
        default: l.t("请求未能完成。", "The request could not be completed.")
        }
    }
}
