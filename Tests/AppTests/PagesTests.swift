@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Pages")
struct PagesTests {
    @Test func pagesNeedSignInAndShowOnlyScopedMaskedRows() async throws {
        try await withFixture { app, f in
            try await app.testing().test(.GET, "registry/students") { res in
                #expect(res.status == .seeOther)
            }
            // sign in as the school admin of A through the form
            var cookie = ""
            try await app.testing().test(.POST, "sign-in", beforeRequest: { req in
                try req.content.encode(["username": "test-school_admin", "password": Fixture.password], as: .urlEncodedForm)
            }, afterResponse: { res in
                cookie = res.headers.setCookie?["__Host-zhijiao"]?.string ?? ""
            })
            try await app.testing().test(.GET, "registry/students", beforeRequest: { req in
                req.headers.add(name: .cookie, value: "__Host-zhijiao=\(cookie)")
            }, afterResponse: { res in
                #expect(res.status == .ok)
                let html = bodyString(res)
                #expect(html.contains("共 2 条"))
                #expect(html.contains("TEST-A"))
                #expect(!html.contains("TEST-B"))
                for id in f.studentIDNumbersA { #expect(!html.contains(id)) }
                #expect(html.contains("import-link"))
            })
            try await app.testing().test(.GET, "lang/en") { res in
                #expect(res.headers.setCookie?["lang"]?.string == "en")
            }
        }
    }
}
