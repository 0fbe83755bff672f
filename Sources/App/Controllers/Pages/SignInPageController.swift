import Fluent
import Vapor

/// 登录 / 退出 and the language switch.
enum SignInPageController {
    struct Form: Content {
        var username: String?
        var password: String?
    }

    @Sendable static func show(req: Request) async throws -> Response {
        if req.auth.has(Caller.self) { return req.redirect(to: "/") }
        return .html(SignInPage(language: Language(req)).render())
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        let language = Language(req)
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces)
        do {
            let user = try await SignInService.verify(username: username, password: form.password ?? "", request: req)
            // Any session the browser already had ends here: sign-in always starts a new one.
            if let old = req.cookies[req.services.settings.cookieName]?.string {
                try await UserSession.query(on: req.db).filter(\.$tokenHash == TokenDigest.digest(old)).delete()
            }
            let (token, _) = try await SignInService.startSession(for: user, request: req)
            let response = req.redirect(to: "/")
            response.cookies[req.services.settings.cookieName] = SignInService.cookie(token, settings: req.services.settings)
            return response
        } catch AppError.tooManyAttempts(let seconds) {
            let page = SignInPage(language: language, error: language.t("尝试次数过多，请\(seconds)秒后再试", "Too many attempts; try again in \(seconds) s"), username: username)
            let response = Response.html(page.render(), status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        } catch AppError.badRequest {
            let page = SignInPage(language: language, error: language.t("用户名或密码错误", "Wrong username or password"), username: username)
            return .html(page.render(), status: .unauthorized)
        }
    }

    @Sendable static func signOut(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        try await req.audited { tx in
            if let session = caller.session {
                try await UserSession.query(on: tx).filter(\.$id == session.id).delete()
            }
            return ((), req.auditEntry(action: "sign_out", entity: "user", recordID: caller.userID.uuidString))
        }
        let response = req.redirect(to: "/sign-in")
        response.cookies[req.services.settings.cookieName] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isSecure: req.services.settings.secureCookies, isHTTPOnly: true, sameSite: .strict)
        return response
    }

    @Sendable static func switchLanguage(req: Request) async throws -> Response {
        let code = req.parameters.get("code") == "en" ? "en" : "zh"
        let response = req.redirect(to: "/")
        response.cookies["lang"] = HTTPCookies.Value(string: code, maxAge: 365 * 24 * 3600, path: "/", isSecure: req.services.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }
}
