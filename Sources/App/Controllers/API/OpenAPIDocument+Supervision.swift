import Foundation
import Indicators

/// The supervision, work-list and funding endpoints of the OpenAPI document.
extension OpenAPIDocument {
    static func addSupervision(paths: inout Object, schemas: inout Object) {
        let string: Object = ["type": "string"], integer: Object = ["type": "integer"], boolean: Object = ["type": "boolean"], number: Object = ["type": "number"]
        let dateTime: Object = ["type": "string", "format": "date-time"]
        let fen: Object = ["type": "integer", "minimum": 0, "maximum": Money.maximum]
        func object(_ required: [String], _ properties: Object) -> Object {
            ["type": "object", "additionalProperties": false, "required": required, "properties": properties]
        }
        func array(_ items: Object) -> Object { ["type": "array", "items": items] }
        let quarter: Object = ["type": "string", "pattern": "^[0-9]{4}-?[Qq][1-4]$"]
        let level: Object = ["name": "level", "in": "query", "required": false, "schema": ["type": "string", "enum": IndicatorLevel.allCases.map(\.rawValue)], "description": "school, district or city (default)"]
        let code: Object = ["name": "code", "in": "query", "required": false, "schema": ["type": "string", "maxLength": 20], "description": "Institution or district code, for a school or a district"]
        let period: Object = ["name": "period", "in": "query", "required": false, "schema": quarter, "description": "Quarter such as 2026Q3; default this quarter (measured live)"]
        let format: Object = ["name": "format", "in": "query", "required": false, "schema": ["type": "string", "enum": ["json", "csv", "xlsx"]]]
        func download(_ description: String, _ schema: Object) -> Object {
            ["description": description, "content": [
                "application/json": ["schema": schema],
                "text/csv": ["schema": string],
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["schema": ["type": "string", "format": "binary"]],
            ]]
        }
        let taskID: Object = ["name": "id", "in": "path", "required": true, "schema": ["type": "string", "maxLength": 4], "description": "Task reference: M1–M5, P1–P8, C1–C54"]

        paths["/supervision/indicators"] = ["get": operation(
            "supervisionIndicators", "The indicator catalogue: every quantitative target of the policy with its clause, formula, target and deadline", tag: "supervision",
            responses: ["200": jsonResponse("Indicators", array(ref("Indicator"))), "401": problem])]
        paths["/supervision/dashboard"] = ["get": operation(
            "supervisionDashboard", "Every indicator judged for the city, a district or a school in a quarter (live for this quarter, from the snapshot for earlier ones); CSV or XLSX with format", tag: "supervision",
            parameters: [level, code, period, format],
            responses: ["200": download("Dashboard", ref("Dashboard")), "401": problem, "403": problem, "404": problem, "422": problem])]
        paths["/supervision/indicators/{id}/rows"] = ["get": operation(
            "supervisionRows", "The rows behind one indicator's number, each with what it adds to the numerator and denominator", tag: "supervision",
            parameters: [["name": "id", "in": "path", "required": true, "schema": ["type": "string", "maxLength": 60]], level, code, period, format,
                         ["name": "short", "in": "query", "required": false, "schema": ["type": "string", "enum": ["0", "1"]],
                          "description": "1: only the rows, and schools, that count against the target (the XLSX also gets a 按学校 sheet)"]],
            responses: ["200": download("Rows", ref("DrillDown")), "401": problem, "403": problem, "404": problem, "422": problem])]
        paths["/supervision/periods"] = ["get": operation(
            "supervisionPeriods", "This quarter and the quarters with a snapshot", tag: "supervision",
            responses: ["200": jsonResponse("Periods", object(["current", "snapshots"], ["current": string, "snapshots": array(string)])), "401": problem])]
        paths["/supervision/snapshots"] = ["post": operation(
            "supervisionSnapshot", "Record a quarter's measurements (city administrators); a quarter recorded again is replaced", tag: "supervision",
            body: object([], ["period": quarter]),
            responses: ["200": jsonResponse("Recorded", object(["period", "rows"], ["period": string, "rows": integer])), "400": problem, "401": problem, "403": problem, "422": problem])]
        paths["/supervision/compare"] = ["get": operation(
            "supervisionCompare", "Two quarters side by side for the city, a district or a school", tag: "supervision",
            parameters: [level, code,
                         ["name": "from", "in": "query", "required": true, "schema": quarter],
                         ["name": "to", "in": "query", "required": true, "schema": quarter]],
            responses: ["200": jsonResponse("Comparison", ref("Comparison")), "401": problem, "403": problem, "404": problem, "422": problem])]

        paths["/funding/investment-credit"] = ["post": operation(
            "fundingInvestmentCredit", "30 % of qualifying investment credited against 教育费附加 and 地方教育附加 due, year by year, unused credit carried forward (fen)", tag: "funding",
            body: object(["years"], ["years": ["type": "array", "minItems": 1, "maxItems": 50, "items": object(
                ["investmentFen", "educationSurchargeDueFen", "localEducationSurchargeDueFen"],
                ["investmentFen": fen, "educationSurchargeDueFen": fen, "localEducationSurchargeDueFen": fen])]]),
            responses: ["200": jsonResponse("Credit per year", array(object(
                ["earned", "carriedIn", "appliedToEducationSurcharge", "appliedToLocalEducationSurcharge", "educationSurchargePayable", "localEducationSurchargePayable", "carriedForward"],
                ["earned": integer, "carriedIn": integer, "appliedToEducationSurcharge": integer, "appliedToLocalEducationSurcharge": integer,
                 "educationSurchargePayable": integer, "localEducationSurchargePayable": integer, "carriedForward": integer]))),
                        "400": problem, "401": problem, "422": problem])]
        paths["/funding/training-base-grant"] = ["post": operation(
            "fundingTrainingBaseGrant", "A training base's construction grant: at least ¥10,000 (1,000,000 fen) per place it holds at one time", tag: "funding",
            body: object(["places"], ["places": ["type": "integer", "minimum": 1, "maximum": TrainingBaseGrant.maximumPlaces],
                                      "ratePerPlaceFen": ["type": "integer", "minimum": TrainingBaseGrant.minimumPerPlace, "maximum": TrainingBaseGrant.maximumRate]]),
            responses: ["200": jsonResponse("Grant", object(["places", "ratePerPlace", "grant"], ["places": integer, "ratePerPlace": integer, "grant": integer])),
                        "400": problem, "401": problem, "422": problem])]
        paths["/funding/social-training-pay"] = ["post": operation(
            "fundingSocialTrainingPay", "60 % of net social-training income to performance pay outside the cap (fen)", tag: "funding",
            body: object(["incomeFen", "directCostsFen"], ["incomeFen": fen, "directCostsFen": fen]),
            responses: ["200": jsonResponse("Performance pay", object(["income", "directCosts", "net", "performancePayOutsideCap", "retained"],
                                                                       ["income": integer, "directCosts": integer, "net": integer, "performancePayOutsideCap": integer, "retained": integer])),
                        "400": problem, "401": problem, "422": problem])]
        paths["/funding/investment-plan"] = ["get": operation(
            "fundingInvestmentPlan", "The ¥10 bn plan against the spending on record in the caller's scope", tag: "funding",
            responses: ["200": jsonResponse("Plan", ref("InvestmentPlan")), "401": problem, "403": problem])]

        paths["/work-tasks"] = ["get": operation(
            "workTasks", "The work lists' tasks the caller may see (all for the city, its own for a responsible unit) with their standing", tag: "work-list",
            parameters: [["name": "list", "in": "query", "required": false, "schema": ["type": "string", "enum": PolicyList.allCases.map(\.rawValue)]],
                         ["name": "standing", "in": "query", "required": false, "schema": ["type": "string", "enum": ["done", "in_progress", "overdue", "stalled", "not_started"]]]],
            responses: ["200": jsonResponse("Tasks", array(ref("WorkTask"))), "401": problem, "403": problem, "422": problem])]
        paths["/work-tasks/{id}"] = ["get": operation(
            "workTask", "One task with its reports and evidence", tag: "work-list", parameters: [taskID],
            responses: ["200": jsonResponse("Task", ref("WorkTask")), "401": problem, "403": problem, "404": problem])]
        paths["/work-tasks/{id}/reports"] = ["post": operation(
            "reportWorkTask", "Report progress on a task (its units; the city names the unit), with up to five evidence files, base64", tag: "work-list",
            parameters: [taskID],
            body: object(["text", "percent"], [
                "text": ["type": "string", "maxLength": 4000], "percent": ["type": "integer", "minimum": 0, "maximum": 100], "unit": string,
                "evidence": ["type": "array", "maxItems": 5, "items": object(["fileName", "contentType", "contentBase64"], ["fileName": string, "contentType": string, "contentBase64": string])],
            ]),
            responses: ["201": jsonResponse("Created", object(["id"], ["id": ["type": "string", "format": "uuid"]])), "400": problem, "401": problem, "403": problem, "404": problem, "422": problem])]
        paths["/work-reports/{id}/review"] = ["post": operation(
            "reviewWorkReport", "The city accepts or returns a pending report (a reason is required to return)", tag: "work-list",
            parameters: [idParameter],
            body: object(["decision"], ["decision": ["type": "string", "enum": ["accepted", "returned"]], "comment": ["type": "string", "maxLength": 2000]]),
            responses: ["200": jsonResponse("Report", ref("WorkReport")), "400": problem, "401": problem, "403": problem, "404": problem, "409": problem, "422": problem])]
        paths["/work-reports/{id}/evidence/{evidenceId}"] = ["get": operation(
            "workReportEvidence", "An evidence file, with its SHA-256 in X-Content-SHA256", tag: "work-list",
            parameters: [idParameter, ["name": "evidenceId", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]],
            responses: ["200": ["description": "The file", "content": ["*/*": ["schema": ["type": "string", "format": "binary"]]]], "401": problem, "403": problem, "404": problem])]

        schemas["IndicatorTarget"] = object(["kind"], [
            "kind": ["type": "string", "enum": ["at_least_share", "all", "at_least", "range", "about", "at_least_amount"]],
            "share": string, "count": integer, "min": integer, "max": integer, "fen": integer,
        ])
        schemas["Indicator"] = object(["id", "nameZh", "nameEn", "clause", "quote", "measure", "formulaZh", "formulaEn", "unit", "target", "targetZh", "targetEn", "cadence", "levels", "tasks"], [
            "id": string, "nameZh": string, "nameEn": string, "clause": string, "quote": string, "measure": string, "formulaZh": string, "formulaEn": string,
            "unit": ["type": "string", "enum": ["percent", "count", "fen"]], "target": ref("IndicatorTarget"), "targetZh": string, "targetEn": string,
            "cadence": ["type": "string", "enum": ["once", "yearly"]], "deadline": string, "levels": array(string), "tasks": array(string),
        ])
        let evaluation = object(["indicator", "nameZh", "nameEn", "clause", "unit", "targetZh", "targetEn", "status", "aboveRange", "trend"], [
            "indicator": string, "nameZh": string, "nameEn": string, "clause": string, "unit": string, "targetZh": string, "targetEn": string,
            "numerator": integer, "denominator": integer, "value": ref("Quantity"),
            "status": ["type": "string", "enum": IndicatorStatus.allCases.map(\.rawValue)], "gap": ref("Quantity"), "deadline": string,
            "projectedAtDeadline": number, "slopePerQuarter": number, "reachedByDeadline": boolean, "aboveRange": boolean,
            "trend": array(object(["period", "value"], ["period": string, "value": ref("Quantity")])),
        ])
        schemas["Evaluation"] = evaluation
        schemas["Dashboard"] = object(["level", "code", "name", "period", "live", "statusCounts", "indicators"], [
            "level": string, "code": string, "name": string, "period": string, "live": boolean,
            "statusCounts": ["type": "object", "additionalProperties": integer], "indicators": array(ref("Evaluation")),
        ])
        schemas["DrillDown"] = object(["indicator", "level", "code", "period", "columns", "numerator", "rows"], [
            "indicator": string, "level": string, "code": string, "period": string, "columns": array(string), "numerator": integer, "denominator": integer,
            "rows": array(object(["cells", "numerator", "short"], ["cells": array(string), "numerator": integer, "denominator": integer, "short": boolean])),
            "schools": array(object(["code", "name", "district", "numerator", "short"], [
                "code": string, "name": string, "district": string, "numerator": integer, "denominator": integer,
                "value": ref("Quantity"), "gap": ref("Quantity"), "short": boolean,
            ])),
        ])
        schemas["Comparison"] = object(["level", "code", "from", "to", "indicators"], [
            "level": string, "code": string, "from": string, "to": string,
            "indicators": array(object(["indicator", "nameZh", "nameEn", "from", "to", "statusChanged"], [
                "indicator": string, "nameZh": string, "nameEn": string, "from": ref("Evaluation"), "to": ref("Evaluation"), "change": ref("Quantity"), "statusChanged": boolean,
            ])),
        ])
        schemas["InvestmentPlan"] = object(["plannedFen", "planYear", "cumulativeFen", "byPlanYearFen", "metByPlanYear", "share", "remainingFen", "years"], [
            "plannedFen": integer, "planYear": integer, "cumulativeFen": integer, "byPlanYearFen": integer, "metByPlanYear": boolean, "share": ref("Quantity"),
            "remainingFen": integer, "years": array(object(["year", "spentFen", "cumulativeFen"], ["year": integer, "spentFen": integer, "cumulativeFen": integer])),
        ])
        schemas["WorkReport"] = object(["id", "taskId", "unit", "text", "percent", "submittedAt", "review", "evidence"], [
            "id": ["type": "string", "format": "uuid"], "taskId": string, "unit": string, "text": string, "percent": integer, "submittedAt": dateTime,
            "review": ["type": "string", "enum": ["pending", "accepted", "returned"]], "reviewComment": string, "reviewedAt": dateTime,
            "evidence": array(object(["id", "fileName", "contentType", "sha256", "size"], [
                "id": ["type": "string", "format": "uuid"], "fileName": string, "contentType": string, "sha256": string, "size": integer,
            ])),
        ])
        schemas["WorkTask"] = object(["id", "list", "number", "content", "units", "lead", "indicators", "deadline", "yearly", "standing", "pendingReviews"], [
            "id": string, "list": string, "number": integer, "content": string, "units": array(string), "lead": string, "indicators": array(string),
            "deadline": string, "yearly": boolean, "standing": string, "acceptedPercent": integer, "lastReportAt": dateTime, "pendingReviews": integer,
            "reports": array(ref("WorkReport")),
        ])
    }
}
