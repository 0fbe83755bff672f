@testable import App
import Foundation
import Registry
import Testing
import Vapor
import VaporTesting

/// What the OpenAPI document forbids is refused with 422 naming the field (schemathesis'
/// negative_data_rejection found these accepted with 200).
@Suite("OpenAPI request check")
struct OpenAPIRequestCheckTests {
    func expectRefused(_ res: TestingHTTPResponse, field: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(res.status == .unprocessableEntity, sourceLocation: sourceLocation)
        #expect(bodyString(res).contains("\"field\":\"\(field)\""), "\(bodyString(res))", sourceLocation: sourceLocation)
    }

    @Test func queryParametersOutsideTheDocumentAreRefused() async throws {
        try await withFixture { app, f in
            let admin = HTTPHeaders.bearer(f.token(.cityAdmin))
            let long = String(repeating: "0", count: 101)
            try await app.testing().test(.GET, "api/v1/students?studentNo=\(long)", headers: admin) { expectRefused($0, field: "studentNo") }
            try await app.testing().test(.GET, "api/v1/enterprises/export?q=\(long)", headers: admin) { expectRefused($0, field: "q") }
            try await app.testing().test(.GET, "api/v1/students?sex=unknown", headers: admin) { expectRefused($0, field: "sex") }
            try await app.testing().test(.GET, "api/v1/students?page=abc", headers: admin) { expectRefused($0, field: "page") }
            try await app.testing().test(.GET, "api/v1/teachers?dualQualified=yes", headers: admin) { expectRefused($0, field: "dualQualified") }
            try await app.testing().test(.GET, "api/v1/internship-quotas?under=null&under=null", headers: admin) { expectRefused($0, field: "under") }
            try await app.testing().test(.GET, "api/v1/market/skill-gaps?occupation=0000000000000", headers: admin) { expectRefused($0, field: "occupation") }
            // A route with a path parameter is found by its pattern too.
            try await app.testing().test(.GET, "api/v1/students/\(f.studentsA[0])/identity?purpose=\(long)", headers: admin) { expectRefused($0, field: "purpose") }
            // What the document allows still passes, and a caller without a token is told so first.
            try await app.testing().test(.GET, "api/v1/students?sex=male&page=1&per=10&q=%E5%BC%A0", headers: admin) { #expect($0.status == .ok) }
            try await app.testing().test(.GET, "api/v1/students?sex=unknown") { #expect($0.status == .unauthorized) }
        }
    }

    @Test func jsonBodiesOutsideTheDocumentAreRefused() async throws {
        try await withFixture { app, f in
            let admin = HTTPHeaders.bearer(f.token(.cityAdmin))
            func post(_ path: String, _ body: String, _ check: (TestingHTTPResponse) throws -> Void) async throws {
                var headers = admin
                headers.contentType = .json
                try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: body)) { try check($0) }
            }
            try await post("api/v1/funding/social-training-pay", #"{"directCostsFen": 0, "incomeFen": 0, "x-unknown": 42}"#) {
                expectRefused($0, field: "x-unknown")
            }
            try await post("api/v1/funding/training-base-grant", #"{"places": 1, "ratePerPlaceFen": null}"#) {
                expectRefused($0, field: "ratePerPlaceFen")
            }
            try await post("api/v1/internship-rounds", #"{"name": "r", "seed": 1.5}"#) { expectRefused($0, field: "seed") }
            try await post("api/v1/funding/social-training-pay", #"{"directCostsFen": 0, "incomeFen": 0}"#) { #expect($0.status == .ok) }
        }
    }

    /// The registry reads null as absent for an optional field; the document now says so.
    @Test func optionalRegistryInputsAreDocumentedNullable() throws {
        let schemas = (OpenAPIDocument.document()["components"] as? OpenAPIDocument.Object)?["schemas"] as? OpenAPIDocument.Object
        let input = schemas?["LabourDemandInput"] as? OpenAPIDocument.Object
        let skills = (input?["properties"] as? OpenAPIDocument.Object)?["skills"] as? OpenAPIDocument.Object
        #expect(skills?["nullable"] as? Bool == true)
        let required = input?["required"] as? [String] ?? []
        for name in required {
            let property = (input?["properties"] as? OpenAPIDocument.Object)?[name] as? OpenAPIDocument.Object
            #expect(property?["nullable"] == nil, "\(name)")
        }
    }
}
