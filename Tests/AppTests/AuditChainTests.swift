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
            // 50 appends racing each other, and 20 audited API writes racing them.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<50 {
                    group.addTask {
                        try await app.services.audit.append(AuditLog.Entry(actor: "test", action: "probe", entity: "test", detail: "writer \(i)"), on: app.db)
                    }
                }
                for i in 0..<20 {
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
            #expect(try await app.count("audit_events") == before + 70)
            let created = try await AuditEvent.query(on: app.db).filter(\.$action == "create").filter(\.$entity == "program-clusters").count()
            #expect(created == 20)
            let result = try await AuditLog.verify(on: app.db)
            #expect(result.firstBroken == nil)
            #expect(result.checked == before + 70)
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
            let fields = [newest.prevHash, String(newest.seq), String(newest.atMilliseconds), newest.actorUserId?.uuidString ?? "", newest.actor,
                          newest.action, newest.entity, newest.recordId ?? "", newest.detail, newest.outcome, newest.clientIp ?? ""]
            #expect(Hex.encode(SHA256.hash(data: Data(fields.joined(separator: "\u{1F}").utf8))) == newest.hash)
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
