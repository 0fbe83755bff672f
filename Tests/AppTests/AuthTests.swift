@testable import App
import Fluent
import Foundation
import Registry
import Testing
import Vapor
import VaporTesting

@Suite("Accounts, sessions and tokens")
struct AuthTests {
    func signIn(_ app: Application, username: String, password: String, cookie: String? = nil) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.POST, "sign-in", beforeRequest: { req in
            if let cookie { req.headers.add(name: .cookie, value: "__Host-zhijiao=\(cookie)") }
            try req.content.encode(["username": username, "password": password], as: .urlEncodedForm)
        }, afterResponse: { result = $0 })
        return try #require(result)
    }

    func sessionCookie(_ response: TestingHTTPResponse) -> String? {
        response.headers.setCookie?["__Host-zhijiao"]?.string
    }

    @Test func signInSetsAHardenedCookieAndANewSessionEveryTime() async throws {
        try await withFixture { app, _ in
            // setup: a cookie the browser held before signing in
            let first = try await signIn(app, username: "test-city_admin", password: Fixture.password)
            let before = try #require(sessionCookie(first))
            // MUT: signing in again while presenting that cookie
            let second = try await signIn(app, username: "test-city_admin", password: Fixture.password, cookie: before)
            // validation
            #expect(second.status == .seeOther)
            let raw = second.headers.first(name: .setCookie) ?? ""
            #expect(raw.contains("__Host-zhijiao="))
            #expect(raw.contains("Secure"))
            #expect(raw.contains("HttpOnly"))
            #expect(raw.contains("SameSite=Strict"))
            #expect(raw.contains("Path=/"))
            #expect(!raw.lowercased().contains("domain="))
            let after = try #require(sessionCookie(second))
            #expect(after != before)
            // the old session no longer authenticates
            try await app.testing().test(.GET, "/", beforeRequest: { req in
                req.headers.add(name: .cookie, value: "__Host-zhijiao=\(before)")
            }, afterResponse: { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/sign-in")
            })
            try await app.testing().test(.GET, "/", beforeRequest: { req in
                req.headers.add(name: .cookie, value: "__Host-zhijiao=\(after)")
            }, afterResponse: { res in
                #expect(res.status == .ok)
                #expect(bodyString(res).contains("南山测试职业技术学院") == false) // home shows counts, not rows
            })
        }
    }

    @Test func wrongUsernameAndWrongPasswordLookTheSame() async throws {
        try await withFixture { app, _ in
            let unknown = try await signIn(app, username: "nobody", password: "whatever-it-is")
            let wrong = try await signIn(app, username: "test-city_admin", password: "not the password")
            #expect(unknown.status == .unauthorized)
            #expect(wrong.status == .unauthorized)
            #expect(sessionCookie(unknown) == nil)
            #expect(bodyString(unknown).replacingOccurrences(of: "nobody", with: "X") == bodyString(wrong).replacingOccurrences(of: "test-city_admin", with: "X"))
            var apiBodies: [String] = []
            for name in ["nobody", "test-city_admin"] {
                try await app.testing().test(.POST, "api/v1/auth/tokens", beforeRequest: { req in
                    try req.content.encode(["username": name, "password": "bad password"])
                }, afterResponse: { res in
                    #expect(res.status == .badRequest)
                    apiBodies.append(bodyString(res))
                })
            }
            #expect(apiBodies[0] == apiBodies[1])
        }
    }

    @Test func repeatedFailuresAreThrottledWith429() async throws {
        try await withFixture { app, _ in
            for _ in 0..<10 {
                _ = try await signIn(app, username: "test-teacher", password: "guess")
            }
            // Even the right password is refused while throttled: that is what slows guessing.
            let throttled = try await signIn(app, username: "test-teacher", password: Fixture.password)
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.headers.first(name: .retryAfter) != nil)
            // another account from the same client is still allowed (per-address limit 20)
            let other = try await signIn(app, username: "test-learner", password: Fixture.password)
            #expect(other.status == .seeOther)
            // At least five failures were checked; past them the account's delay (or, were the
            // machine slow, the pair's limit of ten) refused the rest unchecked. Every attempt is audited.
            let failures = try await AuditEvent.query(on: app.db).filter(\.$action == "sign_in").filter(\.$outcome == "failure").count()
            let refused = try await AuditEvent.query(on: app.db).filter(\.$action == "sign_in").filter(\.$outcome == "denied").count()
            #expect(failures >= 5 && failures <= 10)
            #expect(failures + refused == 11)
        }
    }

    @Test func signOutEndsTheSessionAndNeedsTheCSRFToken() async throws {
        try await withFixture { app, _ in
            let cookie = try #require(sessionCookie(try await signIn(app, username: "test-school_admin", password: Fixture.password)))
            let session = try #require(try await UserSession.query(on: app.db).first())
            // without the form's CSRF token the state change is refused
            try await app.testing().test(.POST, "sign-out", beforeRequest: { req in
                req.headers.add(name: .cookie, value: "__Host-zhijiao=\(cookie)")
            }, afterResponse: { res in
                #expect(res.status == .badRequest)
            })
            try await app.testing().test(.POST, "sign-out", beforeRequest: { req in
                req.headers.add(name: .cookie, value: "__Host-zhijiao=\(cookie)")
                try req.content.encode(["csrf": session.csrfToken], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .seeOther)
            })
            #expect(try await UserSession.query(on: app.db).count() == 0)
        }
    }

    @Test func idleSessionsExpireAndDisabledAccountsStopAtOnce() async throws {
        try await withFixture { app, fixture in
            let cookie = try #require(sessionCookie(try await signIn(app, username: "test-district_admin", password: Fixture.password)))
            // idle past the timeout
            let session = try #require(try await UserSession.query(on: app.db).first())
            session.lastSeenAt = Date().addingTimeInterval(-app.services.settings.idleTimeout - 5)
            try await session.update(on: app.db)
            try await app.testing().test(.GET, "api/v1/me", beforeRequest: { req in
                req.headers.add(name: .cookie, value: "__Host-zhijiao=\(cookie)")
            }, afterResponse: { res in
                #expect(res.status == .unauthorized)
            })
            #expect(try await UserSession.query(on: app.db).count() == 0)
            // a disabled account's bearer token stops working on the next request
            try await app.testing().test(.GET, "api/v1/me", headers: .bearer(fixture.token(.teacher))) { res in
                #expect(res.status == .ok)
            }
            let teacher = try #require(try await User.query(on: app.db).filter(\.$username == "test-teacher").first())
            teacher.active = false
            try await teacher.update(on: app.db)
            try await app.testing().test(.GET, "api/v1/me", headers: .bearer(fixture.token(.teacher))) { res in
                #expect(res.status == .unauthorized)
                #expect(res.headers.contentType?.description.contains("problem+json") == true)
            }
        }
    }

    @Test func passwordsAreStoredAsBcrypt() async throws {
        try await withFixture { app, _ in
            for user in try await User.query(on: app.db).all() {
                #expect(user.passwordHash.hasPrefix("$2b$") || user.passwordHash.hasPrefix("$2a$") || user.passwordHash.hasPrefix("$2y$"))
                #expect(!user.passwordHash.contains(Fixture.password))
            }
        }
    }

    @Test func responsesCarrySecurityHeaders() async throws {
        try await withZhijiaoApp { app in
            try await app.testing().test(.GET, "sign-in") { res in
                #expect(res.status == .ok)
                #expect(res.headers.first(name: "Strict-Transport-Security")?.contains("max-age=31536000") == true)
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
                #expect(res.headers.first(name: .cacheControl) == "no-store")
            }
        }
    }
}
