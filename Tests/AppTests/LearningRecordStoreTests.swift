@testable import App
import Credentials
import Foundation
import LearningRecords
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The learning record store (xAPI) end to end through the app, on SQLite and PostgreSQL:
/// storing, conflicts, voiding, paging, documents, and each client's scope.
@Suite("Learning record store (xAPI)")
struct LearningRecordStoreTests {
    struct Client {
        var key: String
        var secret: String
        var headers: HTTPHeaders {
            var h = HTTPHeaders()
            h.basicAuthorization = BasicAuthorization(username: key, password: secret)
            h.replaceOrAdd(name: "X-Experience-API-Version", value: "2.0.0")
            h.contentType = .json
            return h
        }
    }

    func client(_ app: Application, scope: LearningRecordClientScope, institution: UUID? = nil) async throws -> Client {
        let (c, secret) = try await LearningRecordClientStore(sql: app.sql).create(name: "test \(scope.rawValue)", institutionID: institution, scope: scope, createdBy: "test")
        return Client(key: c.apiKey, secret: secret)
    }

    func statement(id: UUID = UUID(), actor: JSONValue? = nil, verb: String = "http://adlnet.gov/expapi/verbs/completed", activity: String = "http://example.cn/course/1") -> JSONValue {
        ["id": .string(id.uuidString.lowercased()), "actor": actor ?? ["mbox": "mailto:learner@example.cn", "objectType": "Agent"],
         "verb": ["id": .string(verb), "display": ["zh-CN": "完成", "en-US": "completed"]],
         "object": ["id": .string(activity), "objectType": "Activity", "definition": ["name": ["zh-CN": "课程一"]]]]
    }

    func send(_ app: Application, _ method: HTTPMethod, _ path: String, _ client: Client, body: JSONValue? = nil, headers extra: [(String, String)] = []) async throws -> TestingHTTPResponse {
        var headers = client.headers
        for (name, value) in extra { headers.replaceOrAdd(name: name, value: value) }
        var captured: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: headers, body: body.map { ByteBuffer(data: $0.serialized()) }) { captured = $0 }
        guard let captured else { throw Abort(.internalServerError) }
        return captured
    }

    func parsed(_ response: TestingHTTPResponse) throws -> JSONValue {
        try JSONValue.parse(Data(buffer: response.body))
    }

    @Test func statementsAreStoredOnceAndConflictsChangeNothing() async throws {
        try await withZhijiaoApp { app in
            let c = try await client(app, scope: .all)
            let id = UUID()
            let s = statement(id: id)
            let put = try await send(app, .PUT, "xapi/statements?statementId=\(id.uuidString)", c, body: s)
            #expect(put.status == .noContent)
            #expect(put.headers.first(name: "X-Experience-API-Version") == "2.0.0")
            // The same statement again: nothing changes.
            #expect(try await send(app, .POST, "xapi/statements", c, body: s).status == .ok)
            // Different content under the same id: 409, and the stored one stays.
            var changed = s
            if case .object(var o) = changed { o["verb"] = ["id": "http://adlnet.gov/expapi/verbs/failed"]; changed = .object(o) }
            #expect(try await send(app, .POST, "xapi/statements", c, body: changed).status == .conflict)
            let got = try await send(app, .GET, "xapi/statements?statementId=\(id.uuidString)", c)
            #expect(got.status == .ok)
            let stored = try parsed(got)
            #expect(stored["verb"]?["id"]?.stringValue == "http://adlnet.gov/expapi/verbs/completed")
            #expect(stored["authority"]?["account"]?["name"]?.stringValue == c.key)
            #expect(stored["stored"]?.stringValue != nil)
            #expect(got.headers.first(name: "X-Experience-API-Consistent-Through") != nil)
            #expect(try await app.count("lrs_statements") == 1)
            // A batch with one bad statement stores none of it.
            var bad = statement()
            if case .object(var o) = bad { o["verb"] = ["id": "not an iri"]; bad = .object(o) }
            let batch = try await send(app, .POST, "xapi/statements", c, body: [statement(), bad])
            #expect(batch.status == .badRequest)
            #expect(bodyString(batch).contains("[1].verb.id"))
            #expect(try await app.count("lrs_statements") == 1)
            // A batch naming one id twice is refused whole.
            let twice = UUID()
            #expect(try await send(app, .POST, "xapi/statements", c, body: [statement(id: twice), statement(id: twice)]).status == .badRequest)
            #expect(try await app.count("lrs_statements") == 1)
        }
    }

    @Test func fiftyConcurrentPostsOfOneIdStoreOneRow() async throws {
        try await withZhijiaoApp { app in
            let c = try await client(app, scope: .all)
            let s = statement()
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<50 { group.addTask { try await send(app, .POST, "xapi/statements", c, body: s).status } }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .ok }, "\(Set(statuses.map(\.code)))")
            #expect(try await app.count("lrs_statements") == 1)
        }
    }

    @Test func voidedStatementsLeaveQueriesAndAVoidingStatementCannotBeVoided() async throws {
        try await withZhijiaoApp { app in
            let c = try await client(app, scope: .all)
            let target = UUID()
            _ = try await send(app, .POST, "xapi/statements", c, body: statement(id: target))
            let voiding = UUID()
            let void: JSONValue = ["id": .string(voiding.uuidString), "actor": ["mbox": "mailto:teacher@example.cn"],
                                   "verb": ["id": "http://adlnet.gov/expapi/verbs/voided"], "object": ["objectType": "StatementRef", "id": .string(target.uuidString)]]
            #expect(try await send(app, .POST, "xapi/statements", c, body: void).status == .ok)
            #expect(try await send(app, .GET, "xapi/statements?statementId=\(target.uuidString)", c).status == .notFound)
            #expect(try await send(app, .GET, "xapi/statements?voidedStatementId=\(target.uuidString)", c).status == .ok)
            let list = try parsed(try await send(app, .GET, "xapi/statements", c))
            #expect(list["statements"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [voiding.uuidString.lowercased()])
            let again: JSONValue = ["actor": ["mbox": "mailto:teacher@example.cn"], "verb": ["id": "http://adlnet.gov/expapi/verbs/voided"],
                                    "object": ["objectType": "StatementRef", "id": .string(voiding.uuidString)]]
            #expect(try await send(app, .POST, "xapi/statements", c, body: again).status == .badRequest)
        }
    }

    @Test func pagesFollowTheCursorWithoutGapsOrRepeats() async throws {
        try await withZhijiaoApp { app in
            let c = try await client(app, scope: .all)
            let agent: JSONValue = ["mbox": "mailto:pager@example.cn"]
            let batch = (0..<23).map { _ in statement(actor: agent) }
            _ = try await send(app, .POST, "xapi/statements", c, body: .array(batch))
            _ = try await send(app, .POST, "xapi/statements", c, body: statement())  // someone else
            let agentParam = String(decoding: agent.serialized(), as: UTF8.self).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            var path = "xapi/statements?limit=5&agent=\(agentParam)"
            var seen: [String] = []
            var pages = 0
            while !path.isEmpty, pages < 10 {
                let page = try parsed(try await send(app, .GET, path, c))
                seen += page["statements"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
                let more = page["more"]?.stringValue ?? ""
                path = more.isEmpty ? "" : String(more.dropFirst())
                pages += 1
            }
            #expect(pages == 5)
            #expect(seen.count == 23 && Set(seen).count == 23)
            #expect(Set(seen) == Set(batch.compactMap { $0["id"]?.stringValue }))
        }
    }

    @Test func aSchoolsClientReadsOnlyItsOwnLearnersStatements() async throws {
        try await withFixture { app, f in
            let city = try await client(app, scope: .all)
            let schoolA = try await client(app, scope: .readSchool, institution: f.schoolA)
            let schoolB = try await client(app, scope: .readSchool, institution: f.schoolB)
            let writer = try await client(app, scope: .write, institution: f.schoolB)
            let home = app.deployment.publicURL
            func learner(_ id: UUID) -> JSONValue { ["account": ["homePage": .string(home), "name": .string(id.uuidString.lowercased())]] }
            // The city's client writes about learners of both schools; each school's writes about its own.
            let aboutA = UUID(), aboutB = UUID()
            _ = try await send(app, .POST, "xapi/statements", city, body: [statement(id: aboutA, actor: learner(f.studentsA[0])), statement(id: aboutB, actor: learner(f.studentsB[0]))])
            let byB = UUID()
            #expect(try await send(app, .POST, "xapi/statements", writer, body: statement(id: byB)).status == .ok)
            func ids(_ c: Client) async throws -> Set<String> {
                Set(try parsed(try await send(app, .GET, "xapi/statements", c))["statements"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [])
            }
            #expect(try await ids(schoolA) == [aboutA.uuidString.lowercased()])
            #expect(try await ids(schoolB) == [aboutB.uuidString.lowercased(), byB.uuidString.lowercased()])
            #expect(try await ids(city).count == 3)
            // Another school's statement by id is "not found", exactly as a missing one.
            #expect(try await send(app, .GET, "xapi/statements?statementId=\(aboutB.uuidString)", schoolA).status == .notFound)
            #expect(try await send(app, .GET, "xapi/statements?statementId=\(UUID().uuidString)", schoolA).status == .notFound)
            // A write-only client reads nothing; a revoked one is refused.
            #expect(try await send(app, .GET, "xapi/statements", writer).status == .forbidden)
            #expect(try await LearningRecordClientStore(sql: app.sql).revoke(key: schoolA.key))
            #expect(try await send(app, .GET, "xapi/statements", schoolA).status == .unauthorized)
        }
    }

    @Test func versionAndCredentialsAreRequired() async throws {
        try await withZhijiaoApp { app in
            let c = try await client(app, scope: .all)
            var none = HTTPHeaders()
            none.replaceOrAdd(name: "X-Experience-API-Version", value: "1.0.2")
            try await app.testing().test(.GET, "xapi/statements", headers: none) { #expect($0.status == .unauthorized) }
            try await app.testing().test(.GET, "xapi/about") { res in
                #expect(res.status == .ok)
                #expect(res.headers.first(name: "X-Experience-API-Version") == "2.0.0")
            }
            #expect(try await send(app, .GET, "xapi/statements", c, headers: [("X-Experience-API-Version", "1.0.2")]).status == .ok)
            #expect(try await send(app, .GET, "xapi/statements", c, headers: [("X-Experience-API-Version", "0.95")]).status == .badRequest)
            var wrong = c
            wrong.secret = "not-the-secret"
            #expect(try await send(app, .GET, "xapi/statements", wrong).status == .unauthorized)
        }
    }

    @Test func documentsKeepTheirETagsAndMergeOnPost() async throws {
        try await withZhijiaoApp { app in
            let c = try await client(app, scope: .write)
            let agent = "%7B%22mbox%22%3A%22mailto%3Aa%40example.cn%22%7D"
            let path = "xapi/activities/state?activityId=http%3A%2F%2Fexample.cn%2Fa&agent=\(agent)&stateId=resume"
            #expect(try await send(app, .PUT, path, c, body: ["page": 3]).status == .noContent)
            #expect(try await send(app, .POST, path, c, body: ["score": 7]).status == .noContent)
            let got = try await send(app, .GET, path, c)
            #expect(try parsed(got) == ["page": 3, "score": 7])
            let etag = got.headers.first(name: .eTag) ?? ""
            #expect(!etag.isEmpty)
            let profile = "xapi/activities/profile?activityId=http%3A%2F%2Fexample.cn%2Fa&profileId=p"
            #expect(try await send(app, .PUT, profile, c, body: ["v": 1]).status == .noContent)
            // Overwriting without a condition is a conflict; with a stale ETag, 412.
            #expect(try await send(app, .PUT, profile, c, body: ["v": 2]).status == .conflict)
            #expect(try await send(app, .PUT, profile, c, body: ["v": 2], headers: [("If-Match", "\"0000\"")]).status == .preconditionFailed)
            let current = try await send(app, .GET, profile, c).headers.first(name: .eTag) ?? ""
            #expect(try await send(app, .PUT, profile, c, body: ["v": 2], headers: [("If-Match", current)]).status == .noContent)
            let ids = try parsed(try await send(app, .GET, "xapi/activities/state?activityId=http%3A%2F%2Fexample.cn%2Fa&agent=\(agent)", c))
            #expect(ids == ["resume"])
        }
    }

    @Test func platformEventsReachTheLearnersRecordOnce() async throws {
        try await withFixture { app, f in
            let bank = CreditBankAppTests()
            let city = f.token(.cityAdmin)
            try await bank.loadRules(app, city)
            _ = try await IssuerKeyStore(sql: app.sql, vault: app.services.vault, issuer: app.services.issuer).rotate()
            let created = try await bank.createLearner(app, city, name: "学习者", kind: "resident_id", number: f.studentIDNumbersA[0])
            let learner = try created.content.decode(CreditBankAPIController.CreatedLearner.self).learner.id
            let pushed = try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/import", city, json: """
                {"outcomes":[{"learnerId":"\(learner)","kind":"skill_level_certificate","issuer":"考试中心","title":"Web前端（中级）","code":"1X-WEB-M","levelFramework":"gd-lqf","level":4,"awardedOn":"2025-06-30"}]}
                """)
            #expect(pushed.status == .ok, "\(bodyString(pushed))")
            let issued = try await bank.request(app, .POST, "api/v1/credit-bank/learners/\(learner)/credentials", city, json: #"{"kind":"outcome"}"#)
            #expect(issued.status == .created, "\(bodyString(issued))")
            // The school reads its learner's record: the recognition and the credential, named by
            // the registry student, as statements the platform authored.
            let school = try await client(app, scope: .readSchool, institution: f.schoolA)
            let other = try await client(app, scope: .readSchool, institution: f.schoolB)
            let page = try parsed(try await send(app, .GET, "xapi/statements", school))
            let statements = page["statements"]?.arrayValue ?? []
            #expect(Set(statements.compactMap { $0["verb"]?["id"]?.stringValue }) == ["http://id.tincanapi.com/verb/earned", "http://activitystrea.ms/schema/1.0/receive"])
            #expect(statements.allSatisfy { $0["actor"]?["account"]?["name"]?.stringValue == f.studentsA[0].uuidString.lowercased() })
            #expect(statements.allSatisfy { $0["authority"]?["account"]?["name"]?.stringValue == "platform" })
            #expect(try parsed(try await send(app, .GET, "xapi/statements", other))["statements"]?.arrayValue?.isEmpty == true)
            // Each event is recorded once, however often it is replayed.
            try await PlatformRecords.record([PlatformEvent(kind: .credentialIssued(credentialID: UUID(), title: "x", kind: "outcome"), learner: "someone", at: Date())], on: app.sql)
            let before = try await app.count("lrs_statements")
            let event = PlatformEvent(kind: .assessmentPassed(sessionID: UUID(), title: "Web前端", theory: 80, practical: 90), learner: f.studentsA[0].uuidString.lowercased(), at: Date())
            try await PlatformRecords.record([event, event], on: app.sql)
            try await PlatformRecords.record([event], on: app.sql)
            #expect(try await app.count("lrs_statements") == before + 1)
        }
    }

    func page(_ app: Application, _ method: HTTPMethod, _ path: String, _ token: String, form: [String: String]? = nil) async throws -> TestingHTTPResponse {
        var captured: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: .bearer(token), beforeRequest: { req in
            if let form { try req.content.encode(form, as: .urlEncodedForm) }
        }, afterResponse: { captured = $0 })
        guard let captured else { throw Abort(.internalServerError) }
        return captured
    }

    @Test func pagesShowEachReaderItsOwnScopeAndIssueClientsOnce() async throws {
        try await withFixture { app, f in
            let city = try await client(app, scope: .all)
            let home = app.deployment.publicURL
            func learner(_ id: UUID) -> JSONValue { ["account": ["homePage": .string(home), "name": .string(id.uuidString.lowercased())]] }
            _ = try await send(app, .POST, "xapi/statements", city, body: [
                statement(actor: learner(f.studentsA[0]), activity: "http://example.cn/course/mine"),
                statement(actor: learner(f.studentsB[0]), activity: "http://example.cn/course/theirs"),
            ])
            let school = f.token(.schoolAdmin)
            let list = try await page(app, .GET, "learning-records", school)
            #expect(list.status == .ok)
            #expect(bodyString(list).contains("课程一") && bodyString(list).contains(f.studentsA[0].uuidString.lowercased()))
            #expect(!bodyString(list).contains(f.studentsB[0].uuidString.lowercased()))
            // Another school's learner and a missing one answer alike.
            let foreign = try await page(app, .GET, "learning-records/learners/\(f.studentsB[0])", school)
            let missing = try await page(app, .GET, "learning-records/learners/\(UUID())", school)
            #expect(foreign.status == .notFound && missing.status == .notFound)
            #expect(try await page(app, .GET, "learning-records/learners/\(f.studentsA[0])", school).status == .ok)
            // A learner is sent to their own timeline.
            let own = try await page(app, .GET, "learning-records", f.token(.learner))
            #expect(own.status == .seeOther)
            #expect(own.headers.first(name: .location)?.contains(f.studentsA[0].uuidString.lowercased()) == true)
            // A school issues a client for itself; read-all is refused; the secret shows once.
            let refused = try await page(app, .POST, "learning-records/clients", school, form: ["name": "全市", "scope": "all"])
            #expect(refused.status == .badRequest || refused.status == .unprocessableEntity, "\(refused.status)")
            let created = try await page(app, .POST, "learning-records/clients", school, form: ["name": "本校 Moodle", "scope": "read-school"])
            #expect(created.status == .ok)
            #expect(bodyString(created).contains("new-client"))
            #expect(!bodyString(try await page(app, .GET, "learning-records/clients", school)).contains("new-client"))
            let stored = try await LearningRecordClientStore(sql: app.sql).list(institutionID: f.schoolA)
            #expect(stored.count == 1 && stored.first?.scope == .readSchool)
            // The city's client is out of the school's reach: revoking it is "not found".
            #expect(try await page(app, .POST, "learning-records/clients/\(city.key)/revoke", school).status == .notFound)
            #expect(try await page(app, .GET, "learning-records/clients", f.token(.learner)).status == .forbidden)
        }
    }

    @Test func theCityForwardsAndOthersCannotSeeIt() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin)
            let added = try await page(app, .POST, "learning-records/forwarding", city,
                                       form: ["name": "国家平台", "endpoint": "http://127.0.0.1:9/xapi", "credentials": "k:s", "institution": f.schoolA.uuidString, "xapiVersion": "2.0.0"])
            #expect(added.status == .seeOther, "\(bodyString(added))")
            let status = try await page(app, .GET, "learning-records/forwarding", city)
            #expect(status.status == .ok && bodyString(status).contains("国家平台"))
            #expect(!bodyString(status).contains("k:s"))
            let bad = try await page(app, .POST, "learning-records/forwarding", city, form: ["name": "x", "endpoint": "not a url", "credentials": "k:s"])
            #expect(bad.status.code >= 400 && bad.status.code < 500)
            #expect(try await page(app, .GET, "learning-records/forwarding", f.token(.schoolAdmin)).status == .forbidden)
            #expect(try await page(app, .GET, "learning-records/forwarding/\(UUID())", city).status == .notFound)
        }
    }
}
