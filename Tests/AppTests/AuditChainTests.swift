@testable import App
import Crypto
import Fluent
import Foundation
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The audit chain holds under concurrent writers and can be checked from outside (issue 14).
@Suite("Audit chain")
struct AuditChainTests {
    @Test func fiftyConcurrentWritersLoseNoRowAndForkNothing() async throws {
        try await withFixture { app, f in
            let before = try await app.count("audit_events")
            // 50 appends racing each other, and 50 audited API writes racing them.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<50 {
                    group.addTask {
                        try await app.services.audit.append(AuditLog.Entry(actor: "test", action: "probe", entity: "test", detail: "writer \(i)"), on: app.db)
                    }
                }
                for i in 0..<50 {
                    group.addTask {
                        try await app.testing().test(.POST, "api/v1/program-clusters", headers: .bearer(f.token(.cityAdmin)), beforeRequest: { req in
                            try req.content.encode(["institutionCode": "TEST-A", "name": "并发专业群\(i)", "industryCluster": "next_gen_ict"])
                        }, afterResponse: { res in
                            #expect(res.status == .created)
                        })
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await app.count("audit_events") == before + 100)
            // Every committed change has its own row (by record id), and no row names a change
            // that is not there.
            let audited = Set(try await AuditEvent.query(on: app.db).filter(\.$action == "create").filter(\.$entity == "program-clusters").all().compactMap(\.recordID))
            let stored = Set(try await app.sql.select().column("id").from("program_clusters").where("name", .like, "并发专业群%").all()
                .map { try $0.decode(column: "id", as: UUID.self).uuidString })
            #expect(stored.count == 50)
            #expect(audited == stored)
            let result = try await AuditLog.verify(on: app.db)
            #expect(result.firstBroken == nil)
            #expect(result.checked == before + 100)
        }
    }

    /// A change and its audit row commit together: a change whose row cannot be written is not
    /// kept, and a row appended in a transaction that rolls back is gone with it.
    @Test func aChangeAndItsRowCommitTogetherOrNotAtAll() async throws {
        try await withFixture { app, f in
            let clusters = try await app.count("program_clusters")
            let rows = try await app.count("audit_events")
            // The database refuses this one kind of audit row, as a full disk or a lost
            // connection would at the worst moment.
            if app.sql.dialect.name == "postgresql" {
                try await app.sql.raw("""
                    CREATE FUNCTION refuse_cluster_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END; $$ LANGUAGE plpgsql
                    """).run()
                try await app.sql.raw("""
                    CREATE TRIGGER refuse_cluster_audit BEFORE INSERT ON audit_events FOR EACH ROW \
                    WHEN (NEW.entity = 'program-clusters') EXECUTE FUNCTION refuse_cluster_audit()
                    """).run()
            } else {
                try await app.sql.raw("""
                    CREATE TRIGGER refuse_cluster_audit BEFORE INSERT ON audit_events WHEN NEW.entity = 'program-clusters' \
                    BEGIN SELECT RAISE(ABORT, 'refused'); END
                    """).run()
            }
            try await app.testing().test(.POST, "api/v1/program-clusters", headers: .bearer(f.token(.cityAdmin)), beforeRequest: { req in
                try req.content.encode(["institutionCode": "TEST-A", "name": "无审计不保存", "industryCluster": "next_gen_ict"])
            }, afterResponse: { res in
                #expect(res.status == .internalServerError)
            })
            #expect(try await app.count("program_clusters") == clusters)
            try await app.sql.raw("DROP TRIGGER refuse_cluster_audit\(unsafeRaw: app.sql.dialect.name == "postgresql" ? " ON audit_events" : "")").run()

            // A row appended inside a transaction that then fails is rolled back with it.
            struct Abandoned: Error {}
            await #expect(throws: Abandoned.self) {
                try await app.db.transaction { tx in
                    try await app.services.audit.append(AuditLog.Entry(actor: "test", action: "probe", entity: "test", detail: "rolled back"), on: tx)
                    throw Abandoned()
                }
            }
            #expect(try await app.count("audit_events") == rows)
            try await app.services.audit.append(AuditLog.Entry(actor: "test", action: "probe", entity: "test", detail: "after"), on: app.db)
            #expect(try await app.count("audit_events") == rows + 1)
            #expect(try await AuditLog.verify(on: app.db).firstBroken == nil)
        }
    }

    /// Rows written before the upgrade keep verifying under hash version 1; new rows use
    /// length-prefixed fields, where a character moved across a field boundary changes the hash;
    /// a row set back to version 1 is named.
    @Test func lengthPrefixedHashesAndOlderRowsStillVerify() async throws {
        try await withFixture { app, f in
            try await app.services.audit.append(AuditLog.Entry(actor: "test", action: "probe", entity: "test", detail: "a"), on: app.db)
            // The chain so far as version 1 wrote it, before the upgrade.
            var previous = AuditLog.genesisHash
            for row in try await AuditEvent.query(on: app.db).sort(\.$seq, .ascending).all() {
                row.hashVersion = 1
                row.prevHash = previous
                row.hash = AuditLog.hash(of: row)
                try await row.save(on: app.db)
                previous = row.hash
            }
            try await app.services.audit.append(AuditLog.Entry(actor: "test", action: "probe", entity: "test", detail: "b"), on: app.db)
            let upgraded = try await AuditLog.verify(on: app.db)
            #expect(upgraded.firstBroken == nil)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$hashVersion == 1).count() == upgraded.checked - 1)

            // Moving a separator between two fields: same version-1 text, different version-2 hash.
            let left = try #require(try await AuditEvent.query(on: app.db).sort(\.$seq, .descending).first())
            let right = AuditEvent()
            for (to, from) in [(right, left)] {
                to.seq = from.seq; to.atMilliseconds = from.atMilliseconds; to.actorUserID = from.actorUserID; to.prevHash = from.prevHash
                to.actor = from.actor; to.outcome = from.outcome; to.clientIP = from.clientIP; to.recordID = from.recordID
            }
            left.action = "a\u{1F}b"; left.entity = "c"; left.detail = ""
            right.action = "a"; right.entity = "b\u{1F}c"; right.detail = ""
            left.hashVersion = 1; right.hashVersion = 1
            #expect(AuditLog.hash(of: left) == AuditLog.hash(of: right))
            left.hashVersion = 2; right.hashVersion = 2
            #expect(AuditLog.hash(of: left) != AuditLog.hash(of: right))

            // A version-2 row rewritten as version 1 (its hash recomputed) is still named.
            try await app.services.audit.append(AuditLog.Entry(actor: "test", action: "probe", entity: "test", detail: "c"), on: app.db)
            let last = try #require(try await AuditEvent.query(on: app.db).sort(\.$seq, .descending).first())
            #expect(last.hashVersion == AuditLog.currentHashVersion)
            last.hashVersion = 1
            last.hash = AuditLog.hash(of: last)
            try await last.save(on: app.db)
            let result = try await AuditLog.verify(on: app.db)
            #expect(result.firstBroken == last.seq)
            #expect(result.reason?.contains("version") == true)
        }
    }

    @Test func verificationNamesTheFirstChangedRowAndTheAPIGivesWhatIsNeededToCheckIt() async throws {
        try await withFixture { app, f in
            for i in 0..<5 {
                try await app.services.audit.append(AuditLog.Entry(actor: "test", action: "probe", entity: "test", detail: "row \(i)"), on: app.db)
            }
            // Recompute the newest row's hash from what the API returns.
            var page: AuditAPIController.Page?
            try await app.testing().test(.GET, "api/v1/audit-events?per=2", headers: .bearer(f.token(.cityAdmin))) { res in
                #expect(res.status == .ok)
                page = try res.content.decode(AuditAPIController.Page.self)
            }
            let newest = try #require(page?.items.first)
            let older = try #require(page?.items.dropFirst().first)
            let fields = [String(newest.hashVersion), newest.prevHash, String(newest.seq), String(newest.atMilliseconds), newest.actorUserId?.uuidString ?? "",
                          newest.actor, newest.action, newest.entity, newest.recordId ?? "", newest.detail, newest.outcome, newest.clientIp ?? ""]
            #expect(newest.hashVersion == 2)
            #expect(Hex.encode(SHA256.hash(data: Data(fields.map { "\($0.utf8.count):\($0)" }.joined().utf8))) == newest.hash)
            #expect(newest.prevHash == older.hash)

            try await app.testing().test(.GET, "api/v1/audit-events/verify", headers: .bearer(f.token(.cityAdmin))) { res in
                #expect(res.status == .ok)
                let result = try res.content.decode(AuditLog.Verification.self)
                #expect(result.firstBroken == nil)
                #expect(result.lastHash == newest.hash)
            }
            try await app.testing().test(.GET, "api/v1/audit-events/verify", headers: .bearer(f.token(.schoolAdmin))) { res in
                #expect(res.status == .forbidden)
            }

            // Someone edits a row behind the platform's back.
            let target = newest.seq - 2
            try await app.sql.update("audit_events").set("detail", to: "nothing to see").where("seq", .equal, target).run()
            let result = try await AuditLog.verify(on: app.db)
            #expect(result.firstBroken == target)
            #expect(result.reason?.contains("changed") == true)
        }
    }

    @Test func everyRefusalOfASignedInCallerIsAuditedOnce() async throws {
        try await withFixture { app, f in
            try await app.testing().test(.GET, "api/v1/audit-events", headers: .bearer(f.token(.teacher))) { #expect($0.status == .forbidden) }
            let access = try await AuditEvent.query(on: app.db).filter(\.$action == "access").all()
            #expect(access.count == 1)
            #expect(access.first?.entity == "/api/v1/audit-events")
            #expect(access.first?.outcome == "denied")
            #expect(access.first?.actor.contains("test-teacher") == true)
            // A refusal its handler audits itself is not written twice.
            try await app.testing().test(.POST, "api/v1/students/import", headers: .bearer(f.token(.learner)), beforeRequest: { req in
                req.body = ByteBuffer(string: "x")
            }, afterResponse: { #expect($0.status == .forbidden) })
            #expect(try await AuditEvent.query(on: app.db).filter(\.$outcome == "denied").count() == 2)
            #expect(try await AuditLog.verify(on: app.db).firstBroken == nil)
        }
    }
}
