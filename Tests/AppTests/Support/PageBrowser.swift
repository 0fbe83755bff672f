import Foundation
import Vapor
import VaporTesting

/// A signed-in browser: its session cookie and the CSRF token its forms carry.
struct PageBrowser {
    let app: Application
    let cookie: String
    var csrf = ""

    static func signIn(_ app: Application, _ username: String) async throws -> PageBrowser {
        var cookie = ""
        try await app.testing().test(.POST, "sign-in", beforeRequest: { req in
            try req.content.encode(["username": username, "password": Fixture.password], as: .urlEncodedForm)
        }, afterResponse: { res in cookie = res.headers.setCookie?["__Host-zhijiao"]?.string ?? "" })
        return PageBrowser(app: app, cookie: cookie)
    }

    mutating func get(_ path: String) async throws -> (HTTPStatus, String) {
        var result: (HTTPStatus, String) = (.internalServerError, "")
        try await app.testing().test(.GET, path, beforeRequest: { req in
            req.headers.add(name: .cookie, value: "__Host-zhijiao=\(cookie)")
        }, afterResponse: { res in result = (res.status, bodyString(res)) })
        if let range = result.1.range(of: #"name="csrf" value="([^"]+)""#, options: .regularExpression) {
            csrf = String(result.1[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
        }
        return result
    }

    func post(_ path: String, _ form: [String: String]) async throws -> (HTTPStatus, String, String?) {
        var result: (HTTPStatus, String, String?) = (.internalServerError, "", nil)
        var fields = form
        fields["csrf"] = csrf
        try await app.testing().test(.POST, path, beforeRequest: { req in
            req.headers.add(name: .cookie, value: "__Host-zhijiao=\(cookie)")
            try req.content.encode(fields, as: .urlEncodedForm)
        }, afterResponse: { res in result = (res.status, bodyString(res), res.headers.first(name: .location)) })
        return result
    }

    /// Posts a form with one file, as a multipart body the way a browser sends an upload.
    func upload(_ path: String, field: String = "file", fileName: String, data: Data, _ form: [String: String] = [:]) async throws -> (HTTPStatus, String) {
        let boundary = "zx-page-browser-boundary"
        var body = Data()
        var fields = form
        fields["csrf"] = csrf
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += data
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        var result: (HTTPStatus, String) = (.internalServerError, "")
        try await app.testing().test(.POST, path, beforeRequest: { req in
            req.headers.add(name: .cookie, value: "__Host-zhijiao=\(cookie)")
            req.headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
            req.body = ByteBuffer(data: body)
        }, afterResponse: { res in result = (res.status, bodyString(res)) })
        return result
    }
}
