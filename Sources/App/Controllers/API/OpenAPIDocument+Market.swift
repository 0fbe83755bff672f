import Foundation
import SupplyDemand

/// The industry–education matching endpoints of the OpenAPI document.
extension OpenAPIDocument {
    static func addMarket(paths: inout Object, schemas: inout Object) {
        let year: Object = ["name": "year", "in": "query", "required": false, "schema": ["type": "integer", "minimum": 2000, "maximum": 2100], "description": "Year; default the latest on record"]
        let institution: Object = ["name": "institution", "in": "query", "required": false, "schema": ["type": "string", "maxLength": 20], "description": "Institution code (within the caller's scope)"]
        paths["/market/gaps"] = ["get": operation(
            "marketGaps", "Demand headcount against graduates by occupation group, industry cluster, district or the whole city, with trend", tag: "market",
            parameters: [["name": "by", "in": "query", "required": false, "schema": ["type": "string", "enum": GapDimension.allCases.map(\.rawValue)]], year],
            responses: ["200": jsonResponse("Gap table", ref("GapTable")), "401": problem, "422": problem])]
        paths["/market/skill-gaps"] = ["get": operation(
            "marketSkillGaps", "Skills most demanded but least taught", tag: "market",
            parameters: [year,
                         ["name": "occupation", "in": "query", "required": false, "schema": ["type": "string", "maxLength": 12], "description": "Occupation group (小类)"],
                         ["name": "district", "in": "query", "required": false, "schema": ["type": "string", "maxLength": 6]],
                         ["name": "limit", "in": "query", "required": false, "schema": ["type": "integer", "minimum": 1, "maximum": 500]]],
            responses: ["200": jsonResponse("Skill gaps", ref("SkillGaps")), "401": problem, "422": problem])]
        paths["/market/signals"] = ["get": operation(
            "marketSignals", "Program adjustment signals (expand, hold, shrink, open new) with the numbers behind each: city-wide and for the programs in scope; CSV or XLSX with format", tag: "market",
            parameters: [year, institution, ["name": "format", "in": "query", "required": false, "schema": ["type": "string", "enum": ["json", "csv", "xlsx"]]]],
            responses: [
                "200": ["description": "Signals", "content": [
                    "application/json": ["schema": ref("Signals")],
                    "text/csv": ["schema": ["type": "string"]],
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["schema": ["type": "string", "format": "binary"]],
                ]],
                "401": problem, "403": problem, "404": problem, "422": problem,
            ])]
        paths["/market/openings"] = ["get": operation(
            "marketOpenings", "Occupation groups with demand and no graduates, and programs an institution could open", tag: "market",
            parameters: [year, institution],
            responses: ["200": jsonResponse("Openings", ref("Openings")), "401": problem, "403": problem, "404": problem, "422": problem])]
        paths["/search"] = ["get": operation(
            "search", "Demand and programs whose text contains the query (Chinese or English)", tag: "market",
            parameters: [["name": "q", "in": "query", "required": true, "schema": ["type": "string", "minLength": 1, "maxLength": 100]]],
            responses: ["200": jsonResponse("Results", ref("SearchResults")), "401": problem, "422": problem])]
        paths["/cooperation-violations"] = ["get": operation(
            "cooperationViolations", "Cooperation agreements in scope that break the negative list", tag: "market",
            responses: ["200": jsonResponse("Findings", ref("Findings")), "401": problem])]
        paths["/cooperation-agreements/{id}/violations"] = ["get": operation(
            "cooperationAgreementViolations", "One agreement checked against the negative list", tag: "market",
            parameters: [idParameter],
            responses: ["200": jsonResponse("Finding", ref("Finding")), "401": problem, "404": problem])]

        let string: Object = ["type": "string"], integer: Object = ["type": "integer"]
        func object(_ required: [String], _ properties: Object) -> Object {
            ["type": "object", "additionalProperties": false, "required": required, "properties": properties]
        }
        schemas["Quantity"] = object(["exact", "value"], ["exact": ["type": "string", "description": "Exact fraction, n or n/d"], "value": ["type": "number"]])
        schemas["GapTable"] = object(["dimension", "years", "rows", "unmappedGraduates", "unmappedPrograms"], [
            "dimension": string, "year": integer, "years": ["type": "array", "items": integer],
            "unmappedGraduates": integer, "unmappedPrograms": ["type": "array", "items": string],
            "rows": ["type": "array", "items": object(["key", "label", "year", "demand", "supply", "gap", "trend"], [
                "key": string, "label": string, "year": integer, "demand": integer, "supply": ref("Quantity"), "gap": ref("Quantity"),
                "ratio": ref("Quantity"), "gapChange": ref("Quantity"),
                "trend": ["type": "array", "items": object(["year", "demand", "supply"], ["year": integer, "demand": integer, "supply": ref("Quantity")])],
            ])],
        ])
        schemas["SkillGaps"] = object(["items"], [
            "year": integer, "occupation": string, "districtCode": string,
            "items": ["type": "array", "items": object(["skill", "demanded", "taught", "gap"], ["skill": string, "demanded": integer, "taught": integer, "gap": integer])],
        ])
        schemas["SignalDecision"] = object(["catalogCode", "programName", "signal", "signalZh", "reasonZh", "reasonEn", "market"], [
            "catalogCode": string, "programName": string, "signal": ["type": "string", "enum": AdjustmentSignal.allCases.map(\.rawValue)],
            "signalZh": string, "reasonZh": string, "reasonEn": string,
            "market": object(["occupationGroups", "demand", "supply", "gap"], [
                "occupationGroups": ["type": "array", "items": string], "demand": integer, "supply": ref("Quantity"), "gap": ref("Quantity"),
                "ratio": ref("Quantity"), "previousRatio": ref("Quantity"),
            ]),
        ])
        schemas["Signals"] = object(["policy", "city", "programs"], [
            "year": integer,
            "policy": object(["expandRatio", "shrinkRatio", "minimumGap"], ["expandRatio": ref("Quantity"), "shrinkRatio": ref("Quantity"), "minimumGap": integer]),
            "city": ["type": "array", "items": ref("SignalDecision")],
            "programs": ["type": "array", "items": object(["institutionCode", "year", "enrolled", "graduated", "decision"], [
                "institutionCode": string, "year": integer, "enrolled": integer, "graduated": integer, "shareOfSupply": ref("Quantity"), "decision": ref("SignalDecision"),
            ])],
        ])
        schemas["Openings"] = object(["city", "suggestions"], [
            "year": integer, "institutionCode": string,
            "city": ["type": "array", "items": object(["occupationGroup", "occupationName", "demand", "supply", "programs"], [
                "occupationGroup": string, "occupationName": string, "demand": integer, "supply": ref("Quantity"), "programs": ["type": "array", "items": string],
            ])],
            "suggestions": ["type": "array", "items": object(["catalogCode", "programName", "occupationGroup", "demand", "supply", "reasonZh", "reasonEn"], [
                "catalogCode": string, "programName": string, "occupationGroup": string, "demand": integer, "supply": ref("Quantity"), "reasonZh": string, "reasonEn": string,
            ])],
        ])
        schemas["SearchResults"] = object(["query", "demands", "programs"], [
            "query": string,
            "demands": ["type": "array", "items": object(["id", "title", "enterpriseCode", "occupationCode", "occupationName", "headcount", "districtCode", "periodStart"], [
                "id": uuid, "title": string, "enterpriseCode": string, "occupationCode": string, "occupationName": string, "skills": string,
                "headcount": integer, "districtCode": string, "periodStart": string,
            ])],
            "programs": ["type": "array", "items": object(["id", "institutionCode", "catalogCode", "name"], [
                "id": uuid, "institutionCode": string, "catalogCode": string, "name": string, "skillsTaught": string,
            ])],
        ])
        schemas["Finding"] = object(["agreementId", "institutionCode", "enterpriseCode", "kind", "title", "violations"], [
            "agreementId": uuid, "institutionCode": string, "enterpriseCode": string, "kind": string, "title": string,
            "violations": ["type": "array", "items": object(["ruleCode", "ruleDescription", "term", "field", "excerpt"], [
                "ruleCode": string, "ruleDescription": string, "basis": string, "term": string, "field": ["type": "string", "enum": ["title", "terms"]], "excerpt": string,
            ])],
        ])
        schemas["Findings"] = object(["rules", "items"], ["rules": integer, "items": ["type": "array", "items": ref("Finding")]])
    }
}
