import Crypto
import Foundation
import Vapor

/// `GET /metrics`: Prometheus text exposition, only when `ZHIJIAO_METRICS` turns it on —
/// to loopback callers, or to a scraper sending the configured bearer token. Anyone else gets
/// the same 404 as for a route that does not exist.
enum MetricsController {
    @Sendable static func scrape(req: Request) async throws -> Response {
        guard allowed(req), let metrics = req.application.platformMetrics else { throw AppError.notFound }
        metrics.setGauge("process_resident_memory_bytes", help: "Resident set size of the server process", Double(ProcessMemory.residentBytes() ?? 0))
        metrics.setGauge("process_open_fds", help: "Open file descriptors of the server process", Double(ProcessMemory.openDescriptors() ?? 0))
        let pool = req.application.databasePool
        metrics.setGauge("db_pool_connections_max", help: "Database connections the pool may open (per event loop × event loops)", Double(pool.maximumConnections), labels: [("database", pool.database)])
        let gate = await WriteGate.shared.scrape()
        metrics.setGauge("db_write_gate_entries", help: "Write transactions that passed the process's write gate since start", Double(gate.entries))
        metrics.setGauge("db_write_gate_queued", help: "Write transactions waiting at the write gate now", Double(gate.queued))
        metrics.setGauge("db_write_gate_wait_seconds", help: "Seconds write transactions have waited at the write gate since start", gate.waitedSeconds)
        metrics.setGauge("db_write_gate_longest_wait_seconds", help: "The longest wait at the write gate since the previous scrape", gate.longestWaitSeconds)
        let response = Response(status: .ok, body: .init(string: metrics.text()))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return response
    }

    static func allowed(_ req: Request) -> Bool {
        switch req.application.deployment.metrics {
        case .off: return false
        case .loopbackOnly:
            // The socket peer, not X-Forwarded-For: a proxied request is never "loopback".
            guard let peer = req.remoteAddress?.ipAddress else { return false }
            return peer == "127.0.0.1" || peer == "::1" || peer == "::ffff:127.0.0.1"
        case .bearer(let token):
            guard let sent = req.headers.bearerAuthorization?.token else { return false }
            return SHA256.hash(data: Data(sent.utf8)) == SHA256.hash(data: Data(token.utf8))
        }
    }
}

/// Reads the process's own figures from /proc (Linux); nil elsewhere.
enum ProcessMemory {
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    static func openDescriptors() -> Int? {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")).map(\.count)
    }
}

extension Application {
    private struct MetricsKey: StorageKey { typealias Value = PlatformMetrics }

    /// Present when metrics are on.
    var platformMetrics: PlatformMetrics? {
        get { storage[MetricsKey.self] }
        set { storage[MetricsKey.self] = newValue }
    }
}
