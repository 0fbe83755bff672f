@testable import App
import Fluent
import Foundation
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite("Personal data: encryption, masking, audited reveal, audit chain")
struct PersonalDataTests {
    @Test func idNumbersAreEncryptedAtRestAndIndexedWithAKey() async throws {
        try await withFixture { app, f in
            let rows = try await app.sql.select().column("*").from("students").where("institution_code", .equal, "TEST-A").orderBy("student_no").all()
            for (row, id) in zip(rows, f.studentIDNumbersA) {
                let cipher = try row.decode(column: "id_cipher", as: String.self)
                let index = try row.decode(column: "id_index", as: String.self)
                #expect(cipher.hasPrefix("k1:"))
                #expect(!cipher.contains(id))
                #expect(index.count == 64)
                #expect(index != SHA256Hex.of("resident_id:" + id)) // keyed, not a plain hash
                #expect(try app.services.vault.open(cipher) == id)
                #expect(try row.decode(column: "id_masked", as: String.self) == IDMask.mask(id))
            }
        }
    }

    @Test func noResponseCarriesAFullIDNumber() async throws {
        try await withFixture { app, f in
            for role in Role.allCases {
                for path in ["students", "teachers", "students/\(f.studentsA[0])"] {
                    try await app.testing().test(.GET, "api/v1/\(path)", headers: .bearer(f.token(role))) { res in
                        let body = bodyString(res)
                        for id in f.studentIDNumbersA { #expect(!body.contains(id), "\(role) \(path)") }
                        #expect(body.range(of: #"\d{17}[\dX]"#, options: .regularExpression) == nil)
                    }
                }
            }
        }
    }

    @Test func revealNeedsARoleAPurposeAndIsAudited() async throws {
        try await withFixture { app, f in
            let path = "api/v1/students/\(f.studentsA[0])/identity"
            try await app.testing().test(.GET, path, headers: .bearer(f.token(.schoolAdmin))) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await app.testing().test(.GET, path + "?purpose=%E5%AD%A6%E7%B1%8D%E6%A0%B8%E5%AF%B9", headers: .bearer(f.token(.teacher))) { res in
                #expect(res.status == .forbidden)
            }
            try await app.testing().test(.GET, path + "?purpose=%E5%AD%A6%E7%B1%8D%E6%A0%B8%E5%AF%B9", headers: .bearer(f.token(.schoolAdmin))) { res in
                #expect(res.status == .ok)
                let revealed = try json(res)["idNumber"]
                #expect(revealed == .string(f.studentIDNumbersA[0]))
            }
            // A purpose outside the list is refused, naming the list.
            try await app.testing().test(.GET, path + "?purpose=xx", headers: .bearer(f.token(.schoolAdmin))) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(bodyString(res).contains("enrolment_check"))
            }
            let reveals = try await AuditEvent.query(on: app.db).filter(\.$action == "reveal_identity").sort(\.$seq).all()
            #expect(reveals.map(\.outcome) == ["denied", "success"])
            #expect(reveals.last?.detail == "enrolment_check 学籍核对")
            #expect(reveals.last?.recordID == f.studentsA[0].uuidString)
        }
    }

    @Test func revealsAreLimitedPerCallerAndEachIsAudited() async throws {
        try await withFixture { app, f in
            let path = "api/v1/students/\(f.studentsA[0])/identity?purpose=financial_aid&note=2026%E5%B9%B4%E5%8A%A9%E5%AD%A6%E9%87%91"
            var statuses: [HTTPStatus] = []
            for _ in 0..<32 {
                try await app.testing().test(.GET, path, headers: .bearer(f.token(.schoolAdmin))) { statuses.append($0.status) }
            }
            #expect(statuses.prefix(30).allSatisfy { $0 == .ok })
            #expect(statuses.suffix(2).allSatisfy { $0 == .tooManyRequests })
            let audited = try await AuditEvent.query(on: app.db).filter(\.$action == "reveal_identity").all()
            #expect(audited.filter { $0.outcome == "success" }.count == 30)
            #expect(audited.filter { $0.outcome == "denied" }.count == 2)
            #expect(audited.first?.detail == "financial_aid 资助发放: 2026年助学金")
            // Another caller has their own allowance.
            try await app.testing().test(.GET, path, headers: .bearer(f.token(.cityAdmin))) { #expect($0.status == .ok) }
        }
    }

    @Test func theAuditLogIsAHashChainThatShowsTampering() async throws {
        try await withFixture { app, f in
            try await app.testing().test(.DELETE, "api/v1/enterprises/\(f.enterpriseB)", headers: .bearer(f.token(.cityAdmin))) { res in
                #expect(res.status == .noContent)
            }
            #expect(try await AuditLog.firstBrokenLink(on: app.db) == nil)
            let victim = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == "delete").first())
            try await app.sql.update("audit_events").set("detail", to: "nothing happened").where("seq", .equal, victim.seq).run()
            #expect(try await AuditLog.firstBrokenLink(on: app.db) == victim.seq)
        }
    }

    @Test func auditLogIsForCityAdminsOnly() async throws {
        try await withFixture { app, f in
            try await app.testing().test(.GET, "api/v1/audit-events", headers: .bearer(f.token(.schoolAdmin))) { res in
                #expect(res.status == .forbidden)
            }
            try await app.testing().test(.GET, "api/v1/audit-events?per=5", headers: .bearer(f.token(.cityAdmin))) { res in
                #expect(res.status == .ok)
                let page = try res.content.decode(AuditAPIController.Page.self)
                #expect(page.items.count == 5)
            }
        }
    }
}

import Crypto

enum SHA256Hex {
    static func of(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
