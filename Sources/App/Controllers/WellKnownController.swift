import Credentials
import Foundation
import Vapor

/// What the platform publishes so anyone can check its credentials without an account: the
/// DID document, the JWKS, and the signed status lists.
enum WellKnownController {
    static func json(_ value: JSONValue, type: String = "application/json") -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: type)
        headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*")
        return Response(status: .ok, headers: headers, body: .init(data: value.serialized(pretty: true)))
    }

    /// `GET /.well-known/did.json`
    @Sendable static func didDocument(req: Request) async throws -> Response {
        let service = try CredentialAPIController.service(req)
        return json(req.services.issuer.didDocument(keys: try await service.keys.publicKeys()), type: "application/did+json")
    }

    /// `GET /.well-known/jwks.json`
    @Sendable static func jwks(req: Request) async throws -> Response {
        let service = try CredentialAPIController.service(req)
        return json(req.services.issuer.jwks(keys: try await service.keys.publicKeys()), type: "application/jwk-set+json")
    }

    /// `GET /credentials/status/{purpose}`: the list credential as a VC-JWT, signed afresh.
    @Sendable static func statusList(req: Request) async throws -> Response {
        guard let purpose = req.parameters.get("purpose").flatMap(CredentialStatusEntry.Purpose.init(rawValue:)) else { throw AppError.notFound }
        let jwt = try await CredentialAPIController.service(req).statusList(purpose)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/vc+jwt")
        headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*")
        return Response(status: .ok, headers: headers, body: .init(string: jwt))
    }
}
