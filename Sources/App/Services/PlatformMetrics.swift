import Foundation
import Prometheus

/// The platform's own Prometheus registry (one per application, so tests and several apps in
/// one process never share counters): requests and latency by route, imports by kind and
/// outcome, rows imported, sign-in refusals, and gauges set at each scrape.
final class PlatformMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    static let latencyBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    // Computed: the descriptor type is not Sendable, so it cannot be a stored static.
    static var requests: MetricNameDescriptor { MetricNameDescriptor(namespace: "zhijiao", metricName: "http_requests", unitName: "total", helpText: "HTTP requests by method, route pattern and status") }
    static var latency: MetricNameDescriptor { MetricNameDescriptor(namespace: "zhijiao", metricName: "http_request_duration", unitName: "seconds", helpText: "Time from request head to response, by method and route pattern") }
    static var imports: MetricNameDescriptor { MetricNameDescriptor(namespace: "zhijiao", metricName: "imports", unitName: "total", helpText: "File imports by kind and outcome (imported, rejected, refused)") }
    static var importRows: MetricNameDescriptor { MetricNameDescriptor(namespace: "zhijiao", metricName: "import_rows", unitName: "total", helpText: "Rows written by imports, by kind") }
    static var signInRefusals: MetricNameDescriptor { MetricNameDescriptor(namespace: "zhijiao", metricName: "sign_in_refusals", unitName: "total", helpText: "Sign-ins refused, by reason (bad_credentials, throttled)") }

    func request(method: String, route: String, status: UInt, duration: Duration) {
        registry.makeCounter(descriptor: Self.requests, labels: [("method", method), ("route", route), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: Self.latency, labels: [("method", method), ("route", route)], buckets: Self.latencyBuckets).record(duration)
    }

    /// An import attempt: `outcome` is `imported`, `rejected` (bad rows) or `refused` (role, size, unreadable file).
    func importAttempt(kind: String, outcome: String, rows: Int) {
        registry.makeCounter(descriptor: Self.imports, labels: [("kind", kind), ("outcome", outcome)]).increment()
        if rows > 0 { registry.makeCounter(descriptor: Self.importRows, labels: [("kind", kind)]).increment(by: Int64(rows)) }
    }

    func signInRefused(reason: String) {
        registry.makeCounter(descriptor: Self.signInRefusals, labels: [("reason", reason)]).increment()
    }

    /// Gauges describing the process and its database pool, set just before each scrape.
    func setGauge(_ name: String, help: String, _ value: Double, labels: [(String, String)] = []) {
        let descriptor = MetricNameDescriptor(namespace: "zhijiao", metricName: name, unitName: "", helpText: help)
        registry.makeGauge(descriptor: descriptor, labels: labels).set(value)
    }

    func text() -> String { registry.emitToString() }
}
