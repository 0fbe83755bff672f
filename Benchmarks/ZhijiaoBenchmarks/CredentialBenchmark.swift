import App
import Credentials
import Dispatch
import Foundation
import SQLKit

/// Issue 5's benchmark: sign and verify 100,000 Open Badges credentials (EdDSA VC-JWT), on one
/// core and on every core. Signing builds each credential's JSON and serialises it with the
/// platform's key from the database; verifying is `CredentialService.verify`, what
/// `POST /api/v1/credentials/verify` calls: the issuer's public keys and the revoked and
/// suspended status indexes read from SQLite, then the JWT parsed, the key found by `kid`, the
/// signature, the claims, the window and the status bits checked. One credential is revoked.
enum CredentialBenchmark {
    static func run(count: Int = 100_000, runs: Int = 3) async throws {
        let db = try await BenchmarkDatabase.make("credentials")
        let app = db.app
        let issuer = app.services.issuer
        let keys = IssuerKeyStore(sql: try db.sql, vault: app.services.vault, issuer: issuer)
        _ = try await keys.rotate(in: app.db)
        let key = try await keys.activeKey()
        let service = CredentialService(sql: try db.sql, vault: app.services.vault, issuer: issuer)
        let achievement = AchievementClaim(id: issuer.baseURL + "/credit-bank/achievements/skill_level_certificate/1X-WEB-M", achievementType: "Certificate",
                                           nameZh: "Web前端开发职业技能等级证书（中级）", nameEn: "Web front-end development, intermediate (1+X)",
                                           descriptionZh: "职业技能等级证书，经深圳市职业教育学分银行认定", descriptionEn: "Vocational skill-level certificate recognised by the credit bank",
                                           criteriaZh: "学分银行认定：按规则 R-1X-WEB 认定", creditsAvailable: 6, fieldOfStudy: "51", humanCode: "1X-WEB-M")
        let ids = (0..<count).map { _ in UUID() }
        let learners = (0..<count).map { _ in "urn:uuid:" + UUID().uuidString.lowercased() }
        let now = Date()
        let statusBase = issuer.baseURL + "/credentials/status"

        @Sendable func sign(_ i: Int) throws -> String {
            let doc = CredentialDocument.openBadge(id: ids[i], issuer: issuer, subjectID: learners[i], achievement: achievement, validFrom: now,
                                                   validUntil: now.addingTimeInterval(3 * 365 * 86_400),
                                                   status: CredentialStatusEntry(listBaseURL: statusBase, index: i % StatusBitstring.minimumLength), creditsEarned: 6)
            return try CompactJWS.sign(payload: CredentialDocument.jwtPayload(doc), with: key)
        }

        var tokens = [String](repeating: "", count: count)
        var signSerial: [Double] = [], signParallel: [Double] = [], verifySerial: [Double] = [], verifyParallel: [Double] = []
        // Credential 7 is revoked in the store, as `zhijiao credentials revoke` leaves it.
        try await db.sql.insert(into: "issued_credentials")
            .columns("id", "learner_id", "kind", "subject_ref", "title_zh", "title_en", "status_index", "kid", "jwt", "issued_at", "valid_until", "status", "issued_by")
            .values(SQLBind(ids[7]), SQLBind(UUID()), SQLBind("outcome"), SQLBind("bench"), SQLBind("基准"), SQLBind("benchmark"), SQLBind(7 % StatusBitstring.minimumLength),
                    SQLBind(key.publicKey.kid), SQLBind(""), SQLBind(now), SQLBind(Optional<Date>.none), SQLBind("revoked"), SQLBind("benchmark"))
            .run()
        let verifyAt = now.addingTimeInterval(60)
        let chunks = ProcessInfo.processInfo.activeProcessorCount * 8

        for run in 1...runs {
            var start = Date()
            for i in 0..<count { tokens[i] = try sign(i) }
            signSerial.append(Date().timeIntervalSince(start))

            start = Date()
            let signed = Chunked(count: count)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in signed.range(c, of: chunks) { signed.set(i, (try? sign(i)) ?? "") }
            }
            signParallel.append(Date().timeIntervalSince(start))

            start = Date()
            var valid = 0
            for token in tokens {
                if try await service.verify(token, now: verifyAt).verified { valid += 1 }
            }
            verifySerial.append(Date().timeIntervalSince(start))
            guard valid == count - 1 else { throw BenchmarkError("expected \(count - 1) valid credentials (one revoked), got \(valid)") }

            start = Date()
            let all = tokens
            let parallelValid = try await withThrowingTaskGroup(of: Int.self) { group in
                for c in 0..<chunks {
                    let size = (count + chunks - 1) / chunks
                    let range = min(c * size, count)..<min((c + 1) * size, count)
                    group.addTask {
                        var n = 0
                        for i in range {
                            if try await service.verify(all[i], now: verifyAt).verified { n += 1 }
                        }
                        return n
                    }
                }
                return try await group.reduce(0, +)
            }
            verifyParallel.append(Date().timeIntervalSince(start))
            guard parallelValid == count - 1, signed.values.allSatisfy({ !$0.isEmpty }) else {
                throw BenchmarkError("the parallel runs disagree with the serial ones")
            }
            print(String(format: "run %d: sign %.2f s (1 core) / %.2f s (all cores); verify %.2f s / %.2f s", run,
                         signSerial.last ?? 0, signParallel.last ?? 0, verifySerial.last ?? 0, verifyParallel.last ?? 0))
        }
        let bytes = tokens.reduce(0) { $0 + $1.utf8.count } / count
        print("credentials: \(count) OpenBadgeCredential VC-JWTs (EdDSA), \(bytes) bytes each, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print(String(format: "sign:   %.0f credentials/s on one core, %.0f credentials/s on all cores (median of %d)",
                     Double(count) / median(signSerial), Double(count) / median(signParallel), runs))
        print(String(format: "verify: %.0f credentials/s one at a time, %.0f credentials/s %d at a time (median of %d; CredentialService.verify, status and keys from SQLite)",
                     Double(count) / median(verifySerial), Double(count) / median(verifyParallel), chunks, runs))
        try await db.shutdown()
    }

    struct BenchmarkError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    /// Results written by index from concurrent chunks; each index is written once.
    final class Chunked: @unchecked Sendable {
        var values: [String]
        init(count: Int) { values = [String](repeating: "", count: count) }
        func range(_ chunk: Int, of chunks: Int) -> Range<Int> {
            let size = (values.count + chunks - 1) / chunks
            return min(chunk * size, values.count)..<min((chunk + 1) * size, values.count)
        }
        func set(_ i: Int, _ value: String) { values.withUnsafeMutableBufferPointer { $0[i] = value } }
    }
}
