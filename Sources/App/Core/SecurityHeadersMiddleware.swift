import Vapor

/// Headers every response carries (ASVS 5.0 3.4.x, 14.3.2): HSTS, no sniffing, a CSP with
/// frame-ancestors, no referrer leaks, and no caching of anything that may hold personal data.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let h = response.headers
        var headers = h
        headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        if !request.url.path.hasPrefix("/static/") {
            headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        response.headers = headers
        return response
    }
}
