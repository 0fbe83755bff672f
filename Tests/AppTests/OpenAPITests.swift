@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test func theCommittedDocumentIsTheGeneratedOne() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/App/Resources/openapi.json")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed.trimmingCharacters(in: .whitespacesAndNewlines) == (try OpenAPIDocument.json()), "run `swift run zhijiao openapi > Sources/App/Resources/openapi.json`")
    }

    @Test func everyAPIRouteIsDocumented() async throws {
        try await withZhijiaoApp { app in
            let document = OpenAPIDocument.document()
            let paths = try #require(document["paths"] as? [String: Any])
            for route in app.routes.all where route.path.first?.description == "api" {
                let path = "/" + route.path.dropFirst(2).map { c -> String in
                    let d = c.description
                    return d.hasPrefix(":") ? "{\(d.dropFirst())}" : d
                }.joined(separator: "/")
                guard path != "/openapi.json" else { continue }
                let item = paths[path] as? [String: Any]
                #expect(item?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(path) is not in the OpenAPI document")
            }
        }
    }

    @Test func theServedDocumentIsPublic() async throws {
        try await withZhijiaoApp { app in
            try await app.testing().test(.GET, "api/v1/openapi.json") { res in
                #expect(res.status == .ok)
                #expect(bodyString(res).contains("\"openapi\" : \"3.0.3\""))
            }
        }
    }
}
