import Foundation

/// The verifiable-credential endpoints of the OpenAPI document.
extension OpenAPIDocument {
    static func addCredentials(paths: inout Object, schemas: inout Object) {
        let string: Object = ["type": "string"], boolean: Object = ["type": "boolean"]
        let uuid: Object = ["type": "string", "format": "uuid"], time: Object = ["type": "string", "format": "date-time"]
        func object(_ required: [String], _ properties: Object) -> Object {
            ["type": "object", "additionalProperties": false, "required": required, "properties": properties]
        }
        func array(_ items: Object) -> Object { ["type": "array", "items": items] }
        let learnerID: Object = ["name": "id", "in": "path", "required": true, "schema": uuid]
        let tag = "credentials"

        schemas["IssuedCredential"] = object(["id", "learnerId", "kind", "titleZh", "titleEn", "status", "issuedAt", "kid", "verifyUrl"], [
            "id": uuid, "learnerId": uuid, "kind": ["type": "string", "enum": IssuedCredential.Kind.allCases.map(\.rawValue)],
            "subjectRef": ["type": "string", "nullable": true], "titleZh": string, "titleEn": string,
            "status": ["type": "string", "enum": ["active", "revoked", "suspended"]], "issuedAt": time, "validUntil": ["type": "string", "format": "date-time", "nullable": true],
            "kid": string, "verifyUrl": string,
        ])
        schemas["VerificationResult"] = object(["verified", "checks"], [
            "verified": boolean,
            "checks": array(object(["name", "outcome", "zh", "en"], [
                "name": ["type": "string", "enum": ["format", "issuer", "signature", "validity", "status"]],
                "outcome": ["type": "string", "enum": ["passed", "failed", "not_checked"]], "zh": string, "en": string,
            ])),
            "failure": object(["code", "zh", "en"], ["code": string, "zh": string, "en": string]).merging(["nullable": true]) { $1 },
            "kid": ["type": "string", "nullable": true],
            "holderName": ["type": "string", "nullable": true, "description": "The holder's name as the credential states it (credentialSubject.identifier, an IdentityObject of type name), when it verified"],
            "credential": ["description": "The decoded credential (the JWT payload), when it could be read"],
        ])

        paths["/credit-bank/learners/{id}/credentials"] = [
            "post": operation("issueCredential", "Issue a signed credential (Open Badges 3.0 for an outcome or qualification, CLR 2.0 for the transcript) to the learner; the learner themself, the city or a reviewer", tag: tag,
                              parameters: [learnerID],
                              body: object(["kind"], ["kind": ["type": "string", "enum": IssuedCredential.Kind.allCases.map(\.rawValue)],
                                                      "subject": ["type": "string", "maxLength": 100, "description": "Outcome UUID or qualification code; the first recognised outcome when omitted"]]),
                              responses: ["201": jsonResponse("Issued", object(["credential", "jwt"], ["credential": ref("IssuedCredential"), "jwt": string])),
                                          "400": problem, "401": problem, "403": problem, "404": problem, "422": problem]),
            "get": operation("learnerCredentials", "The credentials issued to a learner", tag: tag, parameters: [learnerID],
                             responses: ["200": jsonResponse("Credentials", array(ref("IssuedCredential"))), "401": problem, "403": problem, "404": problem]),
        ]
        paths["/credentials/{id}"] = ["get": operation(
            "credential", "One credential: its VC-JWT, the decoded document and its status log", tag: tag, parameters: [idParameter],
            responses: ["200": jsonResponse("Credential", object(["credential", "jwt", "document", "changes"], [
                "credential": ref("IssuedCredential"), "jwt": string, "document": ["type": "object"],
                "changes": array(object(["action", "reason", "actor", "at"], ["action": string, "reason": string, "actor": string, "at": time])),
            ])), "401": problem, "403": problem, "404": problem])]
        paths["/credentials/{id}/download"] = ["get": operation(
            "downloadCredential", "The credential as a VC-JWT, a JSON EnvelopedVerifiableCredential, a baked PNG or SVG badge, or the printable bilingual page with its QR code", tag: tag,
            parameters: [idParameter, ["name": "format", "in": "query", "required": false, "schema": ["type": "string", "enum": CredentialAPIController.DownloadForm.allCases.map(\.rawValue)]]],
            responses: ["200": ["description": "The file", "content": [
                "application/vc+jwt": ["schema": string], "application/json": ["schema": ["type": "object"]],
                "image/png": ["schema": ["type": "string", "format": "binary"]], "image/svg+xml": ["schema": string], "text/html": ["schema": string],
            ]], "401": problem, "403": problem, "404": problem, "422": problem])]
        paths["/credentials/{id}/status"] = ["post": operation(
            "changeCredentialStatus", "Revoke (final), suspend, or reinstate a suspended credential, with a reason; flips its bit in the signed status list (city, reviewers)", tag: tag,
            parameters: [idParameter],
            body: object(["action", "reason"], ["action": ["type": "string", "enum": ["revoke", "suspend", "reinstate"]], "reason": ["type": "string", "minLength": 1, "maxLength": 500]]),
            responses: ["200": jsonResponse("Changed", ref("IssuedCredential")), "400": problem, "401": problem, "403": problem, "404": problem, "409": problem, "422": problem])]
        paths["/credentials/verify"] = ["post": operation(
            "verifyCredential", "Verify a credential (public): a VC-JWT, JSON (an EnvelopedVerifiableCredential or {\"jwt\": …}), or a baked PNG/SVG — as {\"credential\": \"…\"} or the raw file; every check with the reason for any failure", tag: tag,
            secured: false,
            rawBody: [
                "application/json": ["schema": object(["credential"], ["credential": ["type": "string", "maxLength": 1_000_000]])],
                "text/plain": ["schema": string], "image/png": ["schema": ["type": "string", "format": "binary"]], "image/svg+xml": ["schema": string],
            ],
            responses: ["200": jsonResponse("Result", ref("VerificationResult")), "400": problem, "413": problem, "422": problem])]
    }
}
