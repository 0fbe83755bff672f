@testable import App
import CreditBank
import Foundation
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite("Credit bank: accounts, recognition, review, ledger replay, transfer, awards")
struct CreditBankAppTests {
    func request(_ app: Application, _ method: HTTPMethod, _ path: String, _ token: String, json body: String? = nil) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: .bearer(token), beforeRequest: { req in
            if let body {
                req.headers.contentType = .json
                req.body = ByteBuffer(string: body)
            }
        }, afterResponse: { result = $0 })
        return try #require(result)
    }

    /// The demo rules and qualifications, stored through the API.
    func loadRules(_ app: Application, _ city: String) async throws {
        let encoder = JSONEncoder()
        for rule in DemoCreditBank.rules {
            let res = try await request(app, .PUT, "api/v1/credit-bank/rules/recognition/\(rule.id)", city, json: String(decoding: try encoder.encode(rule), as: UTF8.self))
            #expect(res.status == .noContent, "\(bodyString(res))")
        }
        for q in DemoCreditBank.qualifications {
            let res = try await request(app, .PUT, "api/v1/credit-bank/rules/qualification/\(q.id)", city, json: String(decoding: try encoder.encode(q), as: UTF8.self))
            #expect(res.status == .noContent)
        }
    }

    func createLearner(_ app: Application, _ token: String, name: String, kind: String, number: String, birth: String? = nil) async throws -> TestingHTTPResponse {
        let birthJSON = birth.map { ",\"birthDate\":\"\($0)\"" } ?? ""
        return try await request(app, .POST, "api/v1/credit-bank/learners", token, json: "{\"name\":\"\(name)\",\"documentKind\":\"\(kind)\",\"idNumber\":\"\(number)\"\(birthJSON)}")
    }

    @Test func oneAccountPerPersonWithDuplicatesFlagged() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin)
            let created = try await createLearner(app, city, name: "陳嘉欣", kind: "hong_kong_id", number: "A123456(3)", birth: "2004-03-12")
            #expect(created.status == .created)
            let body = try created.content.decode(CreditBankAPIController.CreatedLearner.self)
            #expect(body.learner.idNumber.contains("*") && body.learner.region == "hong_kong" && body.possibleDuplicates.isEmpty)
            // The same document again: refused.
            #expect(try await createLearner(app, city, name: "陳嘉欣", kind: "hong_kong_id", number: "a123456(3)").status == .conflict)
            // The same person on a travel permit: allowed, but flagged as a possible duplicate.
            let permit = try await createLearner(app, city, name: "陳嘉欣", kind: "home_return_permit", number: "H12345678", birth: "2004-03-12")
            #expect(try permit.content.decode(CreditBankAPIController.CreatedLearner.self).possibleDuplicates.map(\.id) == [body.learner.id])
            // Bad input names the field; nothing stored.
            let bad = try await createLearner(app, city, name: " ", kind: "home_return_permit", number: "X1")
            #expect(bad.status == .unprocessableEntity && bodyString(bad).contains("\"name\"") && bodyString(bad).contains("\"idNumber\""))
            #expect(try await app.count("credit_learners") == 2)
            #expect(try await createLearner(app, f.token(.teacher), name: "x", kind: "hong_kong_id", number: "A123456(3)").status == .forbidden)
        }
    }

    @Test func outcomesAreRecognisedByRuleOrQueuedAndTheLedgerReplays() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin), reviewer = f.token(.creditReviewer)
            try await loadRules(app, city)
            let learner = try await createLearner(app, city, name: "梁浩然", kind: "macau_id", number: "1234567(8)", birth: "2003-08-30")
            let id = try learner.content.decode(CreditBankAPIController.CreatedLearner.self).learner.id
            func submit(_ json: String) async throws -> CreditBankAPIController.Submitted {
                let res = try await request(app, .POST, "api/v1/credit-bank/learners/\(id)/outcomes", city, json: json)
                #expect(res.status == .created, "\(bodyString(res))")
                return try res.content.decode(CreditBankAPIController.Submitted.self)
            }
            // A certificate: two units by rule. Training: 54 h ÷ 18 = 3 credits. A score under 80: rejected.
            let cert = try await submit(#"{"kind":"skill_level_certificate","issuer":"考试中心","title":"Web前端（中级）","code":"1X-WEB-M","levelFramework":"gd-lqf","level":4,"awardedOn":"2025-06-30","validUntil":"2028-06-30"}"#)
            #expect(cert.decision.verdict == .recognised && cert.decision.ruleID == "R-1X-WEB" && cert.decision.units.count == 2)
            let training = try await submit(#"{"kind":"non_degree_training","issuer":"澳门理工大学","title":"云运维","hours":54,"awardedOn":"2025-12-20"}"#)
            #expect(training.decision.units.first?.credits == Credits(3))
            let low = try await submit(#"{"kind":"competition_award","issuer":"省人社厅","title":"大赛","code":"GD-SKILLS","score":72,"awardedOn":"2026-05-18"}"#)
            #expect(low.decision.verdict == .rejected && low.decision.reasonZh.contains("72"))
            // An expired certificate: rejected. Work experience: no rule, to the reviewers.
            let expired = try await submit(#"{"kind":"skill_level_certificate","issuer":"考试中心","title":"旧证","code":"1X-WEB-M","awardedOn":"2019-06-30","validUntil":"2022-06-30"}"#)
            #expect(expired.decision.verdict == .rejected && expired.decision.reasonEn.contains("expired"))
            let work = try await submit(#"{"kind":"work_experience","issuer":"某公司","title":"实习","hours":960,"awardedOn":"2026-08-31","levelFramework":"mo-he","level":1}"#)
            #expect(work.decision.verdict == .needsReview)
            // Bad input: every field named.
            let bad = try await request(app, .POST, "api/v1/credit-bank/learners/\(id)/outcomes", city,
                                        json: #"{"kind":"rumour","title":"","awardedOn":"2099-01-01","credits":"1.25","levelFramework":"hkqf","level":9,"evidenceSHA256":"xyz"}"#)
            for field in ["kind", "title", "issuer", "awardedOn", "credits", "level", "evidenceSHA256"] { #expect(bodyString(bad).contains("\"\(field)\""), "\(field)") }

            // The queue; a reviewer asks for evidence, then recognises 2 credits — not above the
            // outcome's own level (Macau 副学士 ↔ hub 4).
            let queue = try await request(app, .GET, "api/v1/credit-bank/reviews", reviewer)
            #expect(try queue.content.decode([CreditBankAPIController.QueueItem].self).map(\.outcomeId) == [work.outcomeId])
            let ask = try await request(app, .POST, "api/v1/credit-bank/outcomes/\(work.outcomeId)/decision", reviewer, json: #"{"verdict":"evidence_requested","reasonZh":"请补充实习证明"}"#)
            #expect(ask.status == .ok)
            let tooHigh = try await request(app, .POST, "api/v1/credit-bank/outcomes/\(work.outcomeId)/decision", reviewer,
                                            json: #"{"verdict":"recognised","reasonZh":"通过","units":[{"unitCode":"WORK","credits":"2","hubLevel":5}]}"#)
            #expect(tooHigh.status == .unprocessableEntity && bodyString(tooHigh).contains("units[0].hubLevel"))
            let accept = try await request(app, .POST, "api/v1/credit-bank/outcomes/\(work.outcomeId)/decision", reviewer,
                                           json: #"{"verdict":"recognised","reasonZh":"实习证明齐全","units":[{"unitCode":"WORK","credits":"2","hubLevel":4}]}"#)
            #expect(accept.status == .ok)
            #expect(try await request(app, .POST, "api/v1/credit-bank/outcomes/\(work.outcomeId)/decision", f.token(.teacher), json: #"{"verdict":"rejected","reasonZh":"x"}"#).status == .forbidden)

            // The account: 4 + 2 + 3 + 2 = 11 credits; by level 3: 3, level 4: 8.
            let account = try await request(app, .GET, "api/v1/credit-bank/learners/\(id)", reviewer)
            let body = try account.content.decode(CreditBankAPIController.AccountBody.self)
            #expect(body.totalCredits == "11")
            #expect(body.byLevel.map { "\($0.key):\($0.credits)" } == ["3:3", "4:8"])
            #expect(body.learner.idNumber.contains("*") && !bodyString(account).contains("12345678"))
            // The ledger is append-only: five submissions, five rule decisions, two reviews; replaying it rebuilds exactly what is stored.
            #expect(try await app.count("credit_ledger") == 12)
            let verify = try await request(app, .GET, "api/v1/credit-bank/ledger/verify", city)
            let v = try verify.content.decode(CreditBankAPIController.VerifyBody.self)
            #expect(v.entries == 12 && v.outcomes == 5 && v.mismatches.isEmpty)
            let replayed = try LedgerReplay.accounts(from: try await CreditLedgerStore(sql: app.sql).entries())
            #expect(replayed[id]?.totalCredits == Credits(11))

            // Awards: Q-WEB needs WEB-101, WEB-102, one of COMP/TRAIN, 9 credits, 6 at level 4: met.
            let awards = try await request(app, .GET, "api/v1/credit-bank/learners/\(id)/awards", reviewer)
            let lines = try awards.content.decode([CreditBankAPIController.AwardLine].self)
            #expect(lines.first { $0.qualification == "Q-WEB" }?.eligible == true)
            // Q-DIGITAL: 11 of 20 credits, 8 of 10 at level 4 (WEB-101 4, WEB-102 2, WORK 2); electives TRAIN and WORK held.
            #expect(lines.first { $0.qualification == "Q-DIGITAL" }?.missing.map(\.textEn) == ["total credits 11, 9 short of 20", "credits at level 4 or above 8, 2 short of 10"])
            let bulk = try await request(app, .POST, "api/v1/credit-bank/awards/evaluate", city)
            let counts = Dictionary(uniqueKeysWithValues: try bulk.content.decode(CreditBankAPIController.BulkAwards.self).qualifications.map { ($0.qualification, $0.eligible) })
            #expect(counts == ["Q-WEB": 1, "Q-DIGITAL": 0])
        }
    }

    @Test func transferTracesCreditsAndImportIsAllOrNothing() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin)
            try await loadRules(app, city)
            let learner = try await createLearner(app, city, name: "测试学员", kind: "hong_kong_id", number: "A123456(3)")
            let id = try learner.content.decode(CreditBankAPIController.CreatedLearner.self).learner.id
            // Import: one bad row rejects the lot.
            let bad = try await request(app, .POST, "api/v1/credit-bank/outcomes/import", city, json: """
                {"outcomes":[{"learnerId":"\(id)","kind":"skill_level_certificate","issuer":"考试中心","title":"Web","code":"1X-WEB-M","awardedOn":"2025-06-30"},
                             {"learnerId":"\(UUID())","kind":"online_course","issuer":"x","title":"MOOC","hours":36,"awardedOn":"2025-06-30"}]}
                """)
            #expect(bad.status == .unprocessableEntity && bodyString(bad).contains("learnerId"))
            #expect(try await app.count("credit_ledger") == 0)
            let ok = try await request(app, .POST, "api/v1/credit-bank/outcomes/import", city, json: """
                {"outcomes":[{"learnerId":"\(id)","kind":"skill_level_certificate","issuer":"考试中心","title":"Web","code":"1X-WEB-M","awardedOn":"2025-06-30"},
                             {"learnerId":"\(id)","kind":"online_course","issuer":"x","title":"MOOC","hours":36,"awardedOn":"2025-06-30"}]}
                """)
            #expect(try ok.content.decode(CreditBankAPIController.ImportResult.self).recognised == 2)
            // Transfer into a program: WEB-101 exempts a course; the cap (1/4 of 20 = 5) stops WEB-102's 2 after 4.
            let encoder = JSONEncoder()
            let limit = ProgramTransferLimit(institutionCode: "TEST-A", programCode: f.programA, totalCredits: Credits(20), maximumShare: .init(1, 4))
            #expect(try await request(app, .PUT, "api/v1/credit-bank/rules/program_limit/TEST-A:\(f.programA)", city, json: String(decoding: try encoder.encode(limit), as: UTF8.self)).status == .noContent)
            for rule in [ConversionRule(id: "T1", institutionCode: "TEST-A", programCode: f.programA, unitCode: "WEB-101", exemptsCourse: "网页设计", credits: Credits(4), minimumHubLevel: 4),
                         ConversionRule(id: "T2", institutionCode: "TEST-A", programCode: f.programA, unitCode: "WEB-102", exemptsCourse: "前端", credits: Credits(2), minimumHubLevel: 4)] {
                #expect(try await request(app, .PUT, "api/v1/credit-bank/rules/conversion/\(rule.id)", city, json: String(decoding: try encoder.encode(rule), as: UTF8.self)).status == .noContent)
            }
            let plan = try await request(app, .GET, "api/v1/credit-bank/learners/\(id)/transfer?institution=TEST-A&program=\(f.programA)", city)
            let p = try plan.content.decode(CreditBankAPIController.TransferBody.self)
            #expect(p.cap == "5" && p.total == "4" && p.items.map(\.ruleId) == ["T1"] && p.items.first?.exemptsCourse == "网页设计")
            #expect(p.refusals.first?.reasonEn.contains("cap") == true)
            // A rule body that does not decode, or whose id differs from the path, is refused.
            #expect(try await request(app, .PUT, "api/v1/credit-bank/rules/recognition/R-X", city, json: #"{"id":"R-Y"}"#).status == .unprocessableEntity)
            // The alignment: a table that would let a level rise is refused.
            let rising = #"{"pairs":[{"level":{"framework":"hkqf","level":4},"hubLevel":4},{"level":{"framework":"hkqf","level":5},"hubLevel":3}]}"#
            let refused = try await request(app, .PUT, "api/v1/credit-bank/alignment", city, json: rising)
            #expect(refused.status == .unprocessableEntity && bodyString(refused).contains("pairs"))
            // Scope: another school's administrator cannot read this learner. A learner outside
            // the caller's scope answers 404 like a missing one (was 403, which told a school the
            // account exists; issue 14).
            #expect(try await request(app, .GET, "api/v1/credit-bank/learners/\(id)", f.token(.schoolAdmin)).status == .notFound)
        }
    }

    @Test func aPassInASkillAssessmentLandsInTheCreditBank() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin), reviewer = f.token(.creditReviewer)
            try await loadRules(app, city)
            var ids: [UUID] = []
            for (name, kind, number) in [("陳嘉欣", "hong_kong_id", "A123456(3)"), ("梁浩然", "macau_id", "1234567(8)"), ("王芳", "home_return_permit", "M1234567801")] {
                ids.append(try await createLearner(app, city, name: name, kind: kind, number: number).content.decode(CreditBankAPIController.CreatedLearner.self).learner.id)
            }
            let created = try await request(app, .POST, "api/v1/credit-bank/assessments", reviewer, json: #"{"bodyName":"深圳市职业技能鉴定中心","certificateCode":"1X-WEB-M","title":"Web前端开发（中级）","levelFramework":"gd-lqf","level":4,"heldOn":"2026-06-20","validityYears":3}"#)
            #expect(created.status == .created, "\(bodyString(created))")
            let session = try created.content.decode(CreditBankAPIController.SessionBody.self)
            // One unknown learner: nobody is registered.
            let bad = try await request(app, .POST, "api/v1/credit-bank/assessments/\(session.id)/candidates", reviewer, json: "{\"learnerIds\":[\"\(ids[0])\",\"\(UUID())\"]}")
            #expect(bad.status == .unprocessableEntity)
            #expect(try await app.count("assessment_candidates") == 0)
            let list = ids.map { "\"\($0)\"" }.joined(separator: ",")
            #expect(try await request(app, .POST, "api/v1/credit-bank/assessments/\(session.id)/candidates", reviewer, json: "{\"learnerIds\":[\(list)]}").status == .ok)
            // Results: the Hong Kong and Macau candidates pass; the third fails the practical part.
            let results = """
                {"results":[{"learnerId":"\(ids[0])","theory":78,"practical":81},{"learnerId":"\(ids[1])","theory":60,"practical":60},{"learnerId":"\(ids[2])","theory":90,"practical":59}]}
                """
            let scored = try await request(app, .PUT, "api/v1/credit-bank/assessments/\(session.id)/results", reviewer, json: results)
            #expect(scored.status == .ok)
            let body = try scored.content.decode(CreditBankAPIController.SessionBody.self)
            let passed = Dictionary(uniqueKeysWithValues: body.candidates.map { ($0.learnerId, $0.passed) })
            #expect(passed[ids[0]] == true && passed[ids[1]] == true && passed[ids[2]] == false)
            // The certificate is in the bank, recognised by the certificate rule: 6 credits at level 4, valid three years.
            let account = try await request(app, .GET, "api/v1/credit-bank/learners/\(ids[0])", reviewer).content.decode(CreditBankAPIController.AccountBody.self)
            #expect(account.totalCredits == "6" && account.outcomes.first?.ruleId == "R-1X-WEB" && account.outcomes.first?.issuer == "深圳市职业技能鉴定中心")
            let failed = try await request(app, .GET, "api/v1/credit-bank/learners/\(ids[2])", reviewer).content.decode(CreditBankAPIController.AccountBody.self)
            #expect(failed.outcomes.isEmpty)
            // Each pass is in the learner's record twice over: passed (both scores) and earned (the credits).
            let verbs = try await app.sql.raw("SELECT verb_id FROM lrs_statements").all().map { try $0.decode(column: "verb_id", as: String.self) }
            #expect(verbs.filter { $0 == "http://adlnet.gov/expapi/verbs/passed" }.count == 2)
            #expect(verbs.filter { $0 == "http://id.tincanapi.com/verb/earned" }.count == 2)
            // A second result for the same candidate is refused, and nothing changes.
            let again = try await request(app, .PUT, "api/v1/credit-bank/assessments/\(session.id)/results", reviewer, json: results)
            #expect(again.status == .unprocessableEntity)
            #expect(try await app.count("credit_outcomes") == 2)
            #expect(try await request(app, .POST, "api/v1/credit-bank/assessments", f.token(.teacher), json: "{}").status == .forbidden)
        }
    }

    @Test func anOutcomeCarriesItsEvidenceFileAndHash() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin)
            let id = try await createLearner(app, city, name: "陳嘉欣", kind: "hong_kong_id", number: "A123456(3)").content.decode(CreditBankAPIController.CreatedLearner.self).learner.id
            let content = Data("培训结业证明".utf8)
            let hash = SHA256Hex.of("培训结业证明")
            let json = #"{"kind":"non_degree_training","issuer":"VTC","title":"培训","hours":20,"awardedOn":"2026-01-10","evidence":{"fileName":"证明.txt","contentType":"text/plain","contentBase64":"\#(content.base64EncodedString())"}}"#
            let res = try await request(app, .POST, "api/v1/credit-bank/learners/\(id)/outcomes", city, json: json)
            #expect(res.status == .created)
            let outcome = try res.content.decode(CreditBankAPIController.Submitted.self).outcomeId
            let account = try await request(app, .GET, "api/v1/credit-bank/learners/\(id)", city).content.decode(CreditBankAPIController.AccountBody.self)
            #expect(account.outcomes.first?.evidenceSHA256 == hash)
            let file = try await request(app, .GET, "api/v1/credit-bank/outcomes/\(outcome)/evidence", city)
            #expect(Data(buffer: file.body) == content && file.headers.first(name: "X-Content-SHA256") == hash)
            // A hash that does not match the file is refused, naming the field.
            let wrong = json.replacingOccurrences(of: #""evidence":"#, with: #""evidenceSHA256":"\#(String(repeating: "0", count: 64))","evidence":"#)
            let refused = try await request(app, .POST, "api/v1/credit-bank/learners/\(id)/outcomes", city, json: wrong)
            #expect(refused.status == .unprocessableEntity && bodyString(refused).contains("evidenceSHA256"))
            // Outside the school's scope: 404, as for a missing outcome (was 403; issue 14).
            #expect(try await request(app, .GET, "api/v1/credit-bank/outcomes/\(outcome)/evidence", f.token(.schoolAdmin)).status == .notFound)
        }
    }
}
