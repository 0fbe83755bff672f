import Foundation
import Registry

/// The resource library's endpoints of the OpenAPI document (资源库).
extension OpenAPIDocument {
    static func addLibrary(paths: inout Object, schemas: inout Object) {
        let string: Object = ["type": "string"], integer: Object = ["type": "integer"]
        let uuid: Object = ["type": "string", "format": "uuid"], time: Object = ["type": "string", "format": "date-time"]
        func object(_ required: [String], _ properties: Object) -> Object {
            ["type": "object", "additionalProperties": false, "required": required, "properties": properties]
        }
        func array(_ items: Object) -> Object { ["type": "array", "items": items] }
        func bounded(_ max: Int, min: Int = 0) -> Object { ["type": "string", "minLength": min, "maxLength": max] }
        let resourceID: Object = ["name": "id", "in": "path", "required": true, "schema": uuid]
        let tag = "library"
        let kinds = LibraryResourceKind.allCases.map(\.rawValue)
        let licences = LibraryLicence.allCases.map(\.rawValue)
        let statuses = LibraryReviewStatus.allCases.map(\.rawValue)

        schemas["LibraryVersion"] = object(["number", "sha256", "size", "contentType", "fileName", "note", "uploadedBy", "createdAt"], [
            "number": integer, "sha256": string, "size": integer, "contentType": string, "fileName": string, "note": string,
            "uploadedBy": string, "createdAt": time,
        ])
        schemas["LibraryResource"] = object(
            ["id", "kind", "title", "description", "tags", "language", "licence", "author", "contributor", "status", "currentVersion", "createdAt", "updatedAt"], [
                "id": uuid, "kind": ["type": "string", "enum": kinds], "title": string, "description": string, "tags": array(string),
                "programCode": string, "programName": string, "occupationCode": string, "occupationName": string, "level": string,
                "language": string, "licence": ["type": "string", "enum": licences], "author": string,
                "institutionId": uuid, "school": string, "enterpriseId": uuid, "enterprise": string, "contributor": string,
                "status": ["type": "string", "enum": statuses], "reviewReason": string, "reviewedBy": string, "reviewedAt": time,
                "linkUrl": string, "currentVersion": integer, "file": ref("LibraryVersion"), "createdAt": time, "updatedAt": time,
            ])
        schemas["LibraryResourceDetail"] = object(["resource", "versions"], ["resource": ref("LibraryResource"), "versions": array(ref("LibraryVersion"))])
        schemas["LibraryFacetValue"] = object(["value", "label", "count"], ["value": string, "label": string, "count": integer])
        let facet = array(ref("LibraryFacetValue"))
        schemas["LibraryFacets"] = object(["program", "occupation", "kind", "school", "licence"],
                                          ["program": facet, "occupation": facet, "kind": facet, "school": facet, "licence": facet])
        schemas["LibrarySearchResult"] = object(["items", "total", "page", "per", "facets"], [
            "items": array(ref("LibraryResource")), "total": integer, "page": integer, "per": integer, "facets": ref("LibraryFacets"),
        ])
        schemas["LibraryStoredFile"] = object(["sha256", "size", "sniffedType", "stored"], [
            "sha256": string, "size": integer, "sniffedType": string, "stored": ["type": "string", "enum": ["new", "existing"]],
        ])
        schemas["LibraryFileReference"] = object(["sha256", "fileName", "contentType"], [
            "sha256": ["type": "string", "pattern": "^[0-9a-fA-F]{64}$"], "fileName": bounded(LibraryRules.maxFileName, min: 1),
            "contentType": bounded(200, min: 1),
        ])
        schemas["LibraryResourceInput"] = object(["kind", "title", "language", "licence", "author"], [
            // A code, or its Chinese or English label.
            "kind": bounded(100, min: 1), "title": bounded(LibraryRules.maxTitle * 2, min: 1), "description": bounded(LibraryRules.maxDescription * 2),
            "tags": ["type": "array", "maxItems": LibraryRules.maxTags * 2, "items": bounded(LibraryRules.maxTag * 2)],
            "programCode": bounded(20), "occupationCode": bounded(20), "level": bounded(40),
            "language": ["type": "string", "enum": LibraryLanguage.codes.map(\.code)], "licence": bounded(100, min: 1),
            "author": bounded(LibraryRules.maxAuthor * 2, min: 1), "file": ref("LibraryFileReference"), "linkUrl": bounded(LibraryRules.maxURL),
        ])
        schemas["LibraryVersionInput"] = object(["file"], ["file": ref("LibraryFileReference"), "note": bounded(LibraryRules.maxNote * 2)])
        schemas["LibraryDecision"] = object(["decision", "reason"], [
            "decision": ["type": "string", "enum": ["share", "return"]], "reason": bounded(LibraryRules.maxReason, min: 1),
        ])

        let query: (String, Object) -> Object = { name, schema in ["name": name, "in": "query", "required": false, "schema": schema] }
        paths["/library/files"] = [
            "post": operation("uploadLibraryFile", "Upload a resource file (streamed to disk, at most \(LibraryFiles.maxUploadBytes >> 20) MiB): stored once by its SHA-256 — an identical file already stored answers 200 and is not stored again; its type is sniffed from its bytes. Teachers, school administrators, enterprises and the city; audited",
                              tag: tag, rawBody: ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]],
                                                  "*/*": ["schema": ["type": "string", "format": "binary"]]],
                              responses: ["200": jsonResponse("Already stored", ref("LibraryStoredFile")), "201": jsonResponse("Stored", ref("LibraryStoredFile")),
                                          "401": problem, "403": problem, "413": problem, "422": problem]),
        ]
        paths["/library/resources"] = [
            "get": operation("searchLibrary", "Search the resources the caller may see (Chinese and English over titles, descriptions and tags) with facet counts over every match: program, occupation, kind, school, licence",
                             tag: tag, parameters: [
                                query("q", ["type": "string", "maxLength": 200]), query("program", ["type": "string", "maxLength": 20]),
                                query("occupation", ["type": "string", "maxLength": 20]), query("kind", ["type": "string", "enum": kinds]),
                                query("school", uuid), query("licence", ["type": "string", "enum": licences]), query("status", ["type": "string", "enum": statuses]),
                                query("page", ["type": "integer", "minimum": 1, "maximum": 100_000]), query("per", ["type": "integer", "minimum": 1, "maximum": 100]),
                             ],
                             responses: ["200": jsonResponse("Matches", ref("LibrarySearchResult")), "401": problem]),
            "post": operation("contributeLibraryResource", "Contribute a resource with catalogue metadata and an uploaded file (or a link, for an LTI tool): the caller's school's, enterprise's or the city's, not yet shared; the file's bytes must be what its declared type and the kind say; audited",
                              tag: tag, body: ref("LibraryResourceInput"),
                              responses: ["201": jsonResponse("Contributed", ref("LibraryResource")), "400": problem, "401": problem, "403": problem, "422": problem]),
        ]
        paths["/library/resources/{id}"] = [
            "get": operation("getLibraryResource", "A resource the caller may see, with its versions (shared ones for everyone signed in; one not yet shared only for its school or enterprise and the city)",
                             tag: tag, parameters: [resourceID],
                             responses: ["200": jsonResponse("Resource", ref("LibraryResourceDetail")), "401": problem, "404": problem]),
        ]
        paths["/library/resources/{id}/versions"] = [
            "post": operation("addLibraryVersion", "A new file for the caller's own resource: a new version, earlier ones kept; a shared resource goes back to contributed until it is reviewed again; audited",
                              tag: tag, parameters: [resourceID], body: ref("LibraryVersionInput"),
                              responses: ["200": jsonResponse("Resource", ref("LibraryResource")), "400": problem, "401": problem, "403": problem, "404": problem, "409": problem, "422": problem]),
        ]
        paths["/library/resources/{id}/submission"] = [
            "post": operation("submitLibraryResource", "Send the caller's own contributed or returned resource for the city's review; audited",
                              tag: tag, parameters: [resourceID],
                              responses: ["200": jsonResponse("Under review", ref("LibraryResource")), "401": problem, "403": problem, "404": problem, "409": problem]),
        ]
        paths["/library/resources/{id}/decision"] = [
            "post": operation("decideLibraryResource", "Share a resource under review city-wide, or return it to its contributor, with a reason: a city administrator other than its contributor; audited",
                              tag: tag, parameters: [resourceID], body: ref("LibraryDecision"),
                              responses: ["200": jsonResponse("Decided", ref("LibraryResource")), "400": problem, "401": problem, "403": problem, "404": problem, "409": problem, "422": problem]),
        ]
        paths["/library/resources/{id}/file"] = [
            "get": operation("getLibraryFile", "A resource's file (the current version, or `version`), streamed with its sniffed type, its SHA-256 as ETag and single byte ranges (206, or 416 when unsatisfiable)",
                             tag: tag, parameters: [resourceID, query("version", ["type": "integer", "minimum": 1, "maximum": 1_000_000]),
                                                    query("download", ["type": "string", "enum": ["1"]]),
                                                    ["name": "Range", "in": "header", "required": false, "schema": string]],
                             responses: [
                                "200": ["description": "The file", "content": ["*/*": ["schema": ["type": "string", "format": "binary"]]]],
                                "206": ["description": "The requested range", "content": ["*/*": ["schema": ["type": "string", "format": "binary"]]]],
                                "304": ["description": "Not modified (If-None-Match)"],
                                "401": problem, "404": problem,
                                "416": ["description": "Range not satisfiable"],
                             ]),
        ]
    }
}
