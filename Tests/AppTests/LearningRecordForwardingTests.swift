@testable import App
import Crypto
import Foundation
import LearningRecords
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Forwarding statements to another LRS (转发), end to end on SQLite and PostgreSQL: the remote
/// is a second Zhijiao serving `/xapi` on a real port with its own database; a target on a
/// closed port shows retries, backoff and the dead-letter list (死信).
@Suite("Learning record forwarding")
struct LearningRecordForwardingTests {
    struct Client {
        var key: String
        var secret: String
        var credentials: String { "\(key):\(secret)" }
    }

    func client(_ app: Application, scope: LearningRecordClientScope, institution: UUID? = nil) async throws -> Client {
        let (c, secret) = try await LearningRecordClientStore(sql: app.sql).create(name: "test \(scope.rawValue)", institutionID: institution, scope: scope, createdBy: "test")
        return Client(key: c.apiKey, secret: secret)
    }

    func statement(id: UUID = UUID(), contextAgents: Bool = false) -> JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(id.uuidString.lowercased()), "actor": ["mbox": "mailto:learner@example.cn", "objectType": "Agent"],
            "verb": ["id": "http://adlnet.gov/expapi/verbs/completed", "display": ["zh-CN": "完成"]],
            "object": ["id": "http://example.cn/course/1", "objectType": "Activity"],
        ]
        // xAPI 2.0 only: a 1.0.3 remote refuses it.
        if contextAgents { o["context"] = ["contextAgents": [["objectType": "contextAgent", "agent": ["mbox": "mailto:teacher@example.cn"]]]] }
        return .object(o)
    }

    /// POSTs statements to the app's own `/xapi` as `client`.
    func post(_ app: Application, _ client: Client, _ body: JSONValue) async throws {
        var headers = HTTPHeaders()
        headers.basicAuthorization = BasicAuthorization(username: client.key, password: client.secret)
        headers.replaceOrAdd(name: "X-Experience-API-Version", value: "2.0.0")
        headers.contentType = .json
        try await app.testing().test(.POST, "xapi/statements", headers: headers, body: ByteBuffer(data: body.serialized())) { response in
            #expect(response.status == .ok, "\(String(buffer: response.body))")
        }
    }

    /// Runs `body` with a second Zhijiao (its own database) serving on a free port on loopback.
    func withRemote(_ body: (Application, Int) async throws -> Void) async throws {
        try await withZhijiaoApp { remote in
            try await remote.asyncBoot()
            try await remote.server.start(address: .hostname("127.0.0.1", port: 0))
            do {
                guard let port = remote.http.server.shared.localAddress?.port else { throw Abort(.internalServerError, reason: "no port") }
                try await body(remote, port)
            } catch {
                await remote.server.shutdown()
                throw error
            }
            await remote.server.shutdown()
        }
    }

    func worker(_ app: Application) -> ForwardingWorker {
        var worker = ForwardingWorker(app)
        worker.jitter = { 0.5 }
        worker.requestTimeout = .seconds(10)
        return worker
    }

    func queue(_ app: Application, target: UUID) async throws -> [(seq: Int64, state: String, attempts: Int, next: Date, error: String?)] {
        try await app.sql.raw("SELECT seq, state, attempts, next_attempt_at, last_error FROM lrs_forward_queue WHERE target_id = \(bind: target) ORDER BY seq").all().map {
            (try $0.decode(column: "seq", as: Int64.self), try $0.decode(column: "state", as: String.self), try $0.decode(column: "attempts", as: Int.self),
             try $0.decode(column: "next_attempt_at", as: Date.self), try $0.decode(column: "last_error", as: String?.self))
        }
    }

    func remoteIDs(_ remote: Application) async throws -> Set<UUID> {
        Set(try await remote.sql.raw("SELECT statement_id FROM lrs_statements").all().map { try $0.decode(column: "statement_id", as: UUID.self) })
    }

    func audited(_ app: Application, _ action: String) async throws -> Int {
        try await app.sql.raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = \(bind: action)").first()?.decode(column: "n", as: Int.self) ?? -1
    }

    @Test func schoolAStatementsReachTheRemoteAndSchoolBsDoNot() async throws {
        try await withFixture { app, fixture in
            try await withRemote { remote, port in
                let city = try await client(remote, scope: .all)
                let service = LearningRecordForwarding(app)
                let target = try await service.addTarget(.init(name: "市外 LRS", endpoint: "http://127.0.0.1:\(port)/xapi/", credentials: city.credentials,
                                                               institutionID: fixture.schoolA), by: .cli)
                #expect(target.endpoint == "http://127.0.0.1:\(port)/xapi")
                #expect(try await audited(app, "create_lrs_forward_target") == 1)

                // The secret is sealed at rest: neither it nor the key:secret pair is in the row.
                let cipher = try #require(try await app.sql.raw("SELECT auth_cipher FROM lrs_forward_targets").first()?.decode(column: "auth_cipher", as: String.self))
                #expect(!cipher.contains(city.secret) && !cipher.contains(city.key))
                #expect(try app.services.vault.open(cipher) == city.credentials)
                let everything = try await app.sql.raw("SELECT * FROM lrs_forward_targets").all()
                for row in everything {
                    for column in row.allColumns {
                        if let text = try? row.decode(column: column, as: String.self) { #expect(!text.contains(city.secret), "\(column)") }
                    }
                }

                let schoolA = try await client(app, scope: .write, institution: fixture.schoolA)
                let schoolB = try await client(app, scope: .write, institution: fixture.schoolB)
                let a = [UUID(), UUID(), UUID()]
                try await post(app, schoolA, [statement(id: a[0]), statement(id: a[1])])
                try await post(app, schoolB, [statement(), statement()])
                try await post(app, schoolA, statement(id: a[2]))
                // The outbox holds school A's three, queued with the statements.
                #expect(try await queue(app, target: target.id).count == 3)

                let report = try await worker(app).runOnce()
                #expect(report == ForwardingWorker.PassReport(sent: 3, retrying: 0, dead: 0))
                #expect(try await remoteIDs(remote) == Set(a))
                #expect(try await queue(app, target: target.id).allSatisfy { $0.state == "sent" })
                // Nothing is due any more; a re-sent statement would be a no-op on the remote anyway.
                #expect(try await worker(app).runOnce() == ForwardingWorker.PassReport())

                let status = try #require(try await service.targets().first)
                #expect(status.sent == 3 && status.pending == 0 && status.dead == 0)
                #expect(status.oldestPendingStored == nil && status.lastError == nil && status.lastSentAt != nil)
            }
        }
    }

    @Test func platformEventsAreForwardedInTheBackgroundWhichStopsOnShutdown() async throws {
        try await withFixture { app, fixture in
            try await withRemote { remote, port in
                let city = try await client(remote, scope: .all)
                let target = try await LearningRecordForwarding(app).addTarget(.init(name: "A 校转发", endpoint: "http://127.0.0.1:\(port)/xapi", credentials: city.credentials,
                                                                                    institutionID: fixture.schoolA), by: .cli)
                let lifecycle = ForwardingLifecycle(interval: .milliseconds(100))
                try await lifecycle.didBootAsync(app)
                // A passed assessment of a school-A learner and one of a school-B learner, written
                // as the platform writes them: inside the change's own transaction.
                let events = [fixture.studentsA[0], fixture.studentsB[0]].map {
                    PlatformEvent(kind: .assessmentPassed(sessionID: UUID(), title: "数控车工（中级）", theory: 82, practical: 90), learner: $0.uuidString.lowercased(), at: Date())
                }
                try await WriteGate.shared.transaction(on: app.db, postgresLock: LearningRecordService.advisoryKey) { sql in
                    try await PlatformRecords.record(events, on: sql)
                }
                #expect(try await queue(app, target: target.id).count == 1)
                var waited = 0
                // Sent once the worker has recorded the remote's answer.
                while try await queue(app, target: target.id).map(\.state) != ["sent"], waited < 100 {
                    try await Task.sleep(for: .milliseconds(100))
                    waited += 1
                }
                #expect(try await remote.count("lrs_statements") == 1)
                #expect(try await queue(app, target: target.id).map(\.state) == ["sent"])

                // Shutdown ends the loop at once; nothing is sent afterwards.
                let clock = ContinuousClock()
                let stopped = await clock.measure { await lifecycle.shutdownAsync(app) }
                #expect(stopped < .seconds(5))
                let writer = try await client(app, scope: .write, institution: fixture.schoolA)
                try await post(app, writer, statement())
                try await Task.sleep(for: .milliseconds(400))
                #expect(try await queue(app, target: target.id).map(\.state) == ["sent", "pending"])
            }
        }
    }

    @Test func attachmentsTravelWithTheirStatements() async throws {
        try await withFixture { app, fixture in
            try await withRemote { remote, port in
                let city = try await client(remote, scope: .all)
                let target = try await LearningRecordForwarding(app).addTarget(.init(name: "附件", endpoint: "http://127.0.0.1:\(port)/xapi", credentials: city.credentials,
                                                                                    institutionID: nil), by: .cli)
                let writer = try await client(app, scope: .write, institution: fixture.schoolA)
                let content = Data("实训报告：数控车床操作".utf8)
                let sha2 = SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
                let id = UUID()
                guard case .object(var o) = statement(id: id) else { return }
                o["attachments"] = [["usageType": "http://example.cn/usage/report", "display": ["zh-CN": "实训报告"], "contentType": "text/plain",
                                     "length": .int(content.count), "sha2": .string(sha2)]]
                let boundary = "b-\(UUID().uuidString)"
                let body = MultipartMixed.build([
                    .init(headers: ["Content-Type": "application/json"], body: JSONValue.object(o).serialized()),
                    .init(headers: ["Content-Type": "text/plain", "Content-Transfer-Encoding": "binary", "X-Experience-API-Hash": sha2], body: content),
                ], boundary: boundary)
                var headers = HTTPHeaders()
                headers.basicAuthorization = BasicAuthorization(username: writer.key, password: writer.secret)
                headers.replaceOrAdd(name: "X-Experience-API-Version", value: "2.0.0")
                headers.replaceOrAdd(name: .contentType, value: "multipart/mixed; boundary=\(boundary)")
                try await app.testing().test(.POST, "xapi/statements", headers: headers, body: ByteBuffer(data: body)) { response in
                    #expect(response.status == .ok, "\(String(buffer: response.body))")
                }

                #expect(try await worker(app).runOnce().sent == 1)
                #expect(try await queue(app, target: target.id).map(\.state) == ["sent"])
                #expect(try await remoteIDs(remote) == [id])
                let stored = try await remote.sql.raw("SELECT content FROM lrs_attachments WHERE sha2 = \(bind: sha2)").first()?.decode(column: "content", as: Data.self)
                #expect(stored == content)
            }
        }
    }

    @Test func aBatchTheRemoteRefusesIsSentOneByOne() async throws {
        try await withFixture { app, fixture in
            try await withRemote { remote, port in
                let city = try await client(remote, scope: .all)
                // A 1.0.3 remote: a statement with 2.0 context agents is refused, the rest pass.
                let service = LearningRecordForwarding(app)
                let target = try await service.addTarget(.init(name: "1.0.3 LRS", endpoint: "http://127.0.0.1:\(port)/xapi", credentials: city.credentials,
                                                               institutionID: nil, xapiVersion: "1.0.3"), by: .cli)
                let writer = try await client(app, scope: .write, institution: fixture.schoolA)
                let ids = [UUID(), UUID(), UUID()]
                try await post(app, writer, [statement(id: ids[0]), statement(id: ids[1], contextAgents: true), statement(id: ids[2])])

                let report = try await worker(app).runOnce()
                #expect(report == ForwardingWorker.PassReport(sent: 2, retrying: 0, dead: 1))
                #expect(try await remoteIDs(remote) == [ids[0], ids[2]])
                let page = try await service.deadLetters(target: target.id)
                #expect(page.letters.map(\.statementID) == [ids[1]])
                #expect(page.letters.first?.lastError?.hasPrefix("HTTP 400") == true)
                #expect(page.next == nil)
            }
        }
    }

    @Test func anUnreachableTargetBacksOffThenDeadLettersThenRetries() async throws {
        try await withFixture { app, fixture in
            let service = LearningRecordForwarding(app)
            // Nothing listens on port 1.
            let target = try await service.addTarget(.init(name: "关闭的端口", endpoint: "http://127.0.0.1:1/xapi", credentials: "k:s", institutionID: nil), by: .cli)
            let writer = try await client(app, scope: .write, institution: fixture.schoolB)
            let ids = [UUID(), UUID()]
            try await post(app, writer, [statement(id: ids[0]), statement(id: ids[1])])
            var worker = worker(app)
            // A refused connection is retried by the HTTP client until the request's deadline.
            worker.requestTimeout = .milliseconds(500)

            var now = Date()
            #expect(try await worker.runOnce(now: now) == ForwardingWorker.PassReport(sent: 0, retrying: 2, dead: 0))
            var rows = try await queue(app, target: target.id)
            #expect(rows.allSatisfy { $0.state == "pending" && $0.attempts == 1 && $0.error?.hasPrefix("no answer") == true })
            // First retry after 10 s · (½ + ½·jitter) = 7.5 s; not before.
            #expect(rows.allSatisfy { abs($0.next.timeIntervalSince(now) - 7.5) < 0.01 })
            #expect(try await worker.runOnce(now: now.addingTimeInterval(7)) == ForwardingWorker.PassReport())
            #expect(try await queue(app, target: target.id).allSatisfy { $0.attempts == 1 })

            var waits: [TimeInterval] = []
            for attempt in 2...8 {
                now = now.addingTimeInterval(3_601)
                let report = try await worker.runOnce(now: now)
                rows = try await queue(app, target: target.id)
                #expect(rows.allSatisfy { $0.attempts == attempt })
                if attempt < 8 {
                    #expect(report.retrying == 2)
                    waits.append(rows[0].next.timeIntervalSince(now))
                } else {
                    #expect(report.dead == 2)
                }
            }
            // The waits double: 15, 30, 60, … seconds (jitter ½).
            #expect(zip(waits, waits.dropFirst()).allSatisfy { abs($1 - 2 * $0) < 0.01 })
            #expect(rows.allSatisfy { $0.state == "dead" && ($0.error?.count ?? 0) <= 500 })
            #expect(try await worker.runOnce(now: now.addingTimeInterval(86_400)) == ForwardingWorker.PassReport())

            let status = try #require(try await service.targets().first)
            #expect(status.dead == 2 && status.pending == 0 && status.lastError?.hasPrefix("no answer") == true)
            let first = try await service.deadLetters(target: target.id, limit: 1)
            #expect(first.letters.map(\.statementID) == [ids[0]])
            let second = try await service.deadLetters(target: target.id, after: first.next, limit: 1)
            #expect(second.letters.map(\.statementID) == [ids[1]] && second.next == nil)

            // Retry one, then the rest: pending again, due at once, attempts from zero.
            #expect(try await service.retryDeadLetters(target: target.id, statementID: ids[1], by: .cli) == 1)
            rows = try await queue(app, target: target.id)
            #expect(rows.map(\.state) == ["dead", "pending"] && rows[1].attempts == 0 && rows[1].error == nil)
            #expect(try await service.retryDeadLetters(target: target.id, by: .cli) == 1)
            #expect(try await queue(app, target: target.id).allSatisfy { $0.state == "pending" && $0.attempts == 0 })
            #expect(try await audited(app, "retry_lrs_forward_dead_letters") == 2)
            #expect(try await worker.runOnce(now: Date().addingTimeInterval(1)).retrying == 2)

            // Deactivated: later statements are not queued, queued ones are not sent.
            #expect(try await service.deactivate(target.id, by: .cli))
            #expect(try await service.deactivate(target.id, by: .cli) == false)
            #expect(try await audited(app, "deactivate_lrs_forward_target") == 1)
            try await post(app, writer, statement())
            #expect(try await queue(app, target: target.id).count == 2)
            #expect(try await worker.runOnce(now: Date().addingTimeInterval(86_400)) == ForwardingWorker.PassReport())
        }
    }

    @Test func badTargetsAreRefusedNamingTheField() async throws {
        try await withZhijiaoApp { app in
            let service = LearningRecordForwarding(app)
            for (new, field) in [
                (LearningRecordForwarding.NewTarget(name: "x", endpoint: "ftp://lrs.example.cn/xapi", credentials: "k:s"), "endpoint"),
                (LearningRecordForwarding.NewTarget(name: "x", endpoint: "https://lrs.example.cn/xapi", credentials: "nocolon"), "credentials"),
                (LearningRecordForwarding.NewTarget(name: " ", endpoint: "https://lrs.example.cn/xapi", credentials: "k:s"), "name"),
                (LearningRecordForwarding.NewTarget(name: "x", endpoint: "https://lrs.example.cn/xapi", credentials: "k:s", xapiVersion: "1.0.2"), "xapiVersion"),
            ] {
                do {
                    _ = try await service.addTarget(new, by: .cli)
                    Issue.record("accepted a bad \(field)")
                } catch AppError.validation(let errors) {
                    #expect(errors.map(\.field) == [field])
                }
            }
            #expect(try await app.count("lrs_forward_targets") == 0)
            await #expect(throws: AppError.self) { try await service.retryDeadLetters(target: UUID(), by: .cli) }
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CommandLineTests.executable.path), "build the zhijiao product first (swift build)"))
    func theCommandLineAddsListsRetriesAndRunsAPass() throws {
        let cli = CommandLineTests()
        let dir = try cli.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["ZHIJIAO_SQLITE_PATH": dir.appendingPathComponent("cli.sqlite").path, "ZHIJIAO_DEMO": "0"]

        let missing = try cli.run(["lrs", "forward", "add", "--name", "n", "--endpoint", "https://lrs.example.cn/xapi"], in: dir, environment: env)
        #expect(missing.status == 2 && missing.err.contains("--auth"))
        let bad = try cli.run(["lrs", "forward", "add", "--name", "n", "--endpoint", "lrs.example.cn", "--auth", "k:s"], in: dir, environment: env)
        #expect(bad.status == 2 && bad.err.split(separator: "\n").count == 1 && bad.err.contains("--endpoint"))
        let school = try cli.run(["lrs", "forward", "add", "--name", "n", "--endpoint", "https://lrs.example.cn/xapi", "--auth", "k:s", "--institution", "0000000000"],
                                 in: dir, environment: env)
        #expect(school.status == 2 && school.err.contains("no institution"))

        let added = try cli.run(["lrs", "forward", "add", "--name", "国家 LRS", "--endpoint", "http://127.0.0.1:1/xapi", "--auth", "key:sekret"], in: dir, environment: env)
        #expect(added.status == 0, "\(added.err)")
        let id = added.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(UUID(uuidString: id) != nil)
        let list = try cli.run(["lrs", "forward", "list"], in: dir, environment: env)
        #expect(list.status == 0 && list.out.contains(id) && list.out.contains("pending=0") && !list.out.contains("sekret"))
        let pass = try cli.run(["lrs", "forward", "run-once"], in: dir, environment: env)
        #expect(pass.status == 0 && pass.out.contains("sent 0, retrying 0, dead 0"))
        let retried = try cli.run(["lrs", "forward", "retry", "--target", id], in: dir, environment: env)
        #expect(retried.status == 0 && retried.out.contains("0 queued again"))
        let unknown = try cli.run(["lrs", "forward", "retry", "--target", UUID().uuidString], in: dir, environment: env)
        #expect(unknown.status == 2 && unknown.err.contains("no such forwarding target"))
        let malformed = try cli.run(["lrs", "forward", "retry", "--target", id, "--statement", "nope"], in: dir, environment: env)
        #expect(malformed.status == 2)
        for run in [missing, bad, school, added, list, pass, retried, unknown, malformed] { cli.noTrap(run) }
    }
}
