import Vapor

enum OpenAPIController {
    @Sendable static func document(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: try OpenAPIDocument.json()))
        response.headers.contentType = .json
        return response
    }
}
