@testable import App
import FluentPostgresDriver
import Foundation
import Logging
import NIOPosix

/// A fresh, empty database for one test: a new SQLite file, or — when `DATABASE_URL` is set —
/// a new PostgreSQL database created on that server and dropped afterwards. The same App tests
/// run against both (`.ci/run` runs them twice).
struct TestDatabase {
    let storage: StorageConfiguration
    private let cleanup: @Sendable () async throws -> Void

    static var usesPostgres: Bool { (ProcessInfo.processInfo.environment["DATABASE_URL"] ?? "").isEmpty == false }

    static func make() async throws -> TestDatabase {
        let name = "zt_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sqlite").path
            return TestDatabase(storage: .sqlite(path: path)) {
                for suffix in ["", "-wal", "-shm", ".key"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        }
        await PostgresTestSlots.shared.acquire()
        do {
            try await admin(url: url, "CREATE DATABASE \(name)")
            guard var components = URLComponents(string: url) else { throw TestSetupError.badURL }
            components.path = "/\(name)"
            guard let testURL = components.string else { throw TestSetupError.badURL }
            return TestDatabase(storage: .postgres(url: testURL)) {
                defer { Task { await PostgresTestSlots.shared.release() } }
                try await admin(url: url, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            }
        } catch {
            await PostgresTestSlots.shared.release()
            throw error
        }
    }

    func drop() async { try? await cleanup() }

    /// Runs one statement on the server's maintenance database.
    static func admin(url: String, _ statement: String) async throws {
        let config = try SQLPostgresConfiguration(url: url)
        var core = config.coreConfiguration
        core.tls = .disable
        let connection = try await PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(), configuration: core, id: 1, logger: Logger(label: "test-db"))
        defer { Task { try? await connection.close() } }
        _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Logger(label: "test-db"))
    }

    enum TestSetupError: Error { case badURL }
}

/// How many PostgreSQL test databases (each with an app whose pool holds up to 8 connections)
/// exist at once. Swift Testing starts every test together; with ~40 apps at a time the CI
/// server's 300 connections ran out ("sorry, too many clients already") and unrelated tests
/// failed. Tests beyond the limit wait for a slot.
actor PostgresTestSlots {
    static let shared = PostgresTestSlots(limit: 20)
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { free = limit }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
