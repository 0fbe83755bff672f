import Foundation
import Registry

/// The OpenAPI 3.0 document of `/api/v1`, built from the same `FieldSpec`s that validate input,
/// so the description cannot drift from the behaviour. `zhijiao openapi` prints it and the
/// committed copy in Resources/openapi.json is checked against it by a test.
enum OpenAPIDocument {
    static func json() throws -> String {
        let data = try JSONSerialization.data(withJSONObject: document(), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    typealias Object = [String: Any]

    static func document() -> Object {
        var paths: Object = [
            "/auth/tokens": [
                "post": operation("createToken", "Exchange a username and password for a bearer token", tag: "auth", secured: false,
                                  body: ref("TokenRequest"), responses: ["201": jsonResponse("Token", ref("TokenResponse")), "400": problem, "422": problem, "429": problem]),
            ],
            "/auth/tokens/current": [
                "delete": operation("revokeToken", "Revoke the bearer token used for this request", tag: "auth", responses: ["204": ["description": "Revoked"], "401": problem]),
            ],
            "/me": ["get": operation("me", "The signed-in account and its scope", tag: "auth", responses: ["200": jsonResponse("Account", ref("Me")), "401": problem])],
            "/reference/{list}": [
                "get": operation("referenceList", "A reference list: programs, industries, districts, industry-clusters, occupations", tag: "reference",
                                 parameters: [["name": "list", "in": "path", "required": true, "schema": ["type": "string", "enum": ReferenceAPIController.lists]]],
                                 responses: ["200": jsonResponse("Entries", ["type": "array", "items": ref("ReferenceEntry")]), "401": problem, "404": problem]),
            ],
            "/internship-quotas": [
                "get": operation("internshipQuotas", "The 2 % internship quota of every 规模以上 enterprise in scope: required, offered, shortfall", tag: "internships",
                                 parameters: [["name": "under", "in": "query", "required": false, "schema": ["type": "string", "enum": ["true", "false"]], "description": "Only enterprises under quota"]],
                                 responses: ["200": jsonResponse("Quota lines", ref("QuotaReport")), "401": problem]),
            ],
            "/students/{id}/internship-preferences": [
                "get": operation("getInternshipChoices", "A student's ranked internship choices", tag: "internships", parameters: [idParameter],
                                 responses: ["200": jsonResponse("Choices", ref("StudentChoices")), "401": problem, "403": problem, "404": problem]),
                "put": operation("setInternshipChoices", "Replace a student's ranked choices (the learner, their school administrator or the city)", tag: "internships",
                                 parameters: [idParameter], body: ref("Choices"),
                                 responses: ["200": jsonResponse("Choices", ref("StudentChoices")), "400": problem, "401": problem, "403": problem, "404": problem, "422": problem]),
            ],
            "/internship-posts/{id}/applicants": [
                "get": operation("internshipApplicants", "Who applied to a post (its enterprise, the city or the district): names, schools, programs — no identity numbers", tag: "internships",
                                 parameters: [idParameter],
                                 responses: ["200": jsonResponse("Applicants", ref("Applicants")), "401": problem, "403": problem, "404": problem]),
            ],
            "/internship-posts/{id}/ranking": [
                "put": operation("rankInternshipApplicants", "The enterprise's own ranking of a post's applicants, best first; replaces the default rule for the post (empty list: back to the rule)", tag: "internships",
                                 parameters: [idParameter], body: ref("ApplicantRanking"),
                                 responses: ["200": jsonResponse("Applicants", ref("Applicants")), "400": problem, "401": problem, "403": problem, "404": problem, "422": problem]),
            ],
            "/internship-rounds": [
                "get": operation("listInternshipRounds", "Allocation rounds (drafts for the city and districts, published ones for everyone)", tag: "internships",
                                 responses: ["200": jsonResponse("Rounds", ref("RoundList")), "401": problem]),
                "post": operation("runInternshipRound", "Run an allocation round (city administrators): stable matching, proved stable, saved as a draft", tag: "internships",
                                  body: ref("RunRound"),
                                  responses: ["201": jsonResponse("The round", ref("Round")), "400": problem, "401": problem, "403": problem, "422": problem]),
            ],
            "/internship-rounds/{id}/publish": [
                "post": operation("publishInternshipRound", "Publish a draft round: final and audited", tag: "internships", parameters: [idParameter],
                                  responses: ["200": jsonResponse("The round", ref("Round")), "401": problem, "403": problem, "404": problem, "409": problem]),
            ],
            "/internship-rounds/{id}/placements": [
                "get": operation("internshipPlacements", "Placements of a round in the caller's scope, each with why higher choices were not given", tag: "internships",
                                 parameters: [idParameter],
                                 responses: ["200": jsonResponse("Placements", ref("Placements")), "401": problem, "403": problem, "404": problem]),
            ],
            "/audit-events": [
                "get": operation("auditEvents", "The audit log (city administrators only), newest first", tag: "audit",
                                 parameters: pagingParameters, responses: ["200": jsonResponse("Audit events", ref("AuditPage")), "401": problem, "403": problem, "422": problem]),
            ],
            "/audit-events/verify": [
                "get": operation("verifyAuditChain", "Recompute the hash chain of the whole audit log and name the first broken row (city administrators only)", tag: "audit",
                                 responses: ["200": jsonResponse("Chain verification", ref("AuditVerification")), "401": problem, "403": problem]),
            ],
        ]
        var schemas: Object = [
            "Problem": [
                "type": "object", "required": ["status", "title", "type"],
                "properties": [
                    "type": ["type": "string"], "status": ["type": "integer"], "title": ["type": "string"], "detail": ["type": "string"],
                    "errors": ["type": "array", "items": ref("ProblemFieldError")],
                ],
            ],
            "ProblemFieldError": [
                "type": "object", "required": ["field", "reasonZh", "reasonEn"],
                "properties": ["field": ["type": "string"], "row": ["type": "integer"], "column": ["type": "string"], "reasonZh": ["type": "string"], "reasonEn": ["type": "string"]],
            ],
            "TokenRequest": [
                "type": "object", "required": ["username", "password"], "additionalProperties": false,
                "properties": ["username": ["type": "string"], "password": ["type": "string"], "name": ["type": "string"]],
            ],
            "TokenResponse": ["type": "object", "required": ["token", "expiresAt"], "properties": ["token": ["type": "string"], "expiresAt": ["type": "string", "format": "date-time"]]],
            "Me": [
                "type": "object", "required": ["id", "username", "displayName", "role"],
                "properties": [
                    "id": uuid, "username": ["type": "string"], "displayName": ["type": "string"],
                    "role": ["type": "string", "enum": Role.allCases.map(\.rawValue)], "districtCode": ["type": "string"],
                    "institutionId": uuid, "enterpriseId": uuid, "studentId": uuid, "teacherId": uuid,
                ],
            ],
            "ReferenceEntry": ["type": "object", "required": ["code", "name"], "properties": ["code": ["type": "string"], "name": ["type": "string"], "level": ["type": "string"], "parent": ["type": "string"]]],
            "AuditEvent": [
                "type": "object", "required": ["seq", "at", "atMilliseconds", "hashVersion", "actor", "action", "entity", "detail", "outcome", "prevHash", "hash"],
                "properties": [
                    "seq": ["type": "integer"], "at": ["type": "string", "format": "date-time"], "atMilliseconds": ["type": "integer"],
                    "hashVersion": [
                        "type": "integer", "enum": [1, 2],
                        "description": "2: SHA-256 over hashVersion, prevHash, seq, atMilliseconds, actorUserId, actor, action, entity, recordId, detail, outcome, clientIp, each as its UTF-8 length, ':' and the value (absent as ''); 1 (older rows): the same fields without hashVersion joined by U+001F",
                    ],
                    "actorUserId": uuid, "actor": ["type": "string"], "action": ["type": "string"],
                    "entity": ["type": "string"], "recordId": ["type": "string"], "detail": ["type": "string"], "outcome": ["type": "string"],
                    "clientIp": ["type": "string"], "prevHash": ["type": "string"], "hash": ["type": "string"],
                ],
            ],
            "AuditVerification": [
                "type": "object", "required": ["checked", "lastHash"],
                "properties": ["checked": ["type": "integer"], "firstBroken": ["type": "integer"], "reason": ["type": "string"], "lastHash": ["type": "string"]],
            ],
            "AuditPage": pageSchema("AuditEvent"),
            "ApplicantRanking": ["type": "object", "required": ["studentIds"], "additionalProperties": false, "properties": ["studentIds": ["type": "array", "items": uuid]]],
            "Applicants": [
                "type": "object", "required": ["postId", "items"], "additionalProperties": false,
                "properties": [
                    "postId": uuid,
                    "items": ["type": "array", "items": [
                        "type": "object", "additionalProperties": false, "required": ["studentId", "name", "institutionCode", "programCode", "choiceRank"],
                        "properties": [
                            "studentId": uuid, "name": ["type": "string"], "institutionCode": ["type": "string"], "programCode": ["type": "string"],
                            "choiceRank": ["type": "integer"], "position": ["type": "integer"],
                        ],
                    ] as Object],
                ],
            ],
            "Choices": ["type": "object", "required": ["postIds"], "additionalProperties": false, "properties": ["postIds": ["type": "array", "items": uuid]]],
            "StudentChoices": [
                "type": "object", "required": ["studentId", "postIds", "maxChoices"], "additionalProperties": false,
                "properties": ["studentId": uuid, "postIds": ["type": "array", "items": uuid], "maxChoices": ["type": "integer"]],
            ],
            "RunRound": [
                "type": "object", "required": ["name"], "additionalProperties": false,
                "properties": ["name": ["type": "string", "minLength": 1, "maxLength": 100], "seed": ["type": "integer"], "optimal": ["type": "string", "enum": ["student", "enterprise"]]],
            ],
            "Round": [
                "type": "object", "additionalProperties": false,
                "required": ["id", "name", "seed", "optimal", "status", "students", "placed", "places", "createdAt"],
                "properties": [
                    "id": uuid, "name": ["type": "string"], "seed": ["type": "integer"], "optimal": ["type": "string"], "status": ["type": "string", "enum": ["draft", "published"]],
                    "students": ["type": "integer"], "placed": ["type": "integer"], "places": ["type": "integer"],
                    "createdAt": ["type": "string", "format": "date-time"], "publishedAt": ["type": "string", "format": "date-time", "nullable": true],
                    "createdBy": ["type": "string", "description": "the account that ran the round"],
                    "publishedBy": ["type": "string", "nullable": true, "description": "the account that published it"],
                ],
            ],
            "RoundList": ["type": "object", "required": ["items"], "additionalProperties": false, "properties": ["items": ["type": "array", "items": ref("Round")]]],
            "Placements": [
                "type": "object", "required": ["round", "items"], "additionalProperties": false,
                "properties": [
                    "round": ref("Round"),
                    "items": ["type": "array", "items": [
                        "type": "object", "required": ["studentId", "higherChoices"], "additionalProperties": false,
                        "properties": [
                            "studentId": uuid, "postId": ["type": "string", "format": "uuid", "nullable": true],
                            "enterpriseId": ["type": "string", "format": "uuid", "nullable": true], "choiceRank": ["type": "integer", "nullable": true],
                            "higherChoices": ["type": "array", "items": [
                                "type": "object", "required": ["postId", "reason"], "additionalProperties": false,
                                "properties": ["postId": ["type": "string"], "reason": ["type": "string", "enum": ["not_acceptable", "full_with_better_ranked"]]],
                            ] as Object],
                        ],
                    ] as Object],
                ],
            ],
            "QuotaReport": [
                "type": "object", "required": ["quotaPerMille", "rounding", "items"], "additionalProperties": false,
                "properties": [
                    "quotaPerMille": ["type": "integer"], "rounding": ["type": "string", "enum": ["up", "nearest", "down"]],
                    "items": ["type": "array", "items": [
                        "type": "object", "additionalProperties": false,
                        "required": ["enterpriseId", "creditCode", "name", "districtCode", "employees", "requiredPlaces", "offeredPlaces", "shortfall"],
                        "properties": [
                            "enterpriseId": uuid, "creditCode": ["type": "string"], "name": ["type": "string"], "districtCode": ["type": "string"],
                            "employees": ["type": "integer"], "requiredPlaces": ["type": "integer"], "offeredPlaces": ["type": "integer"], "shortfall": ["type": "integer"],
                        ],
                    ] as Object],
                ],
            ],
            "ImportResult": ["type": "object", "required": ["inserted", "updated", "unchanged"], "properties": [
                "inserted": ["type": "integer", "description": "Rows added as new records"],
                "updated": ["type": "integer", "description": "Registered records (named in the 记录编号 column) that the file changed"],
                "unchanged": ["type": "integer", "description": "Rows naming a registered record without changing it"],
            ]],
            "IdentityReveal": ["type": "object", "required": ["documentKind", "idNumber"], "properties": ["documentKind": ["type": "string"], "idNumber": ["type": "string"]]],
        ]
        addMarket(paths: &paths, schemas: &schemas)
        addSupervision(paths: &paths, schemas: &schemas)
        addCreditBank(paths: &paths, schemas: &schemas)
        addCredentials(paths: &paths, schemas: &schemas)
        addRevealGrants(paths: &paths, schemas: &schemas)
        addLibrary(paths: &paths, schemas: &schemas)
        addCourses(paths: &paths, schemas: &schemas)
        for resource in resources {
            resource.addPaths(&paths)
            resource.addSchemas(&schemas)
        }
        return [
            "openapi": "3.0.3",
            "info": [
                "title": "Zhijiao 职教 API", "version": "1.0.0",
                "description": "Registry (数据中心) of Shenzhen's vocational education system, internship allocation, and industry–education matching. Every list and read is limited to the caller's scope; identity numbers are always masked except through the audited /identity endpoint. Errors are application/problem+json (RFC 9457) naming the field, in Chinese and English.",
            ],
            "servers": [["url": "/api/v1"]],
            "security": [["bearerAuth": [String]()], ["cookieAuth": [String]()]],
            "paths": paths,
            "components": [
                "schemas": schemas,
                "securitySchemes": [
                    "bearerAuth": ["type": "http", "scheme": "bearer"],
                    "cookieAuth": ["type": "apiKey", "in": "cookie", "name": "__Host-zhijiao"],
                ],
            ],
        ]
    }

    // MARK: - Resources

    struct ResourceDoc {
        let path: String
        let name: String
        let titleEn: String
        let fields: [FieldSpec]
        let filterable: [FieldSpec]
        let hasIdentity: Bool

        func addPaths(_ paths: inout Object) {
            let tag = path
            let idParam: Object = ["name": "id", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]
            let filters: [Object] = filterable.map { field in
                ["name": field.name, "in": "query", "required": false, "schema": queryType(field), "description": "Exact match on \(field.name)"]
            }
            let search: Object = ["name": "q", "in": "query", "required": false, "schema": ["type": "string", "maxLength": 100],
                                  "description": "Substring of the name, or the start of an identifying number (student, staff, institution or credit code)"]
            let sortable = fields.filter(\.isSortable).map(\.name)
            let sort: Object = ["name": "sort", "in": "query", "required": false, "schema": ["type": "string", "enum": sortable + sortable.map { "-" + $0 }],
                                "description": "Order by this field (- in front: descending), then by the order records were added in"]
            paths["/\(path)"] = [
                "get": operation("list\(name)", "List \(titleEn.lowercased()) in the caller's scope", tag: tag,
                                 parameters: pagingParameters + [search, sort] + filters,
                                 responses: ["200": jsonResponse("A page", ref("\(name)Page")), "401": problem, "422": problem]),
                "post": operation("create\(name)", "Create one record (validated like one import row)", tag: tag, body: ref("\(name)Input"),
                                  responses: ["201": jsonResponse("Created", ref(name)), "400": problem, "401": problem, "403": problem, "409": problem, "422": problem]),
            ]
            paths["/\(path)/{id}"] = [
                "get": operation("get\(name)", "Read one record", tag: tag, parameters: [idParam],
                                 responses: ["200": jsonResponse("The record", ref(name)), "401": problem, "404": problem]),
                "put": operation("replace\(name)", "Replace one record", tag: tag, parameters: [idParam], body: ref("\(name)Input"),
                                 responses: ["200": jsonResponse("Replaced", ref(name)), "400": problem, "401": problem, "403": problem, "404": problem, "409": problem, "422": problem]),
                "delete": operation("delete\(name)", "Delete one record (refused while others refer to it)", tag: tag, parameters: [idParam],
                                    responses: ["204": ["description": "Deleted"], "400": problem, "401": problem, "403": problem, "404": problem, "409": problem]),
            ]
            paths["/\(path)/import"] = [
                "post": operation("import\(name)", "Import a CSV (UTF-8, BOM, GB18030) or XLSX file: every row is checked first; one bad row rejects the file with all errors and writes nothing. A file with a 记录编号 (recordId) column, as the export for re-import writes, updates the records it names; a masked identity number left as exported keeps the stored one", tag: tag,
                                  rawBody: [
                                      "text/csv": ["schema": ["type": "string"]],
                                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["schema": ["type": "string", "format": "binary"]],
                                  ],
                                  responses: ["200": jsonResponse("Imported", ref("ImportResult")), "400": problem, "401": problem, "403": problem, "413": problem, "422": problem]),
            ]
            paths["/\(path)/export"] = [
                "get": operation("export\(name)", "Export the records in scope as CSV or XLSX, identity numbers masked; for=reimport adds each record's id (记录编号) so the file can be edited and imported back as an update", tag: tag,
                                 parameters: [["name": "format", "in": "query", "required": false, "schema": ["type": "string", "enum": ["csv", "xlsx"]]],
                                              ["name": "for", "in": "query", "required": false, "schema": ["type": "string", "enum": ["reimport"]]], search] + filters,
                                 responses: [
                                     "200": ["description": "The file", "content": [
                                         "text/csv": ["schema": ["type": "string"]],
                                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["schema": ["type": "string", "format": "binary"]],
                                     ]],
                                     "401": problem, "422": problem,
                                 ]),
            ]
            if hasIdentity {
                paths["/\(path)/{id}/identity"] = [
                    "get": operation("reveal\(name)Identity", "The full identity number: allowed roles only, a purpose from the list, at most 30 per caller an hour, always audited in the read's transaction; with grant, under a grant the city approved (its purpose, no hourly limit, each record once; a record not in the grant is 404)", tag: tag,
                                     parameters: [idParam,
                                                  ["name": "purpose", "in": "query", "required": false, "schema": ["type": "string", "enum": RevealPurpose.allCases.flatMap { [$0.rawValue, $0.labelZh] }], "description": "Required without grant: a code, or its Chinese label as a spreadsheet would hold it"],
                                                  ["name": "note", "in": "query", "required": false, "schema": ["type": "string", "maxLength": 200]],
                                                  ["name": "grant", "in": "query", "required": false, "schema": ["type": "string", "format": "uuid"], "description": "An approved reveal grant of the caller's naming this record"]],
                                     responses: ["200": jsonResponse("Unmasked", ref("IdentityReveal")), "401": problem, "403": problem, "404": problem, "409": problem, "422": problem, "429": problem]),
                ]
            }
        }

        func addSchemas(_ schemas: inout Object) {
            var inputProperties: Object = [:]
            var outputProperties: Object = [
                "id": uuid, "districtCode": ["type": "string"], "institutionId": uuid, "enterpriseId": uuid,
            ]
            for field in fields {
                inputProperties[field.name] = inputType(field)
                outputProperties[field.name] = outputType(field)
            }
            schemas["\(name)Input"] = [
                "type": "object", "additionalProperties": false, "properties": inputProperties,
                "required": fields.filter(\.required).map(\.name),
            ]
            schemas[name] = [
                "type": "object", "additionalProperties": false, "properties": outputProperties,
                "required": ["id", "districtCode"] + fields.filter { $0.required && $0.name != "districtCode" }.map(\.name),
            ]
            schemas["\(name)Page"] = pageSchema(name)
        }

        func inputType(_ field: FieldSpec) -> Object {
            var schema = baseType(field)
            schema["description"] = field.descriptionEn + " (column 「\(field.headerZh)」)"
            // An optional field may be sent as null, which the server reads as absent.
            if !field.required { schema["nullable"] = true }
            return schema
        }

        func outputType(_ field: FieldSpec) -> Object {
            var schema = field.name == "idNumber" ? ["type": "string", "description": "Masked"] : baseType(field)
            if !field.required { schema["nullable"] = true }
            schema.removeValue(forKey: "minLength")
            return schema
        }

        func baseType(_ field: FieldSpec) -> Object {
            switch field.kind {
            case .text(let max): ["type": "string", "maxLength": max]
            case .code(let max): ["type": "string", "maxLength": max]
            case .integer(let min, let max): ["type": "integer", "minimum": min, "maximum": max]
            case .boolean: ["type": "boolean"]
            case .choice(let codes): ["type": "string", "enum": codes]
            }
        }

        func queryType(_ field: FieldSpec) -> Object {
            switch field.kind {
            case .choice(let codes): ["type": "string", "enum": codes]
            case .boolean: ["type": "boolean"]
            default: ["type": "string", "maxLength": 100]
            }
        }
    }

    static var resources: [ResourceDoc] { RegistryResources.all.map { doc($0) } }

    static func doc<R: RegistryResource>(_: R.Type) -> ResourceDoc {
        ResourceDoc(path: R.path, name: R.schemaName, titleEn: R.titleEn, fields: R.Record.fields, filterable: RegistryReader<R>.filterableFields, hasIdentity: R.hasIdentity)
    }

    // MARK: - Pieces

    static var uuid: Object { ["type": "string", "format": "uuid"] }
    static var idParameter: Object { ["name": "id", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]] }
    static var problem: Object { ["description": "Problem (RFC 9457)", "content": ["application/problem+json": ["schema": ref("Problem")]]] }
    static var pagingParameters: [Object] { [
        ["name": "page", "in": "query", "required": false, "schema": ["type": "integer", "minimum": 1, "maximum": 1_000_000]],
        ["name": "per", "in": "query", "required": false, "schema": ["type": "integer", "minimum": 1, "maximum": 500]],
    ] }

    static func ref(_ name: String) -> Object { ["$ref": "#/components/schemas/\(name)"] }

    static func pageSchema(_ item: String) -> Object {
        [
            "type": "object", "required": ["items", "page", "per", "total"], "additionalProperties": false,
            "properties": ["items": ["type": "array", "items": ref(item)], "page": ["type": "integer"], "per": ["type": "integer"], "total": ["type": "integer"]],
        ]
    }

    static func jsonResponse(_ description: String, _ schema: Object) -> Object {
        ["description": description, "content": ["application/json": ["schema": schema]]]
    }

    static func operation(_ id: String, _ summary: String, tag: String, secured: Bool = true, parameters: [Object] = [], body: Object? = nil, rawBody: Object? = nil, responses: Object) -> Object {
        var op: Object = ["operationId": id, "summary": summary, "tags": [tag], "responses": responses]
        if !parameters.isEmpty { op["parameters"] = parameters }
        if parameters.contains(where: { $0["in"] as? String == "query" }), responses["422"] == nil {
            // Query parameters are held to this document (OpenAPIRequestCheck): 422 names the field.
            var withQueryErrors = op["responses"] as? Object ?? responses
            withQueryErrors["422"] = problem
            op["responses"] = withQueryErrors
        }
        if let body { op["requestBody"] = ["required": true, "content": ["application/json": ["schema": body]]] }
        if let rawBody { op["requestBody"] = ["required": true, "content": rawBody] }
        if body != nil || rawBody != nil {
            // A body without a content type, or of a type the operation does not take.
            var withBodyErrors = op["responses"] as? Object ?? responses
            withBodyErrors["415"] = problem
            op["responses"] = withBodyErrors
        }
        if !secured { op["security"] = [Object]() }
        return op
    }
}
