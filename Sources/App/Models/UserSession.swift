import Fluent
import Vapor

/// A signed-in browser session. The cookie carries a random token; only its SHA-256 is
/// stored, and a new one is issued at every sign-in, so a pre-sign-in cookie never becomes
/// an authenticated one (ASVS 5.0 7.2.4).
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    /// Echoed in every form; checked on every state-changing request made with the cookie.
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date

    init() {}

    init(tokenHash: String, userID: UUID, csrfToken: String, now: Date) {
        self.tokenHash = tokenHash
        $user.id = userID
        self.csrfToken = csrfToken
        createdAt = now
        lastSeenAt = now
    }
}

/// A bearer token for machine clients; only its SHA-256 is stored.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(tokenHash: String, userID: UUID, name: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        $user.id = userID
        self.name = name
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
