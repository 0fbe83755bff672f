import Registry
import Spreadsheet
import Vapor

/// What a route that takes a file declares before a byte of its body is read: who may send
/// it and how large it may be. The API and page guards check it first — role and scope,
/// then the declared `Content-Length` — and collect a form body (for its CSRF token) only up
/// to this route's own limit, so a file is never buffered, let alone parsed, for a caller who
/// may not import it, nor beyond what the route accepts.
struct UploadGate: Sendable {
    let maxBytes: Int
    let admits: @Sendable (CallerScope) -> Bool

    /// Refuses the request up front — 403 for a role that may not send this, 413 for a body
    /// that says it is larger than the route takes — and audits the refusal.
    func check(_ request: Request, caller: Caller) async throws {
        let refusal: (AppError, String)?
        if !admits(caller.scope) {
            refusal = (.forbidden, "role may not upload here")
        } else if let declared = request.headers.first(name: .contentLength).flatMap(Int.init), declared > maxBytes {
            refusal = (.tooLarge(maxBytes: maxBytes), "\(declared) bytes over the \(maxBytes)-byte limit")
        } else {
            refusal = nil
        }
        guard let (error, why) = refusal else { return }
        let route = request.routePattern
        try await request.audit(request.auditEntry(action: "upload", entity: route, detail: why, outcome: "denied"))
        request.application.platformMetrics?.importAttempt(kind: route, outcome: "refused", rows: 0)
        throw error
    }
}

extension Route {
    var uploadGate: UploadGate? { userInfo["zhijiao.uploadGate"] as? UploadGate }
}

extension RoutesBuilder {
    /// A POST route taking a file of at most `maxBytes`, for callers `admits` lets through.
    @discardableResult
    func upload<Response: AsyncResponseEncodable>(
        _ path: PathComponent..., maxBytes: Int, admits: @escaping @Sendable (CallerScope) -> Bool,
        use closure: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        let route = on(.POST, path, body: .collect(maxSize: ByteCount(value: maxBytes)), use: closure)
        route.userInfo["zhijiao.uploadGate"] = UploadGate(maxBytes: maxBytes, admits: admits)
        return route
    }
}

/// Upload limits, in one place.
enum UploadLimits {
    /// A registry import: 500,000 student rows are about 42 MiB of CSV.
    static let registryImport = 64 * 1024 * 1024
    /// A credit-bank outcome import (≤ 10,000 rows).
    static let outcomeImport = 20 * 1024 * 1024
    /// What an uploaded workbook may unpack to: enough for the largest upload a route takes
    /// (a 64 MiB workbook of half a million rows), far below what would strain the server.
    static let spreadsheet = SpreadsheetLimits(
        maxFileBytes: registryImport, maxCells: 10_000_000, maxPartBytes: 192 << 20, maxInflatedBytes: 256 << 20
    )
}
