@testable import App
import Fluent
import Foundation
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Uploads that are refused before they are read, bounded error lists, audited failures, the
/// data key check, production settings, backups and metrics (issue 13).
@Suite("Safe operation")
struct SafeOperationTests {
    func post(_ app: Application, _ path: String, _ token: String, _ data: Data, headers extra: [(String, String)] = []) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        var headers = HTTPHeaders.bearer(token)
        for (name, value) in extra { headers.replaceOrAdd(name: name, value: value) }
        try await app.testing().test(.POST, path, headers: headers, beforeRequest: { req in
            req.headers.contentType = .init(type: "text", subType: "csv")
            req.body = ByteBuffer(data: data)
        }, afterResponse: { result = $0 })
        return try #require(result)
    }

    /// A worksheet whose one cell reference would overflow a column index: were it parsed,
    /// the old reader trapped. Refused by role before a byte is read.
    static let hostileBytes = Data("PK\u{03}\u{04}not really a zip, and never opened".utf8)

    @Test func aRoleThatMayNotImportIsRefusedBeforeTheFileIsReadAndTheRefusalIsAudited() async throws {
        try await withFixture { app, f in
            for role in [Role.learner, .teacher, .creditReviewer] {
                let res = try await post(app, "api/v1/students/import", f.token(role), Self.hostileBytes)
                #expect(res.status == .forbidden, "\(role)")
            }
            // An enterprise may import its own training bases, never students.
            #expect(try await post(app, "api/v1/students/import", f.token(.enterprise), Self.hostileBytes).status == .forbidden)
            #expect(try await post(app, "api/v1/credit-bank/outcomes/import", f.token(.learner), Self.hostileBytes).status == .forbidden)
            let denied = try await AuditEvent.query(on: app.db).filter(\.$action == "upload").filter(\.$outcome == "denied").count()
            #expect(denied == 5)
        }
    }

    @Test func aBodyLargerThanTheRouteTakesIsRefusedWith413() async throws {
        try await withFixture { app, f in
            let res = try await post(app, "api/v1/credit-bank/outcomes/import", f.token(.cityAdmin), Data(count: UploadLimits.outcomeImport + 1))
            #expect(res.status == .payloadTooLarge)
            #expect(bodyString(res).contains("20 MiB"))
            let denied = try await AuditEvent.query(on: app.db).filter(\.$action == "upload").filter(\.$outcome == "denied").count()
            #expect(denied == 1)
        }
    }

    @Test func aRejectedImportIsAuditedAndItsErrorListIsBounded() async throws {
        try await withFixture { app, f in
            let header = "机构代码,学号,姓名,证件号码,性别,专业代码,层次,入学年份,生源"
            let rows = (1...1_500).map { "TEST-A,B\($0),张伟,not-an-id,男,\(f.programA),高职专科,2025,内地" }
            let res = try await post(app, "api/v1/students/import", f.token(.cityAdmin), Data(([header] + rows).joined(separator: "\n").utf8))
            #expect(res.status == .unprocessableEntity)
            let problem = try res.content.decode(Problem.self)
            #expect(problem.errors?.count == AppError.reportedRowErrors)
            #expect(problem.detail?.contains("1500") == true)
            let rejected = try await AuditEvent.query(on: app.db).filter(\.$action == "import").filter(\.$outcome == "rejected").all()
            #expect(rejected.count == 1)
            #expect(rejected.first?.detail.contains("1500 errors") == true)
        }
    }

    @Test func anUnreadableFileIsAnErrorNamingTheFileNotACrash() async throws {
        try await withFixture { app, f in
            let res = try await post(app, "api/v1/students/import", f.token(.cityAdmin), Self.hostileBytes)
            #expect(res.status == .unprocessableEntity)
            let problem = try res.content.decode(Problem.self)
            #expect(problem.errors?.first?.field == "file")
            #expect(problem.errors?.first?.reasonEn.contains("XLSX") == true)
        }
    }

    @Test func aNumberRegisteredAtAnotherSchoolIsNotConfirmedToASchool() async throws {
        try await withFixture { app, f in
            // The city knows student A1's number; school B's administrator must not learn that.
            let header = "机构代码,学号,姓名,证件号码,性别,专业代码,层次,入学年份,生源"
            let row = "TEST-A,Z9,王芳,\(f.studentIDNumbersA[0]),女,\(f.programA),高职专科,2025,内地"
            let own = try await post(app, "api/v1/students/import", f.token(.schoolAdmin), Data([header, row].joined(separator: "\n").utf8))
            #expect(own.status == .unprocessableEntity)
            #expect(bodyString(own).contains("already registered"))
            try await app.sql.update("users").set("institution_id", to: f.schoolB).where("username", .equal, "test-school_admin").run()
            let rowB = "TEST-B,Z9,王芳,\(f.studentIDNumbersA[0]),女,\(f.programB),secondary,2025,内地"
            let foreign = try await post(app, "api/v1/students/import", f.token(.schoolAdmin), Data([header, rowB].joined(separator: "\n").utf8))
            #expect(foreign.status == .unprocessableEntity)
            let text = bodyString(foreign)
            #expect(!text.contains("already registered"))
            #expect(text.contains("city education bureau"))
            #expect(!text.contains("TEST-A") && !text.contains("南山测试职业技术学院"))
        }
    }

    // MARK: - Data key

    @Test func aDatabaseRefusesToStartWithAnotherDataKey() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zt_key_\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm", ".key"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let first = try await Application.make(.testing)
        try await configure(first, storage: .sqlite(path: path), dataKey: testDataKey)
        try await first.asyncShutdown()

        let other = Data(repeating: 9, count: 32).base64EncodedString()
        let second = try await Application.make(.testing)
        await #expect(throws: DataKeyCheck.Mismatch.self) {
            try await configure(second, storage: .sqlite(path: path), dataKey: other)
        }
        try await second.asyncShutdown()

        // No key at all: development would generate one — and must take it back again.
        let third = try await Application.make(.testing)
        await #expect(throws: DataKeyCheck.Mismatch.self) {
            try await configure(third, storage: .sqlite(path: path), dataKey: nil)
        }
        try await third.asyncShutdown()
        #expect(!FileManager.default.fileExists(atPath: path + ".key"))

        // The right key still opens it.
        let fourth = try await Application.make(.testing)
        try await configure(fourth, storage: .sqlite(path: path), dataKey: testDataKey)
        try await fourth.asyncShutdown()
    }

    // MARK: - Production settings

    @Test func productionNeedsAPublicAddressAndNeverGeneratesAKey() throws {
        #expect(throws: Deployment.Refusal.self) { try Deployment.from(.production, variables: [:]) }
        let production = try Deployment.from(.production, variables: ["ZHIJIAO_PUBLIC_URL": "https://zhijiao.example.cn"])
        #expect(production.isProduction)
        #expect(production.publicURL == "https://zhijiao.example.cn")
        #expect(production.metrics == .off)
        let development = try Deployment.from(.development, variables: [:])
        #expect(!development.isProduction)
        #expect(development.publicURL == "http://localhost:8080")
        #expect(throws: Deployment.Refusal.self) { try Deployment.from(.development, variables: ["ZHIJIAO_METRICS": "short"]) }
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("zt_nokey_\(UUID().uuidString)").path
        #expect(throws: PersonalDataVault.VaultError.self) {
            _ = try PersonalDataVault.load(environmentValue: nil, keyPath: missing, mayGenerate: false)
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func theEnvironmentComesFromTheFlagThenZhijiaoEnv() throws {
        #expect(try Deployment.environment(arguments: ["zhijiao", "serve"], variables: ["ZHIJIAO_ENV": "production"]) == .production)
        #expect(try Deployment.environment(arguments: ["zhijiao", "serve", "--env", "development"], variables: ["ZHIJIAO_ENV": "production"]) == .development)
        #expect(try Deployment.environment(arguments: ["zhijiao", "serve"], variables: [:]) == .development)
        let match = try Deployment.environment(arguments: ["zhijiao", "match", "internships", "--name", "x"], variables: [:])
        #expect(match.arguments.dropFirst().first == "match-internships")
    }

    @Test func postgresURLsWithoutATLSModeAreSeen() {
        #expect(!PostgresURL.namesTLSMode("postgres://u:p@db.internal:5432/zhijiao"))
        #expect(PostgresURL.namesTLSMode("postgres://u:p@db.internal:5432/zhijiao?sslmode=disable"))
        #expect(PostgresURL.namesTLSMode("postgres://u:p@db.internal/zhijiao?tlsmode=require"))
    }

    // MARK: - Backup

    @Test(.enabled(if: !TestDatabase.usesPostgres, "SQLite's online copy; PostgreSQL uses pg_dump"))
    func anOnlineBackupRestoresToTheSameAnswers() async throws {
        try await withFixture { app, f in
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("zt_backup_\(UUID().uuidString).sqlite").path
            defer { for suffix in ["", "-wal", "-shm", ".key"] { try? FileManager.default.removeItem(atPath: copy + suffix) } }
            try await SQLiteBackup.copy(app.sql, to: copy)
            func answers(_ sql: any SQLDatabase) async throws -> [String] {
                var out: [String] = []
                for table in ["institutions", "students", "teachers", "enterprises", "users", "audit_events", "platform_settings"] {
                    let n = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()?.decode(column: "n", as: Int.self) ?? -1
                    out.append("\(table)=\(n)")
                }
                out += try await sql.select().columns("student_no", "name", "id_masked").from("students").orderBy("student_no").orderBy("institution_code").all()
                    .map { "\(try $0.decode(column: "student_no", as: String.self))|\(try $0.decode(column: "name", as: String.self))|\(try $0.decode(column: "id_masked", as: String.self))" }
                return out
            }
            let original = try await answers(app.sql)
            let restored = try await Application.make(.testing)
            do {
                try await configure(restored, storage: .sqlite(path: copy), dataKey: testDataKey)
                let sql = try #require(restored.db as? any SQLDatabase)
                #expect(try await answers(sql) == original)
                #expect(original.contains("students=4"))
                // Personal data still opens with the key: the copy is whole.
                var result: String?
                let admin = try await User.query(on: restored.db).filter(\.$username == "test-city_admin").first()
                #expect(admin != nil)
                let cipher = try await sql.select().column("id_cipher").from("students").where("id", .equal, f.studentsA[0]).first()?.decode(column: "id_cipher", as: String.self)
                result = try cipher.map { try restored.services.vault.open($0) }
                #expect(result == f.studentIDNumbersA[0])
            } catch {
                try? await restored.asyncShutdown()
                throw error
            }
            try await restored.asyncShutdown()
        }
    }

    // MARK: - Metrics

    @Test func metricsAreServedOnlyToTheConfiguredScraper() async throws {
        let token = "scrape-token-0123456789"
        let deployment = Deployment(isProduction: false, publicURL: "http://localhost:8080", metrics: .bearer(token), trustedProxies: [], requestLog: false)
        try await withZhijiaoApp(deployment: deployment) { app in
            try await app.testing().test(.GET, "healthz") { #expect($0.status == .ok) }
            try await app.testing().test(.GET, "metrics") { #expect($0.status == .notFound) }
            try await app.testing().test(.GET, "metrics", headers: .bearer("wrong-token-0123456789")) { #expect($0.status == .notFound) }
            try await app.testing().test(.GET, "metrics", headers: .bearer(token)) { res in
                #expect(res.status == .ok)
                let text = bodyString(res)
                #expect(text.contains(#"zhijiao_http_requests_total{method="GET",route="/healthz",status="200"} 1"#))
                #expect(text.contains("zhijiao_http_request_duration_seconds_bucket"))
                #expect(text.contains("zhijiao_process_resident_memory_bytes"))
                // The pool as configured (never 0 once configured) and the write gate's queue.
                let database = app.sql.dialect.name == "sqlite" ? "sqlite" : "postgresql"
                let pool = text.split(separator: "\n").first { $0.hasPrefix(#"zhijiao_db_pool_connections_max{database="\#(database)"}"#) }
                #expect((pool?.split(separator: " ").last.flatMap { Double($0) } ?? 0) > 0)
                #expect(text.contains("zhijiao_db_write_gate_entries "))
                #expect(text.contains("zhijiao_db_write_gate_longest_wait_seconds "))
            }
        }
    }
}
