import Fluent
import Vapor

/// Checks a username and password with one answer for every kind of failure, the same work
/// whether or not the account exists, and throttling (ASVS 5.0 6.3.1, 6.3.8).
enum SignInService {
    static func verify(username: String, password: String, request: Request) async throws -> User {
        let address = request.clientAddress
        let throttle = request.services.throttle
        if let wait = await throttle.retryAfter(username: username, address: address) {
            try await request.audit(AuditLog.Entry(actor: username, action: "sign_in", entity: "user", detail: "throttled", outcome: "denied", clientIP: address))
            request.application.platformMetrics?.signInRefused(reason: "throttled")
            throw AppError.tooManyAttempts(retryAfter: wait)
        }
        let user = try await User.query(on: request.db).filter(\.$username == username).first()
        let hash = user?.passwordHash ?? request.services.decoyPasswordHash
        let matches = (try? await request.password.async.verify(password, created: hash)) ?? false
        guard let user, matches, user.active, user.scope != nil else {
            await throttle.recordFailure(username: username, address: address)
            request.application.platformMetrics?.signInRefused(reason: "bad_credentials")
            try await request.audit(AuditLog.Entry(actorUserID: user?.id, actor: username, action: "sign_in", entity: "user", detail: "bad credentials", outcome: "failure", clientIP: address))
            throw AppError.badRequest(zh: "用户名或密码错误", en: "wrong username or password")
        }
        await throttle.recordSuccess(username: username, address: address)
        return user
    }

    /// Starts a new session (a new token every time) and returns the cookie token.
    static func startSession(for user: User, request: Request) async throws -> (token: String, session: UserSession) {
        guard let userID = user.id else { throw AppError.unauthenticated }
        let token = TokenDigest.newToken()
        let session = UserSession(tokenHash: TokenDigest.digest(token), userID: userID, csrfToken: TokenDigest.newToken(), now: Date())
        let actor = "\(user.username) (\(user.role))"
        try await request.audited { tx in
            try await session.create(on: tx)
            return ((), AuditLog.Entry(actorUserID: userID, actor: actor, action: "sign_in", entity: "user", recordID: userID.uuidString, detail: "session", clientIP: request.clientAddress))
        }
        return (token, session)
    }

    static func cookie(_ token: String, settings: SecuritySettings) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: token, expires: nil, maxAge: Int(settings.absoluteLifetime), domain: nil, path: "/",
            isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .strict
        )
    }
}
