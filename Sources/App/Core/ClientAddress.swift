import Vapor

extension Request {
    /// The client's address: the socket peer, or — when the peer is a configured trusted proxy
    /// (`ZHIJIAO_TRUSTED_PROXIES`) — the nearest `X-Forwarded-For` entry that is not itself a
    /// trusted proxy. From anyone else the header is ignored, so a client cannot choose the
    /// address the sign-in throttle and the audit log see.
    var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "unknown"
        let trusted = application.deployment.trustedProxies
        guard trusted.contains(peer) else { return peer }
        let hops = headers[.xForwardedFor].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return hops.reversed().first { !trusted.contains($0) } ?? peer
    }

    /// The matched route's pattern (`/api/v1/students/:id`), never the path itself: bounded
    /// label values for metrics, and no identifiers in logs or audit rows.
    var routePattern: String {
        route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
    }
}
