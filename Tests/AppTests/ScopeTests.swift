@testable import App
import Foundation
import Registry
import Testing
import Vapor
import VaporTesting

/// Every role against rows inside and outside its scope (security checklist B1).
@Suite("Scope enforcement for every role")
struct ScopeTests {
    /// The list total, or -1 when the request fails (so a failure shows as a mismatch).
    func total(_ app: Application, _ token: String, _ path: String) async -> Int {
        var total = -1
        _ = try? await app.testing().test(.GET, "api/v1/\(path)?per=500", headers: .bearer(token)) { res in
            #expect(res.status == .ok)
            total = try res.content.decode(RecordPage.self).total
        }
        return total
    }

    /// The response status, or 599 when the request could not be made.
    func status(_ app: Application, _ method: HTTPMethod, _ path: String, _ token: String, body: [String: JSONValue]? = nil) async -> HTTPStatus {
        var status = HTTPStatus(statusCode: 599)
        _ = try? await app.testing().test(method, path, headers: .bearer(token), beforeRequest: { req in
            if let body { try req.content.encode(body) }
        }, afterResponse: { res in status = res.status })
        return status
    }

    @Test func listsAreFilteredToEachRolesScope() async throws {
        try await withFixture { app, f in
            // students: city sees 4; district A sees school A's 2; school admin 2; teacher 2; learner 1; reviewer 4; enterprise 0
            let expected: [(Role, Int)] = [(.cityAdmin, 4), (.districtAdmin, 2), (.schoolAdmin, 2), (.teacher, 2), (.learner, 1), (.creditReviewer, 4), (.enterprise, 0)]
            for (role, count) in expected {
                #expect(await total(app, f.token(role), "students") == count, "students for \(role)")
            }
            // teachers: a teacher sees only their own record
            #expect(await total(app, f.token(.teacher), "teachers") == 1)
            #expect(await total(app, f.token(.learner), "teachers") == 0)
            // enterprises: district admin only their district, an enterprise only itself
            #expect(await total(app, f.token(.districtAdmin), "enterprises") == 1)
            #expect(await total(app, f.token(.enterprise), "enterprises") == 1)
            #expect(await total(app, f.token(.learner), "enterprises") == 0)
            // institutions are public to every signed-in role (6 policy institutions + 2)
            #expect(await total(app, f.token(.learner), "institutions") == 8)
        }
    }

    @Test func readingAnotherScopesRecordIsNotFound() async throws {
        try await withFixture { app, f in
            let outside = "api/v1/students/\(f.studentsB[0])"
            for role in [Role.districtAdmin, .schoolAdmin, .teacher, .learner, .enterprise] {
                #expect(await status(app, .GET, outside, f.token(role)) == .notFound, "\(role) reading school B")
            }
            #expect(await status(app, .GET, outside, f.token(.cityAdmin)) == .ok)
            // a learner reads themself but not a classmate
            #expect(await status(app, .GET, "api/v1/students/\(f.studentsA[0])", f.token(.learner)) == .ok)
            #expect(await status(app, .GET, "api/v1/students/\(f.studentsA[1])", f.token(.learner)) == .notFound)
            #expect(await status(app, .GET, "api/v1/enterprises/\(f.enterpriseB)", f.token(.enterprise)) == .notFound)
        }
    }

    @Test func writingOutsideScopeIsRefusedAndChangesNothing() async throws {
        try await withFixture { app, f in
            let before = try await app.count("students")
            // school admin of A deletes a student of B: not visible, so 404
            #expect(await status(app, .DELETE, "api/v1/students/\(f.studentsB[0])", f.token(.schoolAdmin)) == .notFound)
            // teacher may read school A's students but not change them
            #expect(await status(app, .DELETE, "api/v1/students/\(f.studentsA[1])", f.token(.teacher)) == .forbidden)
            // reviewer reads all students but writes none
            #expect(await status(app, .DELETE, "api/v1/students/\(f.studentsB[1])", f.token(.creditReviewer)) == .forbidden)
            // school admin of A creates an institution: refused
            let institution: [String: JSONValue] = ["code": "NEW-1", "name": "新学校", "kind": .string("secondary_vocational"), "ownership": "public", "districtCode": .string(Fixture.districtA)]
            #expect(await status(app, .POST, "api/v1/institutions", f.token(.schoolAdmin), body: institution) == .forbidden)
            // district admin of A creates one in district B: refused; in A: allowed
            var inB = institution
            inB["districtCode"] = .string(Fixture.districtB)
            #expect(await status(app, .POST, "api/v1/institutions", f.token(.districtAdmin), body: inB) == .forbidden)
            #expect(await status(app, .POST, "api/v1/institutions", f.token(.districtAdmin), body: institution) == .created)
            // enterprise A edits enterprise B: 404; a school admin creates a student at school B: 403
            #expect(await status(app, .PUT, "api/v1/enterprises/\(f.enterpriseB)", f.token(.enterprise), body: [:]) == .notFound)
            var people = SyntheticPeople(seed: 99, regionCodes: ["440306"])
            let student: [String: JSONValue] = [
                "institutionCode": "TEST-B", "studentNo": "S9", "name": "测试", "idNumber": .string(people.residentID(sex: .male, bornIn: 2006...2006)),
                "sex": "male", "programCode": .string(f.programB), "level": "secondary", "enrolmentYear": .int(2024), "origin": "mainland",
            ]
            #expect(await status(app, .POST, "api/v1/students", f.token(.schoolAdmin), body: student) == .forbidden)
            #expect(try await app.count("students") == before)
        }
    }

    @Test func everyAPIRouteNeedsACaller() async throws {
        try await withFixture { app, f in
            // deny by default: every registered /api/v1 route except the public three answers 401 without
            // credentials (credential verification is public by design: anyone holding a certificate checks it)
            let publicRoutes: Set<String> = ["/api/v1/openapi.json", "/api/v1/auth/tokens", "/api/v1/credentials/verify"]
            for route in app.routes.all where route.path.first?.description == "api" {
                let path = "/" + route.path.map { $0.description == ":id" ? f.studentsA[0].uuidString : ($0.description == ":list" ? "programs" : $0.description) }.joined(separator: "/")
                guard !publicRoutes.contains(path) else { continue }
                try await app.testing().test(route.method, path) { res in
                    #expect(res.status == .unauthorized, "\(route.method) \(path)")
                }
            }
        }
    }
}
