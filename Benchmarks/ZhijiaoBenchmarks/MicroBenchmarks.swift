import App
import Crypto
import Foundation
import Registry

/// Per-operation costs behind the import figure, to see where a row's time goes.
enum MicroBenchmarks {
    static func run() async throws {
        let vault = PersonalDataVault(masterKey: SymmetricKey(data: Data(repeating: 7, count: 32)))
        let n = 200_000
        let clock = ContinuousClock()
        guard case .success(let document) = IdentityDocument.validate(kind: .residentID, number: "11010519491231002X", field: "idNumber") else { return }
        func report(_ name: String, _ d: Duration) {
            print(String(format: "  %-28@ %8.0f ns/op", name as NSString, milliseconds(d) * 1e6 / Double(n)))
        }
        report("seal (AES-GCM)", try clock.measure { for _ in 0..<n { _ = try vault.seal(document.number) } })
        report("blind index (HMAC)", clock.measure { for _ in 0..<n { _ = vault.blindIndex(document.canonical) } })
        report("sealIdentity", try clock.measure { for _ in 0..<n { _ = try vault.sealIdentity(document) } })
        report("ResidentIDNumber", clock.measure { for _ in 0..<n { _ = try? ResidentIDNumber("11010519491231002X", on: CivilDate(year: 2026, month: 1, day: 1)!) } })
        report("UUID()", clock.measure { for _ in 0..<n { _ = UUID() } })
        let items = Array(repeating: document, count: n)
        let start = clock.now
        _ = try await ParallelMap.map(items) { _, d in try vault.sealIdentity(d) }
        report("sealIdentity, ParallelMap", clock.now - start)
    }
}
