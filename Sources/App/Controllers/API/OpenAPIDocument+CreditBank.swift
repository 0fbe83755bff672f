import CreditBank
import Foundation
import Registry

/// The credit-bank endpoints of the OpenAPI document.
extension OpenAPIDocument {
    static func addCreditBank(paths: inout Object, schemas: inout Object) {
        let string: Object = ["type": "string"], integer: Object = ["type": "integer"], boolean: Object = ["type": "boolean"]
        let uuid: Object = ["type": "string", "format": "uuid"]
        let credits: Object = ["type": "string", "pattern": "^[0-9]+(\\.[0-9])?$", "description": "Credits, at most one decimal"]
        func object(_ required: [String], _ properties: Object) -> Object {
            ["type": "object", "additionalProperties": false, "required": required, "properties": properties]
        }
        func array(_ items: Object) -> Object { ["type": "array", "items": items] }
        let learnerID: Object = ["name": "id", "in": "path", "required": true, "schema": uuid]
        let tag = "credit-bank"

        paths["/credit-bank/frameworks"] = ["get": operation(
            "creditFrameworks", "Qualifications frameworks (Guangdong, Hong Kong, Macau, national levels) and the level alignment in force", tag: tag,
            responses: ["200": jsonResponse("Frameworks", object(["frameworks", "alignment", "hub"], ["frameworks": array(ref("Framework")), "alignment": ref("LevelAlignment"), "hub": string])), "401": problem])]
        paths["/credit-bank/alignment"] = ["put": operation(
            "replaceCreditAlignment", "Replace the level alignment (city); refused if a conversion could rise in level", tag: tag, body: ref("LevelAlignment"),
            responses: ["200": jsonResponse("Alignment", ref("LevelAlignment")), "400": problem, "401": problem, "403": problem, "422": problem])]
        paths["/credit-bank/learners"] = ["post": operation(
            "createCreditLearner", "Open a learner account: one per identity document (身份证, HKID, Macau ID, 港澳居民来往内地通行证); same name and birth date under another document is flagged", tag: tag,
            body: object(["name", "documentKind", "idNumber"], ["name": ["type": "string", "maxLength": 50], "documentKind": ["type": "string", "enum": IdentityDocumentKind.allCases.map(\.rawValue)],
                                                                "idNumber": ["type": "string", "maxLength": 24], "birthDate": ["type": "string", "format": "date"]]),
            responses: ["201": jsonResponse("Created", object(["learner", "possibleDuplicates"], ["learner": ref("CreditLearner"), "possibleDuplicates": array(ref("CreditLearner"))])),
                        "400": problem, "401": problem, "403": problem, "409": problem, "422": problem])]
        paths["/credit-bank/learners/{id}"] = ["get": operation(
            "creditAccount", "A learner's account rebuilt from the ledger: credits by level, field and source; units; outcomes and their decisions", tag: tag, parameters: [learnerID],
            responses: ["200": jsonResponse("Account", ref("CreditAccount")), "401": problem, "403": problem, "404": problem])]
        paths["/credit-bank/learners/{id}/outcomes"] = ["post": operation(
            "submitCreditOutcome", "Submit a learning outcome (the learner, a school or the city); a rule recognises it at once where one applies", tag: tag, parameters: [learnerID],
            body: ref("OutcomeInput"),
            responses: ["201": jsonResponse("Submitted", object(["outcomeId", "decision"], ["outcomeId": uuid, "decision": ref("RecognitionDecision")])),
                        "400": problem, "401": problem, "403": problem, "404": problem, "422": problem])]
        paths["/credit-bank/learners/{id}/transfer"] = ["get": operation(
            "creditTransfer", "What would transfer into program P at institution S: each credit traced to its unit, outcome and rule; each refusal with its reason", tag: tag,
            parameters: [learnerID, ["name": "institution", "in": "query", "required": true, "schema": ["type": "string", "maxLength": 20]],
                         ["name": "program", "in": "query", "required": true, "schema": ["type": "string", "maxLength": 20]]],
            responses: ["200": jsonResponse("Plan", ref("TransferPlan")), "401": problem, "403": problem, "404": problem, "422": problem])]
        paths["/credit-bank/learners/{id}/awards"] = ["get": operation(
            "creditAwards", "Each qualification: eligible, or the exact list of what is missing", tag: tag, parameters: [learnerID],
            responses: ["200": jsonResponse("Awards", array(object(["qualification", "nameZh", "nameEn", "eligible", "missing"], [
                "qualification": string, "nameZh": string, "nameEn": string, "eligible": boolean,
                "missing": array(object(["textZh", "textEn"], ["textZh": string, "textEn": string])),
            ]))), "401": problem, "403": problem, "404": problem])]
        paths["/credit-bank/outcomes/import"] = ["post": operation(
            "importCreditOutcomes", "An issuer pushes outcomes in bulk; all or nothing, errors by row", tag: tag,
            body: object(["outcomes"], ["outcomes": ["type": "array", "minItems": 1, "maxItems": 10_000, "items": ref("OutcomeInput")]]),
            responses: ["200": jsonResponse("Imported", object(["imported", "recognised", "needsReview", "rejected"], ["imported": integer, "recognised": integer, "needsReview": integer, "rejected": integer])),
                        "400": problem, "401": problem, "403": problem, "413": problem, "422": problem])]
        paths["/credit-bank/outcomes/{id}/evidence"] = ["get": operation(
            "creditOutcomeEvidence", "An outcome's evidence file, with its SHA-256 in X-Content-SHA256", tag: tag, parameters: [idParameter],
            responses: ["200": ["description": "The file", "content": ["*/*": ["schema": ["type": "string", "format": "binary"]]]], "401": problem, "403": problem, "404": problem])]
        paths["/credit-bank/reviews"] = ["get": operation(
            "creditReviews", "The reviewers' queue: outcomes no rule decided and those waiting for evidence", tag: tag,
            responses: ["200": jsonResponse("Queue", array(object(["outcomeId", "learnerId", "learnerName", "kind", "title", "issuer", "status", "submittedAt", "hasEvidence"], [
                "outcomeId": uuid, "learnerId": uuid, "learnerName": string, "kind": string, "title": string, "issuer": string, "status": string,
                "submittedAt": ["type": "string", "format": "date-time"],
                "hasEvidence": ["type": "boolean", "description": "an evidence file is attached (GET /credit-bank/outcomes/{id}/evidence)"],
            ]))), "401": problem, "403": problem])]
        paths["/credit-bank/outcomes/{id}/decision"] = ["post": operation(
            "decideCreditOutcome", "A reviewer recognises (with units, never above the outcome's level), rejects or asks for evidence, with a reason; appended to the ledger", tag: tag,
            parameters: [idParameter],
            body: object(["verdict", "reasonZh"], [
                "verdict": ["type": "string", "enum": ["recognised", "rejected", "evidence_requested"]], "reasonZh": ["type": "string", "maxLength": 500], "reasonEn": string,
                "units": ["type": "array", "maxItems": 20, "items": object(["unitCode", "credits", "hubLevel"], ["unitCode": ["type": "string", "maxLength": 40], "credits": credits,
                                                                                                                "hubLevel": ["type": "integer", "minimum": 1, "maximum": 7], "field": string])],
            ]),
            responses: ["200": jsonResponse("Decision", ref("RecognitionDecision")), "400": problem, "401": problem, "403": problem, "404": problem,
                        "409": problem,
                        "422": problem])]
        paths["/credit-bank/outcomes/{id}/reversal"] = ["post": operation(
            "reverseCreditDecision",
            "Reverse the final decision (recognised or rejected) in force on an outcome, with a reason (city administrator, never the user who made the decision): a ledger event with its audit row in one transaction; a recognition's units leave the account and the outcome returns to the reviewers' queue for a fresh decision. Of concurrent reversals of one decision exactly one succeeds",
            tag: tag, parameters: [idParameter],
            body: object(["reason"], [
                "reason": ["type": "string", "minLength": DecisionReversal.minimumReason, "maxLength": DecisionReversal.maximumReason],
                "reasonEn": ["type": "string", "maxLength": DecisionReversal.maximumReason],
                "decisionSequence": ["type": "integer", "description": "The ledger sequence of the decision to reverse; when another decision is in force by now, nothing is reversed (409)"],
            ]),
            responses: ["200": jsonResponse("Reversed", object(["outcomeId", "learnerId", "reversedSequence", "reversedVerdict", "creditsRemoved", "status", "reasonZh", "reasonEn", "reversedBy"], [
                "outcomeId": uuid, "learnerId": uuid, "reversedSequence": integer, "reversedVerdict": ["type": "string", "enum": ["recognised", "rejected"]],
                "creditsRemoved": credits, "status": ["type": "string", "enum": ["needs_review"]], "reasonZh": string, "reasonEn": string, "reversedBy": string,
            ])),
                        "400": problem, "401": problem, "403": problem, "404": problem,
                        "409": problem,
                        "422": problem])]
        paths["/credit-bank/awards/evaluate"] = ["post": operation(
            "evaluateCreditAwards", "Every learner against every qualification (city)", tag: tag,
            responses: ["200": jsonResponse("Counts", object(["learners", "qualifications"], ["learners": integer,
                                                                                            "qualifications": array(object(["qualification", "eligible"], ["qualification": string, "eligible": integer]))])),
                        "401": problem, "403": problem])]
        paths["/credit-bank/ledger/verify"] = ["get": operation(
            "verifyCreditLedger", "Replay the whole ledger and compare every outcome's status with the stored one (city)", tag: tag,
            responses: ["200": jsonResponse("Check", object(["entries", "learners", "outcomes", "mismatches"], ["entries": integer, "learners": integer, "outcomes": integer, "mismatches": array(string)])),
                        "401": problem, "403": problem])]
        let kind: Object = ["name": "kind", "in": "path", "required": true, "schema": ["type": "string", "enum": ["recognition", "qualification", "conversion", "program_limit"]]]
        paths["/credit-bank/rules/{kind}"] = ["get": operation(
            "creditRules", "Rule documents of a kind, as stored", tag: tag, parameters: [kind],
            responses: ["200": jsonResponse("Rules", array(["type": "object"])), "401": problem, "422": problem])]
        paths["/credit-bank/rules/{kind}/{code}"] = ["put": operation(
            "putCreditRule", "Create or replace one rule document (city); the body must decode as the engine's own type and carry the path's code", tag: tag,
            parameters: [kind, ["name": "code", "in": "path", "required": true, "schema": ["type": "string", "minLength": 1, "maxLength": 60]]],
            body: ["type": "object", "description": "A recognition rule may carry periodCap {\"credits\": \"10\", \"period\": \"calendar_year\"}: at most that much credit from the rule per learner per calendar year of the outcomes' dates (0.1 to 1,000); automatic and reviewed recognitions are cut to what it leaves"],
            responses: ["204": ["description": "Stored"], "400": problem, "401": problem, "403": problem, "422": problem])]

        let session: Object = ["name": "id", "in": "path", "required": true, "schema": uuid]
        paths["/credit-bank/assessments"] = ["post": operation(
            "createAssessmentSession", "An assessment session of a certification body for one certificate at one level (city, reviewers)", tag: tag,
            body: object(["bodyName", "certificateCode", "title", "levelFramework", "level", "heldOn"], [
                "bodyName": ["type": "string", "maxLength": 100], "certificateCode": ["type": "string", "maxLength": 40], "title": ["type": "string", "maxLength": 200],
                "levelFramework": string, "level": integer, "heldOn": ["type": "string", "format": "date"],
                "validityYears": ["type": "integer", "minimum": 1, "maximum": 20], "theoryMark": ["type": "integer", "minimum": 0, "maximum": 100],
                "practicalMark": ["type": "integer", "minimum": 0, "maximum": 100],
            ]),
            responses: ["201": jsonResponse("Session", ref("AssessmentSession")), "400": problem, "401": problem, "403": problem, "422": problem])]
        paths["/credit-bank/assessments/{id}"] = ["get": operation(
            "assessmentSession", "A session with its candidates and results", tag: tag, parameters: [session],
            responses: ["200": jsonResponse("Session", ref("AssessmentSession")), "401": problem, "403": problem, "404": problem])]
        paths["/credit-bank/assessments/{id}/candidates"] = ["post": operation(
            "addAssessmentCandidates", "Register credit-bank learners (Hong Kong and Macau students included) as candidates; all or nothing", tag: tag, parameters: [session],
            body: object(["learnerIds"], ["learnerIds": ["type": "array", "minItems": 1, "maxItems": 5000, "items": uuid]]),
            responses: ["200": jsonResponse("Session", ref("AssessmentSession")), "400": problem, "401": problem, "403": problem, "404": problem, "422": problem])]
        paths["/credit-bank/assessments/{id}/results"] = ["put": operation(
            "recordAssessmentResults", "Theory and practical scores, once per candidate, all or nothing; a pass issues the certificate into the credit bank", tag: tag, parameters: [session],
            body: object(["results"], ["results": ["type": "array", "minItems": 1, "items": object(["learnerId", "theory", "practical"], [
                "learnerId": uuid, "theory": ["type": "integer", "minimum": 0, "maximum": 100], "practical": ["type": "integer", "minimum": 0, "maximum": 100],
            ])]]),
            responses: ["200": jsonResponse("Session", ref("AssessmentSession")), "400": problem, "401": problem, "403": problem, "404": problem, "422": problem])]
        schemas["AssessmentSession"] = object(["id", "bodyName", "certificateCode", "title", "levelFramework", "level", "heldOn", "theoryMark", "practicalMark", "candidates"], [
            "id": uuid, "bodyName": string, "certificateCode": string, "title": string, "levelFramework": string, "level": integer, "heldOn": string,
            "validityYears": integer, "theoryMark": integer, "practicalMark": integer,
            "candidates": array(object(["learnerId", "name", "region"], [
                "learnerId": uuid, "name": string, "region": string, "theory": integer, "practical": integer, "passed": boolean, "outcomeId": uuid,
            ])),
        ])
        schemas["Framework"] = object(["id", "nameZh", "nameEn", "levels", "source"], [
            "id": string, "nameZh": string, "nameEn": string, "hoursPerCredit": integer, "source": string,
            "levels": array(object(["number", "titleZh", "titleEn"], ["number": integer, "titleZh": string, "titleEn": string, "descriptorZh": string, "descriptorEn": string])),
        ])
        schemas["LevelAlignment"] = object(["pairs"], ["pairs": array(object(["level", "hubLevel"], [
            "level": object(["framework", "level"], ["framework": string, "level": integer]), "hubLevel": integer,
        ]))])
        schemas["CreditLearner"] = object(["id", "name", "documentKind", "idNumber", "region"], [
            "id": uuid, "name": string, "documentKind": string, "idNumber": ["type": "string", "description": "Masked"], "birthDate": string, "region": string,
        ])
        let unit = object(["id", "outcomeID", "unitCode", "credits", "hubLevel", "source", "awardedOn"], [
            "id": string, "outcomeID": uuid, "unitCode": string, "credits": credits, "hubLevel": integer, "field": string, "source": string,
            "awardedOn": string, "validUntil": string,
        ])
        schemas["RecognitionDecision"] = object(["outcomeID", "verdict", "units", "alsoApplicable", "reasonZh", "reasonEn"], [
            "outcomeID": uuid, "verdict": ["type": "string", "enum": ["recognised", "rejected", "needs_review", "evidence_requested"]], "units": array(unit),
            "ruleID": string, "alsoApplicable": array(string), "reasonZh": string, "reasonEn": string,
        ])
        let amount = object(["key", "credits"], ["key": string, "credits": credits])
        schemas["CreditAccount"] = object(["learner", "totalCredits", "byLevel", "byField", "bySource", "units", "outcomes"], [
            "learner": ref("CreditLearner"), "totalCredits": credits, "byLevel": array(amount), "byField": array(amount), "bySource": array(amount),
            "units": array(object(["id", "outcomeId", "unitCode", "credits", "hubLevel", "source", "awardedOn", "used"], [
                "id": string, "outcomeId": uuid, "unitCode": string, "credits": credits, "hubLevel": integer, "field": string, "source": string, "awardedOn": string, "used": boolean,
            ])),
            "outcomes": array(object(["id", "kind", "title", "issuer", "awardedOn", "status"], [
                "id": uuid, "kind": string, "title": string, "issuer": string, "awardedOn": string, "status": string, "reasonZh": string, "reasonEn": string, "ruleId": string, "evidenceSHA256": string,
            ])),
        ])
        schemas["OutcomeInput"] = object(["kind", "title", "awardedOn"], [
            "learnerId": uuid, "kind": ["type": "string", "enum": OutcomeKind.allCases.map(\.rawValue)], "issuer": ["type": "string", "maxLength": 100],
            "title": ["type": "string", "maxLength": 200], "code": ["type": "string", "maxLength": 40], "levelFramework": string, "level": integer, "credits": credits,
            "hours": ["type": "integer", "minimum": 0, "maximum": 100_000], "score": ["type": "integer", "minimum": 0, "maximum": 1000],
            "awardedOn": ["type": "string", "format": "date"], "validUntil": ["type": "string", "format": "date"], "field": ["type": "string", "maxLength": 20],
            "evidenceSHA256": ["type": "string", "pattern": "^[0-9a-fA-F]{64}$"],
            "evidence": object(["fileName", "contentType", "contentBase64"], ["fileName": string, "contentType": string, "contentBase64": string]),
        ])
        schemas["TransferPlan"] = object(["institution", "program", "cap", "total", "items", "refusals"], [
            "institution": string, "program": string, "cap": credits, "total": credits,
            "items": array(object(["unitId", "outcomeId", "ruleId", "credits"], ["unitId": string, "outcomeId": uuid, "ruleId": string, "exemptsCourse": string, "credits": credits])),
            "refusals": array(object(["unitId", "reasonZh", "reasonEn"], ["unitId": string, "ruleId": string, "reasonZh": string, "reasonEn": string])),
        ])
    }
}
