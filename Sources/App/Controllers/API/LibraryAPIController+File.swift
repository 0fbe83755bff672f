import Foundation
import NIOCore
import Vapor

/// A resource's file, streamed from disk (资源文件): its sniffed type, its SHA-256 as a strong
/// ETag, and single byte ranges — 206 with `Content-Range`, 416 when none of it can be served —
/// so a video seeks without downloading the whole file.
enum LibraryFileResponse {
    static let chunkSize = 256 * 1024

    @Sendable static func serve(req: Request) async throws -> Response {
        let store = try LibraryAPIController.store(req)
        let id = try LibraryAPIController.id(req)
        let number = req.query[Int.self, at: "version"]
        guard let version = try await store.version(id, number: number), let path = store.files.path(of: version.sha256) else { throw AppError.notFound }
        return try await response(req, path: path, version: version)
    }

    static func response(_ req: Request, path: String, version: LibraryVersion) async throws -> Response {
        let size = version.size
        var headers = HTTPHeaders()
        let etag = "\"\(version.sha256)\""
        headers.replaceOrAdd(name: .eTag, value: etag)
        headers.replaceOrAdd(name: .acceptRanges, value: "bytes")
        headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=3600")
        headers.replaceOrAdd(name: .contentType, value: version.contentType)
        let ascii = version.fileName.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\"" && $0.value >= 0x20 } ? version.fileName : "resource"
        let encoded = version.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "resource"
        let disposition = req.query[String.self, at: "download"] == "1" ? "attachment" : "inline"
        headers.replaceOrAdd(name: .contentDisposition, value: "\(disposition); filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        if let match = req.headers.first(name: .ifNoneMatch), match == etag || match == "*" {
            return Response(status: .notModified, headers: headers)
        }
        // If-Range with another validator: the client's copy is stale, send it all.
        let rangeHeader = req.headers.first(name: .ifRange).map { $0 == etag } == false ? nil : req.headers.first(name: .range)
        let offset: Int64, count: Int64, status: HTTPResponseStatus
        switch LibraryByteRange.read(rangeHeader, size: size) {
        case .whole:
            (offset, count, status) = (0, size, .ok)
        case .part(let start, let length):
            (offset, count, status) = (start, length, .partialContent)
            headers.replaceOrAdd(name: .contentRange, value: "bytes \(start)-\(start + length - 1)/\(size)")
        case .unsatisfiable:
            headers.remove(name: .contentType)
            headers.replaceOrAdd(name: .contentRange, value: "bytes */\(size)")
            return Response(status: .rangeNotSatisfiable, headers: headers)
        }
        let response = Response(status: status, headers: headers)
        let fileio = req.fileio
        response.body = .init(asyncStream: { stream in
            do {
                let chunks = try await fileio.readFile(at: path, chunkSize: chunkSize, offset: offset, byteCount: Int(count))
                do {
                    for try await chunk in chunks { try await stream.writeBuffer(chunk) }
                    try? await chunks.closeHandle()
                } catch {
                    try? await chunks.closeHandle()
                    throw error
                }
                try await stream.write(.end)
            } catch {
                try? await stream.write(.error(error))
            }
        }, count: Int(count), byteBufferAllocator: req.byteBufferAllocator)
        return response
    }
}
