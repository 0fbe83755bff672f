import Foundation
import Registry

/// The reveal-grant endpoints of the OpenAPI document: bulk identity reveals the city approves.
extension OpenAPIDocument {
    static func addRevealGrants(paths: inout Object, schemas: inout Object) {
        let string: Object = ["type": "string"], integer: Object = ["type": "integer"]
        let uuid: Object = ["type": "string", "format": "uuid"], time: Object = ["type": "string", "format": "date-time"]
        func object(_ required: [String], _ properties: Object) -> Object {
            ["type": "object", "additionalProperties": false, "required": required, "properties": properties]
        }
        func array(_ items: Object) -> Object { ["type": "array", "items": items] }
        let grantID: Object = ["name": "id", "in": "path", "required": true, "schema": uuid]
        let tag = "reveal-grants"
        let kinds = RevealGrantKind.allCases.map(\.rawValue)
        let purposes = RevealPurpose.allCases.filter { $0 != .ownRecord }.map(\.rawValue)

        schemas["RevealGrant"] = object(
            ["id", "kind", "purpose", "justification", "recordCount", "status", "requesterId", "requester", "requestedAt", "revealedCount"], [
                "id": uuid, "kind": ["type": "string", "enum": kinds], "purpose": ["type": "string", "enum": purposes], "justification": string,
                "recordCount": integer, "status": ["type": "string", "enum": RevealGrantStatus.allCases.map(\.rawValue) + ["expired"]],
                "requesterId": uuid, "requester": string, "institutionId": uuid, "requestedAt": time,
                "decidedBy": string, "decidedAt": time, "decisionReason": string, "expiresAt": time, "revealedCount": integer,
            ])
        schemas["RevealGrantList"] = object(["items"], ["items": array(ref("RevealGrant"))])
        schemas["RevealGrantRecord"] = object(["id", "name", "number", "idMasked", "reveals"], [
            "id": uuid, "name": string, "number": string, "idMasked": string, "reveals": integer,
        ])
        schemas["RevealGrantDetail"] = object(["grant", "records"], ["grant": ref("RevealGrant"), "records": array(ref("RevealGrantRecord"))])
        schemas["RevealGrantRequest"] = object(["kind", "recordIds", "purpose", "justification"], [
            "kind": ["type": "string", "enum": kinds],
            "recordIds": ["type": "array", "minItems": 1, "maxItems": RevealGrantRules.maxRecords, "items": uuid],
            // A code, or its Chinese label: the grant stores the code.
            "purpose": ["type": "string", "enum": RevealPurpose.allCases.filter { $0 != .ownRecord }.flatMap { [$0.rawValue, $0.labelZh] }],
            "justification": ["type": "string", "minLength": RevealGrantRules.minJustification, "maxLength": RevealGrantRules.maxJustification],
        ])
        schemas["RevealGrantDecision"] = object(["decision", "reason"], [
            "decision": ["type": "string", "enum": ["approve", "refuse"]],
            "reason": ["type": "string", "minLength": 1, "maxLength": RevealGrantRules.maxDecisionReason],
        ])
        schemas["GrantedIdentity"] = object(["id", "name", "number", "documentKind", "idNumber"], [
            "id": uuid, "name": string, "number": string, "documentKind": string, "idNumber": string,
        ])
        schemas["GrantedIdentities"] = object(["grantId", "items"], ["grantId": uuid, "items": array(ref("GrantedIdentity"))])

        paths["/reveal-grants"] = [
            "get": operation("listRevealGrants", "Reveal grants: the caller's own requests; for the city's reviewers every request", tag: tag,
                             parameters: [["name": "status", "in": "query", "required": false,
                                           "schema": ["type": "string", "enum": RevealGrantStatus.allCases.map(\.rawValue) + ["expired"]]]],
                             responses: ["200": jsonResponse("Grants", ref("RevealGrantList")), "401": problem, "403": problem, "422": problem]),
            "post": operation("requestRevealGrant", "Ask the city to approve revealing the identity numbers of listed records (one kind, each one the caller could reveal; any other is 404), for a purpose and a justification; audited",
                              tag: tag, body: ref("RevealGrantRequest"),
                              responses: ["201": jsonResponse("Requested", ref("RevealGrant")), "400": problem, "401": problem, "403": problem, "404": problem, "422": problem]),
        ]
        paths["/reveal-grants/{id}"] = [
            "get": operation("getRevealGrant", "A grant (its requester's or, for the city's reviewers, any) with its records masked", tag: tag, parameters: [grantID],
                             responses: ["200": jsonResponse("Grant", ref("RevealGrantDetail")), "401": problem, "403": problem, "404": problem]),
        ]
        paths["/reveal-grants/{id}/decision"] = [
            "post": operation("decideRevealGrant", "Approve (valid \(Int(RevealGrantRules.validity / 86_400)) days) or refuse a pending grant, with a reason: a city administrator other than the requester; audited",
                              tag: tag, parameters: [grantID], body: ref("RevealGrantDecision"),
                              responses: ["200": jsonResponse("Decided", ref("RevealGrant")), "400": problem, "401": problem, "403": problem, "404": problem, "409": problem, "422": problem]),
        ]
        paths["/reveal-grants/{id}/identities"] = [
            "get": operation("revealGrantIdentities", "Every record of the caller's approved, unexpired grant not yet revealed, with full identity numbers (JSON, CSV or XLSX): the reads, the grant's counts and one audit row per record in one transaction",
                             tag: tag, parameters: [grantID, ["name": "format", "in": "query", "required": false, "schema": ["type": "string", "enum": ["json", "csv", "xlsx"]]]],
                             responses: [
                                "200": ["description": "Identities", "content": [
                                    "application/json": ["schema": ref("GrantedIdentities")],
                                    "text/csv": ["schema": ["type": "string"]],
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["schema": ["type": "string", "format": "binary"]],
                                ]],
                                "401": problem, "403": problem, "404": problem, "409": problem, "422": problem,
                             ]),
        ]
    }
}
