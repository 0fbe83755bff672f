import Vapor

extension Response {
    /// An HTML page.
    static func html(_ body: String, status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: body))
        response.headers.contentType = .html
        return response
    }
}
