import Courses
import Foundation
import Spreadsheet
import Vapor

/// The cmi5 endpoints an AU talks to outside the LRS: the fetch URL (`POST /cmi5/fetch/{token}`,
/// §8.2) and the package's own files (`GET /cmi5/content/{version}/…`), served to a signed-in
/// caller who may see the course.
enum CMI5Controller {
    static func register(_ app: Application, pages: any RoutesBuilder) {
        app.post("cmi5", "fetch", ":token", use: fetch)
        pages.get("cmi5", "content", ":version", "**", use: content)
    }

    /// `{"auth-token": …}` the first time; then `{"error-code": "1", …}` (already used), and
    /// `"2"` for a token that is unknown, expired or of an abandoned session (§8.2.3).
    @Sendable static func fetch(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let body: [String: String]
        let status: HTTPResponseStatus
        do {
            body = ["auth-token": try await CMI5Fetch.redeem(token, req: req)]
            status = .ok
        } catch CMI5Fetch.Refusal.alreadyUsed {
            body = ["error-code": "1", "error-text": "the fetch URL has been used already / 该获取地址已使用过"]
            status = .badRequest
        } catch CMI5Fetch.Refusal.invalid {
            body = ["error-code": "2", "error-text": "unknown or expired fetch URL / 获取地址无效或已过期"]
            status = .badRequest
        }
        let response = Response(status: status)
        try response.content.encode(body, as: .json)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// A file of a course version's package.
    @Sendable static func content(req: Request) async throws -> Response {
        let caller = try req.requireCaller()
        guard let version = req.parameters.get("version").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        let path = req.parameters.getCatchall().joined(separator: "/")
        guard !path.isEmpty, !path.split(separator: "/").contains("..") else { throw AppError.notFound }
        guard let row = try await req.sql.select().column("course_id").from("course_versions").where("id", .equal, version).first() else { throw AppError.notFound }
        _ = try await CourseStore(req, caller: caller).visible(try row.decode(column: "course_id", as: UUID.self))
        let (_, data) = try await CourseStore.package(version, sql: try req.sql)
        guard data.starts(with: [0x50, 0x4B]) else { throw AppError.notFound }
        var archive = try ZipPackageReader(data, limits: CoursePackage.limits)
        guard let file = try archive.extract(path) else { throw AppError.notFound }
        let response = Response(status: .ok, body: .init(data: file))
        let ext = path.split(separator: ".").last.map { String($0).lowercased() } ?? ""
        response.headers.contentType = HTTPMediaType.fileExtension(ext) ?? .binary
        return response
    }
}
