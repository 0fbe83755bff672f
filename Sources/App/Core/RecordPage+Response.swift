import Credentials
import Vapor

extension RecordPage {
    /// The page as JSON written by `JSONText` (compact, keys sorted) instead of Foundation's
    /// JSONEncoder through `[String: JSONValue]`'s Codable conformance, which was a fifth of a
    /// 50-row list request's CPU under load (perf, release build, city scale).
    func encodeResponse(for request: Request) async throws -> Response {
        var out: [UInt8] = []
        out.reserveCapacity(64 + items.count * 768)
        JSONText.serialize(.object([
            "items": .array(items.map { .object($0.fields) }), "page": .int(page), "per": .int(per), "total": .int(total),
        ]), into: &out)
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(buffer: ByteBuffer(bytes: out)))
    }
}
