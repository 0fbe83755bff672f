import Fluent
import Vapor

/// Bearer tokens for machine clients, and who-am-I.
enum AuthAPIController {
    struct TokenRequest: Content {
        var username: String
        var password: String
        var name: String?
    }

    struct TokenResponse: Content {
        var token: String
        var expiresAt: Date
    }

    struct MeResponse: Content {
        var id: UUID
        var username: String
        var displayName: String
        var role: String
        var districtCode: String?
        var institutionId: UUID?
        var enterpriseId: UUID?
        var studentId: UUID?
        var teacherId: UUID?
    }

    @Sendable static func createToken(req: Request) async throws -> Response {
        try req.checkDocumentedBody()
        let body = try req.content.decode(TokenRequest.self)
        let user = try await SignInService.verify(username: body.username, password: body.password, request: req)
        guard let userID = user.id else { throw AppError.unauthenticated }
        let token = TokenDigest.newToken()
        let expires = Date().addingTimeInterval(req.services.settings.apiTokenLifetime)
        let name = String((body.name ?? "api").prefix(100)), actor = "\(user.username) (\(user.role))"
        try await req.audited { tx in
            try await APIToken(tokenHash: TokenDigest.digest(token), userID: userID, name: name, createdAt: Date(), expiresAt: expires).create(on: tx)
            return ((), AuditLog.Entry(actorUserID: userID, actor: actor, action: "token_create", entity: "user", recordID: userID.uuidString, detail: "", clientIP: req.clientAddress))
        }
        let response = Response(status: .created)
        try response.content.encode(TokenResponse(token: token, expiresAt: expires))
        return response
    }

    @Sendable static func revokeToken(req: Request) async throws -> HTTPStatus {
        guard let bearer = req.headers.bearerAuthorization else { throw AppError.unauthenticated }
        try await APIToken.query(on: req.db).filter(\.$tokenHash == TokenDigest.digest(bearer.token)).delete()
        return .noContent
    }

    @Sendable static func me(req: Request) async throws -> MeResponse {
        let caller = try req.requireCaller()
        let s = caller.scope
        return MeResponse(
            id: caller.userID, username: caller.username, displayName: caller.displayName, role: s.role.rawValue,
            districtCode: s.districtCode, institutionId: s.institutionID, enterpriseId: s.enterpriseID, studentId: s.studentID, teacherId: s.teacherID
        )
    }
}
