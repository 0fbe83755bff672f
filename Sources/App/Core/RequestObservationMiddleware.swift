import Logging
import Vapor

/// Times every request and records it: one structured log line (method, route pattern,
/// status, milliseconds — no query string, body or user name, so no personal data) and the
/// Prometheus request counters. First in the chain, so it sees errors as their final status.
struct RequestObservationMiddleware: AsyncMiddleware {
    let metrics: PlatformMetrics?
    let log: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let response = try await next.respond(to: request)
            record(request, status: response.status.code, duration: started.duration(to: clock.now))
            if response.status == .forbidden { await auditDenial(request) }
            return response
        } catch {
            let status = (error as? any AbortError)?.status.code ?? (error as? AppError)?.status.code ?? 500
            record(request, status: status, duration: started.duration(to: clock.now))
            throw error
        }
    }

    /// Every refusal of a signed-in caller is audited: handlers that refuse with their own
    /// reason write it themselves; any other 403 gets a row here naming the route.
    private func auditDenial(_ request: Request) async {
        guard request.auth.has(Caller.self), !request.denialAudited else { return }
        do {
            try await request.audit(request.auditEntry(action: "access", entity: request.routePattern, detail: request.method.rawValue, outcome: "denied"))
        } catch {
            request.logger.error("the audit row for a refusal could not be written: \(String(describing: error))")
        }
    }

    private func record(_ request: Request, status: UInt, duration: Duration) {
        let route = request.routePattern
        metrics?.request(method: request.method.rawValue, route: route, status: status, duration: duration)
        guard log else { return }
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        // Notice, not info: a production server logs at notice and above by default.
        request.logger.notice("request", metadata: [
            "method": .string(request.method.rawValue), "route": .string(route), "status": .stringConvertible(status),
            "ms": .string(String(format: "%.1f", ms)),
        ])
    }
}
