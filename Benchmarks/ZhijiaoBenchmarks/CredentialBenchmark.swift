import Credentials
import Dispatch
import Foundation

/// Issue 5's benchmark: sign and verify 100,000 Open Badges credentials (EdDSA VC-JWT), on one
/// core and on every core. Signing builds each credential's JSON and serialises it; verifying
/// parses the JWT, finds the key, checks the signature, the claims, the window and the status.
enum CredentialBenchmark {
    static func run(count: Int = 100_000, runs: Int = 3) throws {
        let issuer = IssuerIdentity(baseURL: "https://zhijiao.example.cn")
        let key = IssuerSigningKey.generate(did: issuer.did, now: Date(timeIntervalSince1970: 1_700_000_000))
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
        let verifier = CredentialVerifier(issuers: [issuer.did: [key.publicKey]], now: now.addingTimeInterval(60))
        var revoked = StatusBitstring()
        revoked[7] = true
        let bits = revoked
        let lookup: CredentialVerifier.StatusLookup = { url, index in url.hasSuffix("/revocation") && bits[index] }
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
            for token in tokens where verifier.verify(token, status: lookup).verified { valid += 1 }
            verifySerial.append(Date().timeIntervalSince(start))
            guard valid == count - 1 else { throw BenchmarkError("expected \(count - 1) valid credentials (one revoked), got \(valid)") }

            start = Date()
            let results = Chunked(count: count)
            let all = tokens
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in results.range(c, of: chunks) { results.set(i, verifier.verify(all[i], status: lookup).verified ? "1" : "") }
            }
            verifyParallel.append(Date().timeIntervalSince(start))
            guard results.values.filter({ !$0.isEmpty }).count == count - 1, signed.values.allSatisfy({ !$0.isEmpty }) else {
                throw BenchmarkError("the parallel runs disagree with the serial ones")
            }
            print(String(format: "run %d: sign %.2f s (1 core) / %.2f s (all cores); verify %.2f s / %.2f s", run,
                         signSerial.last ?? 0, signParallel.last ?? 0, verifySerial.last ?? 0, verifyParallel.last ?? 0))
        }
        func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
        let bytes = tokens.reduce(0) { $0 + $1.utf8.count } / count
        print("credentials: \(count) OpenBadgeCredential VC-JWTs (EdDSA), \(bytes) bytes each, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print(String(format: "sign:   %.0f credentials/s on one core, %.0f credentials/s on all cores (median of %d)",
                     Double(count) / median(signSerial), Double(count) / median(signParallel), runs))
        print(String(format: "verify: %.0f credentials/s on one core, %.0f credentials/s on all cores (median of %d)",
                     Double(count) / median(verifySerial), Double(count) / median(verifyParallel), runs))
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
