import Fluent
import Vapor

/// Finds the caller from a bearer token or the session cookie and enforces session timeouts
/// and account state on every request, so a disabled account or an expired session stops at
/// once (ASVS 5.0 7.3.1, 7.3.2, 7.4.2).
struct CallerAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            try await authenticate(token: bearer.token, request: request)
        } else if let cookie = request.cookies[request.services.settings.cookieName]?.string {
            try await authenticate(sessionToken: cookie, request: request)
        }
        return try await next.respond(to: request)
    }

    func authenticate(token: String, request: Request) async throws {
        // One query, the account joined (eager loading would be a second round trip on every request).
        guard let stored = try await APIToken.query(on: request.db).join(User.self, on: \APIToken.$user.$id == \User.$id)
                .filter(\.$tokenHash == TokenDigest.digest(token)).first(),
              let user = try? stored.joined(User.self),
              stored.expiresAt > Date(), user.active, let scope = user.scope, let userID = user.id
        else { return }
        request.auth.login(Caller(userID: userID, username: user.username, displayName: user.displayName, scope: scope, session: nil))
    }

    func authenticate(sessionToken: String, request: Request) async throws {
        let settings = request.services.settings
        guard let session = try await UserSession.query(on: request.db).join(User.self, on: \UserSession.$user.$id == \User.$id)
                .filter(\.$tokenHash == TokenDigest.digest(sessionToken)).first(),
              let user = try? session.joined(User.self), let sessionID = session.id
        else { return }
        let now = Date()
        let expired = now.timeIntervalSince(session.lastSeenAt) > settings.idleTimeout
            || now.timeIntervalSince(session.createdAt) > settings.absoluteLifetime
        guard !expired, user.active, let scope = user.scope, let userID = user.id else {
            try await session.delete(on: request.db)
            return
        }
        // Writing last-seen on every request would serialise reads on SQLite; a minute's grain is enough.
        if now.timeIntervalSince(session.lastSeenAt) > 60 {
            session.lastSeenAt = now
            try await session.update(on: request.db)
        }
        request.auth.login(Caller(
            userID: userID, username: user.username, displayName: user.displayName, scope: scope,
            session: .init(id: sessionID, csrfToken: session.csrfToken)
        ))
    }
}

/// API routes: 401 without a caller; cookie callers must send the CSRF token on writes.
struct APIGuard: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let caller = try request.requireCaller()
        try await request.route?.uploadGate?.check(request, caller: caller)
        try await CSRFCheck.verify(request, caller: caller)
        return try await next.respond(to: request)
    }
}

/// Page routes: redirect to sign-in without a caller; forms must carry the CSRF token.
struct PageGuard: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let caller = request.auth.get(Caller.self) else {
            return request.redirect(to: "/sign-in")
        }
        try await request.route?.uploadGate?.check(request, caller: caller)
        try await CSRFCheck.verify(request, caller: caller)
        return try await next.respond(to: request)
    }
}

enum CSRFCheck {
    static func verify(_ request: Request, caller: Caller) async throws {
        guard let session = caller.session, ![.GET, .HEAD, .OPTIONS].contains(request.method) else { return }
        var sent = request.headers.first(name: "X-CSRF-Token") ?? (try? request.query.get(String.self, at: "csrf"))
        if sent == nil {
            // A route collects its body only after the middleware has run, so a form whose body
            // arrives after its head would show no token here: collect it first, but never
            // beyond what this route itself accepts (an upload route's own limit, else the
            // app's default) — a form field is no way round a route's size limit.
            if request.body.data == nil {
                let limit = request.route?.uploadGate?.maxBytes ?? request.application.routes.defaultMaxBodySize.value
                do { _ = try await request.body.collect(max: limit).get() } catch {
                    throw AppError.tooLarge(maxBytes: limit)
                }
            }
            sent = try? request.content.get(String.self, at: "csrf")
        }
        guard let sent, sent == session.csrfToken else {
            throw AppError.badRequest(zh: "表单已失效，请刷新页面后重试", en: "missing or stale CSRF token; reload the page")
        }
    }
}
