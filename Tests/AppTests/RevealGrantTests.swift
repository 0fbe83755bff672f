@testable import App
import Fluent
import Foundation
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Bulk identity reveals (issue 14, item 5): a grant asked for with a purpose and a
/// justification, approved by a city administrator other than the requester, revealing only
/// its records, each once, each audited with the grant's id in the read's transaction. On
/// SQLite, and on PostgreSQL when `DATABASE_URL` is set.
@Suite("Reveal grants: bulk reveals approved by the city, each audited")
struct RevealGrantTests {
    static let justification = "2026年技能等级考试报名，须向考试院报送身份证号码"

    func send(_ app: Application, _ method: HTTPMethod, _ path: String, _ token: String, json body: String? = nil) async throws -> (HTTPStatus, String) {
        var result: (HTTPStatus, String) = (.internalServerError, "")
        try await app.testing().test(method, path, headers: .bearer(token), beforeRequest: { req in
            if let body {
                req.headers.contentType = .json
                req.body = ByteBuffer(string: body)
            }
        }, afterResponse: { res in result = (res.status, bodyString(res)) })
        return result
    }

    func request(_ app: Application, _ token: String, kind: String = "students", _ ids: [UUID], purpose: String = "exam_registration") async throws -> (HTTPStatus, String, String?) {
        let body = #"{"kind":"\#(kind)","recordIds":[\#(ids.map { "\"\($0.uuidString)\"" }.joined(separator: ","))],"purpose":"\#(purpose)","justification":"\#(Self.justification)"}"#
        let (status, text) = try await send(app, .POST, "api/v1/reveal-grants", token, json: body)
        let id = (try? JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8)))?["id"]?.stringValue
        return (status, text, id)
    }

    func decide(_ app: Application, _ token: String, _ grant: String, _ decision: String, reason: String = "已核实考试院通知") async throws -> (HTTPStatus, String) {
        try await send(app, .POST, "api/v1/reveal-grants/\(grant)/decision", token, json: #"{"decision":"\#(decision)","reason":"\#(reason)"}"#)
    }

    func grantReveals(_ app: Application, _ grant: String) async throws -> [AuditEvent] {
        try await AuditEvent.query(on: app.db).filter(\.$action == "reveal_identity").filter(\.$outcome == "success").sort(\.$seq).all()
            .filter { $0.detail.contains("grant \(grant.uppercased())") }
    }

    @Test func aSchoolOverTheHourlyLimitRevealsAllGrantedRecordsOnceTheCityApproves() async throws {
        try await withFixture { app, f in
            let school = f.token(.schoolAdmin), city = f.token(.cityAdmin)
            // Over the hourly limit one by one.
            for n in 0..<31 {
                let (status, _) = try await send(app, .GET, "api/v1/students/\(f.studentsA[n % 2])/identity?purpose=exam_registration", school)
                #expect(status == (n < 30 ? .ok : .tooManyRequests), "reveal \(n + 1)")
            }
            // The school asks for a grant of both its students.
            let (status, body, id) = try await request(app, school, f.studentsA)
            #expect(status == .created, "\(body)")
            let grant = try #require(id)
            #expect(body.contains(#""status":"pending""#))
            // Nothing is revealed before the city decides.
            #expect(try await send(app, .GET, "api/v1/students/\(f.studentsA[0])/identity?grant=\(grant)", school).0 == .conflict)
            #expect(try await send(app, .GET, "api/v1/reveal-grants/\(grant)/identities", school).0 == .conflict)
            // The requester cannot approve it; the city sees it waiting and approves it.
            #expect(try await decide(app, school, grant, "approve").0 == .forbidden)
            let (listed, queue) = try await send(app, .GET, "api/v1/reveal-grants?status=pending", city)
            #expect(listed == .ok && queue.contains(grant.uppercased()))
            #expect(try await decide(app, city, grant, "approve", reason: "").0 == .unprocessableEntity)
            let (approved, decided) = try await decide(app, city, grant, "approve")
            #expect(approved == .ok && decided.contains(#""status":"approved""#) && decided.contains("expiresAt"), "\(decided)")
            #expect(try await decide(app, city, grant, "refuse").0 == .conflict)

            // Still over the hourly limit without it; with it, one record…
            #expect(try await send(app, .GET, "api/v1/students/\(f.studentsA[0])/identity?purpose=exam_registration", school).0 == .tooManyRequests)
            let (one, revealed) = try await send(app, .GET, "api/v1/students/\(f.studentsA[0])/identity?grant=\(grant)", school)
            #expect(one == .ok && revealed.contains(f.studentIDNumbersA[0]), "\(revealed)")
            // …once; a record outside the grant is missing, and so is the grant for another kind.
            #expect(try await send(app, .GET, "api/v1/students/\(f.studentsA[0])/identity?grant=\(grant)", school).0 == .conflict)
            let (outside, outsideBody) = try await send(app, .GET, "api/v1/students/\(f.studentsB[0])/identity?grant=\(grant)", school)
            let (missing, missingBody) = try await send(app, .GET, "api/v1/students/\(UUID())/identity?grant=\(grant)", school)
            #expect(outside == .notFound && missing == .notFound && outsideBody == missingBody)
            #expect(try await send(app, .GET, "api/v1/teachers/\(f.teachersA[0])/identity?grant=\(grant)", school).0 == .notFound)
            // Nobody else reveals under it, the city included.
            #expect(try await send(app, .GET, "api/v1/reveal-grants/\(grant)/identities", city).0 == .notFound)
            // The rest in one request, then nothing more.
            let (all, identities) = try await send(app, .GET, "api/v1/reveal-grants/\(grant)/identities", school)
            #expect(all == .ok && identities.contains(f.studentIDNumbersA[1]) && !identities.contains(f.studentIDNumbersA[0]), "\(identities)")
            #expect(try await send(app, .GET, "api/v1/reveal-grants/\(grant)/identities?format=csv", school).0 == .conflict)

            // Each reveal under the grant has its audit row naming the grant.
            let audited = try await grantReveals(app, grant)
            #expect(Set(audited.compactMap(\.recordID)) == Set(f.studentsA.map(\.uuidString)) && audited.count == 2)
            #expect(audited.allSatisfy { $0.detail.hasPrefix("exam_registration 考试报名") && $0.actor.contains("school_admin") })
            let changes = try await AuditEvent.query(on: app.db).filter(\.$entity == RevealGrantStore.auditEntity).filter(\.$recordID == grant.uppercased()).sort(\.$seq).all()
            #expect(changes.map(\.action) == ["request", "approve"])
            #expect(try await AuditLog.firstBrokenLink(on: app.db) == nil)
            let (shown, detail) = try await send(app, .GET, "api/v1/reveal-grants/\(grant)", school)
            #expect(shown == .ok && detail.contains(#""revealedCount":2"#) && !detail.contains(f.studentIDNumbersA[0]))
        }
    }

    @Test func aBulkDownloadRevealsEveryGrantedRecordAsCSV() async throws {
        try await withFixture { app, f in
            let school = f.token(.schoolAdmin), city = f.token(.cityAdmin)
            let grant = try #require(try await request(app, school, f.studentsA).2)
            #expect(try await decide(app, city, grant, "approve").0 == .ok)
            var csv = ""
            try await app.testing().test(.GET, "api/v1/reveal-grants/\(grant)/identities?format=csv", headers: .bearer(school)) { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.subType == "csv")
                csv = bodyString(res)
            }
            #expect(f.studentIDNumbersA.allSatisfy(csv.contains), "\(csv)")
            #expect(try await grantReveals(app, grant).count == 2)
        }
    }

    @Test func aRefusedOrExpiredGrantRevealsNothingAndNoOneApprovesTheirOwn() async throws {
        try await withFixture { app, f in
            let school = f.token(.schoolAdmin), city = f.token(.cityAdmin)
            let refused = try #require(try await request(app, school, [f.studentsA[0]]).2)
            let (status, body) = try await decide(app, city, refused, "refuse", reason: "理由不充分")
            #expect(status == .ok && body.contains(#""status":"refused""#))
            #expect(try await send(app, .GET, "api/v1/students/\(f.studentsA[0])/identity?grant=\(refused)", school).0 == .conflict)
            #expect(try await send(app, .GET, "api/v1/reveal-grants/\(refused)/identities", school).0 == .conflict)

            let expired = try #require(try await request(app, school, [f.studentsA[1]]).2)
            #expect(try await decide(app, city, expired, "approve").0 == .ok)
            try await app.sql.update("reveal_grants").set("expires_at_ms", to: RevealGrantStore.ms(Date().addingTimeInterval(-60)))
                .where("id", .equal, UUID(uuidString: expired)).run()
            #expect(try await send(app, .GET, "api/v1/students/\(f.studentsA[1])/identity?grant=\(expired)", school).0 == .conflict)
            #expect(try await send(app, .GET, "api/v1/reveal-grants/\(expired)/identities", school).0 == .conflict)
            #expect(try await send(app, .GET, "api/v1/reveal-grants/\(expired)", school).1.contains(#""status":"expired""#))
            #expect(try await grantReveals(app, refused).isEmpty)
            #expect(try await grantReveals(app, expired).isEmpty)
            let denied = try await AuditEvent.query(on: app.db).filter(\.$action == "reveal_identity").filter(\.$outcome == "denied").all()
            #expect(denied.count == 4)

            // A city administrator's own request waits for another one.
            let own = try #require(try await request(app, city, [f.studentsB[0]]).2)
            #expect(try await decide(app, city, own, "approve").0 == .forbidden)
            // Other roles cannot ask, decide or list at all.
            for role in [Role.teacher, .learner, .districtAdmin, .enterprise] {
                #expect(try await request(app, f.token(role), [f.studentsA[0]]).0 == .forbidden, "\(role)")
                #expect(try await decide(app, f.token(role), own, "approve").0 == .forbidden, "\(role)")
                #expect(try await send(app, .GET, "api/v1/reveal-grants", f.token(role)).0 == .forbidden, "\(role)")
            }
        }
    }

    @Test func aRecordOutsideTheRequestersScopeCannotBePutInAGrant() async throws {
        try await withFixture { app, f in
            let school = f.token(.schoolAdmin)
            let (foreign, foreignBody, _) = try await request(app, school, [f.studentsA[0], f.studentsB[0]])
            let missingID = UUID()
            let (missing, missingBody, _) = try await request(app, school, [f.studentsA[0], missingID])
            #expect(foreign == .notFound && missing == .notFound && foreignBody == missingBody)
            // Fields are checked and named, in both languages.
            let (invalid, problem) = try await send(app, .POST, "api/v1/reveal-grants", school,
                                                    json: #"{"kind":"pets","recordIds":[],"purpose":"own_record","justification":"短"}"#)
            #expect(invalid == .unprocessableEntity)
            for field in ["kind", "recordIds", "purpose", "justification"] { #expect(problem.contains(#""field":"\#(field)""#), "\(field): \(problem)") }
            #expect(problem.contains("请说明理由") && problem.contains("explain why"))
            #expect(try await app.count("reveal_grants") == 0)
        }
    }

    @Test func nothingIsRevealedWhenItsAuditRowCannotBeWritten() async throws {
        try await withFixture { app, f in
            let school = f.token(.schoolAdmin), city = f.token(.cityAdmin)
            let grant = try #require(try await request(app, school, f.studentsA).2)
            #expect(try await decide(app, city, grant, "approve").0 == .ok)
            // The audit log refuses every new row.
            if TestDatabase.usesPostgres {
                try await app.sql.raw("CREATE FUNCTION refuse_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$ LANGUAGE plpgsql").run()
                try await app.sql.raw("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_audit()").run()
            } else {
                try await app.sql.raw("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'audit refused'); END").run()
            }
            let (single, singleBody) = try await send(app, .GET, "api/v1/students/\(f.studentsA[0])/identity?purpose=exam_registration", school)
            #expect(single.code >= 500 && !singleBody.contains(f.studentIDNumbersA[0]))
            let (bulk, bulkBody) = try await send(app, .GET, "api/v1/reveal-grants/\(grant)/identities", school)
            #expect(bulk.code >= 500 && !f.studentIDNumbersA.contains(where: bulkBody.contains))
            // The grant was not consumed: the reads rolled back with their audit rows.
            let counted = try await app.sql.select().column("reveals").from("reveal_grant_records").all().map { try $0.decode(column: "reveals", as: Int.self) }
            #expect(counted == [0, 0])
            try await app.sql.raw("DROP TRIGGER refuse_audit\(unsafeRaw: TestDatabase.usesPostgres ? " ON audit_events" : "")").run()
            let (again, againBody) = try await send(app, .GET, "api/v1/reveal-grants/\(grant)/identities", school)
            #expect(again == .ok && f.studentIDNumbersA.allSatisfy(againBody.contains))
        }
    }

    @Test func theSchoolAsksOnAPageAndTheCityDecidesOnOne() async throws {
        try await withFixture { app, f in
            let school = f.token(.schoolAdmin), city = f.token(.cityAdmin)
            func post(_ path: String, _ token: String, _ form: [String: String]) async throws -> (HTTPStatus, String, String?) {
                var result: (HTTPStatus, String, String?) = (.internalServerError, "", nil)
                try await app.testing().test(.POST, path, headers: .bearer(token), beforeRequest: { req in
                    try req.content.encode(form, as: .urlEncodedForm)
                }, afterResponse: { res in result = (res.status, bodyString(res), res.headers.first(name: .location)) })
                return result
            }
            // An unknown number and a short reason: both named in the page's language, summarised with links to their boxes, what was typed kept.
            let (refused, page, _) = try await post("reveal-grants", school, ["kind": "students", "purpose": "exam_registration", "records": "S1\nS9", "justification": "考试<b>"])
            #expect(refused == .unprocessableEntity)
            #expect(page.contains("第2行“S9”") && !page.contains("line 2: &#39;S9&#39;") && !page.contains("explain why"), "\(page)")
            #expect(page.contains("有 2 处需要修改") && page.contains(##"href="#grant-records""##) && page.contains(##"href="#grant-justification""##))
            #expect(page.contains("S1\nS9") && page.contains("考试&lt;b&gt;") && page.contains(#"<option value="exam_registration" label="考试报名" selected"#))
            // Student S2 of another school is not this school's: the same message as a missing one.
            let (ok, _, location) = try await post("reveal-grants", school, ["kind": "students", "purpose": "exam_registration", "records": "S1\nS2", "justification": Self.justification])
            #expect(ok == .seeOther || ok == .found || ok == .temporaryRedirect, "\(ok)")
            let grantPath = try #require(location)
            #expect(try await app.count("reveal_grant_records") == 2)
            // The city sees it waiting and approves it on the grant's page; the school downloads.
            var list = ""
            try await app.testing().test(.GET, "reveal-grants", headers: .bearer(city)) { list = bodyString($0) }
            #expect(list.contains(String(grantPath.dropFirst("/reveal-grants/".count))))
            #expect(try await post(String(grantPath.dropFirst()) + "/decision", city, ["decision": "approve", "reason": ""]).0 == .unprocessableEntity)
            #expect(try await post(String(grantPath.dropFirst()) + "/decision", school, ["decision": "approve", "reason": "自己批准"]).0 == .forbidden)
            #expect(try await post(String(grantPath.dropFirst()) + "/decision", city, ["decision": "approve", "reason": "已核实"]).0 == .seeOther)
            let (downloaded, csv, _) = try await post(String(grantPath.dropFirst()) + "/download", school, ["format": "csv"])
            #expect(downloaded == .ok && f.studentIDNumbersA.allSatisfy(csv.contains))
            var shown = ""
            try await app.testing().test(.GET, String(grantPath.dropFirst()), headers: .bearer(school)) { shown = bodyString($0) }
            #expect(shown.contains("已批准") && !f.studentIDNumbersA.contains(where: shown.contains))
        }
    }
}
