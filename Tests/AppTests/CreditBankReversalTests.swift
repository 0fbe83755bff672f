@testable import App
import CreditBank
import Fluent
import Foundation
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Issue 14, item 3: a decision is undone only by an explicit, audited reversal with a reason,
/// by an authority above the reviewer who made it; hours and scores are held to a rule's cap per
/// learner per period; every committed credit-bank change has its audit row, written in the
/// change's own transaction. Runs on SQLite, and on PostgreSQL when `DATABASE_URL` is set.
@Suite("Credit bank: reversals, per-period caps, audit rows in the change's transaction")
struct CreditBankReversalTests {
    let bank = CreditBankAppTests()

    func learnerID(_ res: TestingHTTPResponse) throws -> UUID {
        try res.content.decode(CreditBankAPIController.CreatedLearner.self).learner.id
    }

    func account(_ app: Application, _ id: UUID, _ token: String) async throws -> CreditBankAPIController.AccountBody {
        let res = try await bank.request(app, .GET, "api/v1/credit-bank/learners/\(id)", token)
        #expect(res.status == .ok, "\(bodyString(res))")
        return try res.content.decode(CreditBankAPIController.AccountBody.self)
    }

    /// A second city administrator, signed in.
    func secondCityAdmin(_ app: Application) async throws -> String {
        let hash = try await app.password.async.hash(Fixture.password)
        try await User(username: "test-city-2", displayName: "市教育局管理员二", passwordHash: hash, scope: CallerScope(role: .cityAdmin)).create(on: app.db)
        var token = ""
        try await app.testing().test(.POST, "api/v1/auth/tokens", beforeRequest: { req in
            try req.content.encode(["username": "test-city-2", "password": Fixture.password])
        }, afterResponse: { res in
            token = try res.content.decode(AuthAPIController.TokenResponse.self).token
        })
        return token
    }

    /// Audit rows of a successful change: `action` on `entity`, for `record` when given.
    func auditRows(_ app: Application, _ action: String, _ entity: String, record: String? = nil) async throws -> Int {
        var query = AuditEvent.query(on: app.db).filter(\.$action == action).filter(\.$entity == entity).filter(\.$outcome == "success")
        if let record { query = query.filter(\.$recordID == record) }
        return try await query.count()
    }

    func submit(_ app: Application, _ learner: UUID, _ token: String, _ json: String) async throws -> CreditBankAPIController.Submitted {
        let res = try await bank.request(app, .POST, "api/v1/credit-bank/learners/\(learner)/outcomes", token, json: json)
        #expect(res.status == .created, "\(bodyString(res))")
        return try res.content.decode(CreditBankAPIController.Submitted.self)
    }

    static let work = #"{"kind":"work_experience","issuer":"某公司","title":"实习","hours":960,"awardedOn":"2026-08-31"}"#
    static let recognise = #"{"verdict":"recognised","reasonZh":"实习证明齐全","units":[{"unitCode":"WORK","credits":"3","hubLevel":3}]}"#

    @Test func onlyTheCityAdministratorReversesADecisionWithAReasonAndNeverTheirOwn() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin), reviewer = f.token(.creditReviewer)
            try await bank.loadRules(app, city)
            let id = try learnerID(try await bank.createLearner(app, city, name: "梁浩然", kind: "macau_id", number: "1234567(8)"))
            let outcome = try await submit(app, id, city, Self.work).outcomeId
            let decided = try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/\(outcome)/decision", reviewer, json: Self.recognise)
            #expect(decided.status == .ok, "\(bodyString(decided))")
            #expect(try await account(app, id, city).totalCredits == "3")
            let path = "api/v1/credit-bank/outcomes/\(outcome)/reversal"

            // A re-decision without a reversal: refused, pointing at the reversal.
            let again = try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/\(outcome)/decision", reviewer, json: #"{"verdict":"rejected","reasonZh":"改判理由"}"#)
            #expect(again.status == .conflict && bodyString(again).contains("reversal"), "\(bodyString(again))")
            // A reviewer (the one who decided, or any) and a school may not reverse.
            for role in [Role.creditReviewer, .schoolAdmin, .learner, .teacher] {
                let res = try await bank.request(app, .POST, path, f.token(role), json: #"{"reason":"审核有误，需要重新认定"}"#)
                #expect(res.status == .forbidden, "\(role): \(res.status)")
            }
            // Without a reason, or with one too short: 422 naming the field, in both languages.
            for body in [#"{}"#, #"{"reason":""}"#, #"{"reason":"太短"}"#] {
                let res = try await bank.request(app, .POST, path, city, json: body)
                #expect(res.status == .unprocessableEntity && bodyString(res).contains("\"reason\""), "\(body): \(res.status) \(bodyString(res))")
            }
            let short = try await bank.request(app, .POST, path, city, json: #"{"reason":"太短"}"#)
            #expect(bodyString(short).contains("至少") && bodyString(short).contains("at least"))
            // Missing outcome: 404; nothing refused was written or audited.
            #expect(try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/\(UUID())/reversal", city, json: #"{"reason":"审核有误，需要重新认定"}"#).status == .notFound)
            #expect(try await auditRows(app, "reverse", "credit_outcome") == 0)
            #expect(try await account(app, id, city).totalCredits == "3")

            // The city administrator: accepted; the replayed account has lost the credits.
            let reversed = try await bank.request(app, .POST, path, city, json: #"{"reason":"实习证明系伪造，撤销认定","reasonEn":"the internship certificate was forged"}"#)
            #expect(reversed.status == .ok, "\(bodyString(reversed))")
            let body = try reversed.content.decode(CreditBankAPIController.ReversalBody.self)
            #expect(body.reversedVerdict == "recognised" && body.creditsRemoved == "3" && body.status == "needs_review" && body.reversedBy.contains("city_admin"))
            let after = try await account(app, id, city)
            #expect(after.totalCredits == "0" && after.units.isEmpty)
            #expect(after.outcomes.first { $0.id == outcome }?.status == "needs_review")
            #expect(after.outcomes.first { $0.id == outcome }?.reasonEn?.contains("forged") == true)
            #expect(try await auditRows(app, "reverse", "credit_outcome", record: outcome.uuidString) == 1)
            let verify = try await bank.request(app, .GET, "api/v1/credit-bank/ledger/verify", city).content.decode(CreditBankAPIController.VerifyBody.self)
            #expect(verify.mismatches.isEmpty && verify.entries == 4, "\(verify)")
            // Back in the queue; reversed once: a second reversal has nothing to undo.
            let queue = try await bank.request(app, .GET, "api/v1/credit-bank/reviews", reviewer).content.decode([CreditBankAPIController.QueueItem].self)
            #expect(queue.contains { $0.outcomeId == outcome })
            #expect(try await bank.request(app, .POST, path, city, json: #"{"reason":"再次撤销这一认定"}"#).status == .conflict)

            // A fresh decision, made once; the city administrator who makes one may not reverse it…
            let byCity = try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/\(outcome)/decision", city, json: #"{"verdict":"rejected","reasonZh":"材料系伪造"}"#)
            #expect(byCity.status == .ok)
            #expect(try await bank.request(app, .POST, path, city, json: #"{"reason":"我想改回认定结论"}"#).status == .forbidden)
            // …another city administrator may; a stale decisionSequence reverses nothing.
            let other = try await secondCityAdmin(app)
            let stale = try await bank.request(app, .POST, path, other, json: #"{"reason":"撤销重新审核一次","decisionSequence":3}"#)
            #expect(stale.status == .conflict && bodyString(stale).contains("decisionSequence"), "\(bodyString(stale))")
            let byOther = try await bank.request(app, .POST, path, other, json: #"{"reason":"撤销重新审核一次"}"#)
            #expect(byOther.status == .ok, "\(bodyString(byOther))")
            #expect(try byOther.content.decode(CreditBankAPIController.ReversalBody.self).reversedVerdict == "rejected")
            #expect(try await auditRows(app, "reverse", "credit_outcome", record: outcome.uuidString) == 2)
            #expect(try await auditRows(app, "review", "credit_outcome", record: outcome.uuidString) == 2)
        }
    }

    @Test func fiftyParallelReversalsOfOneDecisionReverseItOnce() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin), reviewer = f.token(.creditReviewer)
            try await bank.loadRules(app, city)
            let id = try learnerID(try await bank.createLearner(app, city, name: "梁浩然", kind: "macau_id", number: "1234567(8)"))
            let outcome = try await submit(app, id, city, Self.work).outcomeId
            #expect(try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/\(outcome)/decision", reviewer, json: Self.recognise).status == .ok)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for i in 0..<50 {
                    group.addTask { try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/\(outcome)/reversal", city, json: #"{"reason":"并发撤销测试第\#(i)次"}"#).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses.map(\.code))")
            #expect(statuses.filter { $0 == .conflict }.count == 49, "\(statuses.map(\.code))")
            let rows = try await app.sql.select().column("seq").from("credit_ledger").where("outcome_id", .equal, outcome).all()
            #expect(rows.count == 4)
            #expect(try await auditRows(app, "reverse", "credit_outcome", record: outcome.uuidString) == 1)
            #expect(try await account(app, id, city).totalCredits == "0")
            let verify = try await bank.request(app, .GET, "api/v1/credit-bank/ledger/verify", city).content.decode(CreditBankAPIController.VerifyBody.self)
            #expect(verify.mismatches.isEmpty)
            #expect(try await AuditLog.firstBrokenLink(on: app.db) == nil)
        }
    }

    @Test func aRulesPeriodCapHoldsForAutomaticAndReviewedRecognition() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin), reviewer = f.token(.creditReviewer)
            try await bank.loadRules(app, city)
            // The city caps training hours at 5 credits a learner a calendar year.
            var rule = try #require(DemoCreditBank.rules.first { $0.id == "R-TRAIN" })
            rule.periodCap = PeriodCap(credits: Credits(5))
            let put = try await bank.request(app, .PUT, "api/v1/credit-bank/rules/recognition/R-TRAIN", city, json: String(decoding: try JSONEncoder().encode(rule), as: UTF8.self))
            #expect(put.status == .noContent, "\(bodyString(put))")
            let zero = #"{"id":"R-TRAIN","nameZh":"x","nameEn":"x","priority":0,"kind":{"hours":{"kinds":["non_degree_training"],"hoursPerCredit":18,"cap":"4","unitCode":"TRAIN","hubLevel":3}},"periodCap":{"credits":"0","period":"calendar_year"}}"#
            let refused = try await bank.request(app, .PUT, "api/v1/credit-bank/rules/recognition/R-TRAIN", city, json: zero)
            #expect(refused.status == .unprocessableEntity && bodyString(refused).contains("periodCap.credits"), "\(bodyString(refused))")
            #expect(try await bank.request(app, .GET, "api/v1/credit-bank/rules/recognition", city).body.string.contains("calendar_year"))
            try await app.testing().test(.GET, "credit-bank/rules", headers: .bearer(city)) { res in
                #expect(bodyString(res).contains("period-cap-hint") && bodyString(res).contains("periodCap"))
            }

            let id = try learnerID(try await bank.createLearner(app, city, name: "学习者", kind: "resident_id", number: f.studentIDNumbersA[0]))
            // Pushed by the issuer in 2026: 72 h = 4 credits, then 54 h = 3 of which the cap leaves 1.
            let imported = try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/import", city, json: """
                {"outcomes":[{"learnerId":"\(id)","kind":"non_degree_training","issuer":"培训中心","title":"课程一","hours":72,"awardedOn":"2026-02-01"},
                             {"learnerId":"\(id)","kind":"non_degree_training","issuer":"培训中心","title":"课程二","hours":54,"awardedOn":"2026-03-01"}]}
                """)
            #expect(try imported.content.decode(CreditBankAPIController.ImportResult.self).recognised == 2)
            var body = try await account(app, id, city)
            #expect(body.totalCredits == "5", "\(body.totalCredits)")
            #expect(body.outcomes.first { $0.title == "课程二" }?.reasonEn?.contains("cap of 5") == true)
            // The cap is used up: the next one by rule is not recognised, and says why.
            let third = try await submit(app, id, city, #"{"kind":"non_degree_training","issuer":"培训中心","title":"课程三","hours":36,"awardedOn":"2026-04-01"}"#)
            #expect(third.decision.verdict == .rejected && third.decision.reasonZh.contains("上限"), "\(third.decision)")
            // 2025 has its own allowance.
            let earlier = try await submit(app, id, city, #"{"kind":"non_degree_training","issuer":"培训中心","title":"课程四","hours":36,"awardedOn":"2025-05-01"}"#)
            #expect(earlier.decision.units.map(\.credits) == [Credits(2)])
            // The learner's own 2025 training goes to a reviewer, whose 4 credits the cap cuts to the 3 left.
            let own = try await submit(app, id, f.token(.learner), #"{"kind":"non_degree_training","issuer":"培训中心","title":"课程五","hours":72,"awardedOn":"2025-09-01"}"#)
            #expect(own.decision.verdict == .needsReview)
            let reviewed = try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/\(own.outcomeId)/decision", reviewer,
                                                  json: #"{"verdict":"recognised","reasonZh":"证明齐全","units":[{"unitCode":"TRAIN","credits":"4","hubLevel":3}]}"#)
            let decision = try reviewed.content.decode(RecognitionDecision.self)
            #expect(decision.units.map(\.credits) == [Credits(3)] && decision.ruleID == "R-TRAIN" && decision.reasonEn.contains("cap"), "\(decision)")
            body = try await account(app, id, city)
            #expect(body.totalCredits == "10")
        }
    }

    /// Every committed credit-bank change has its audit row, and a refused one — also one
    /// refused inside the ledger transaction — has none.
    @Test func everyCommittedCreditBankChangeHasItsAuditRow() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin), reviewer = f.token(.creditReviewer)
            try await bank.loadRules(app, city)
            #expect(try await auditRows(app, "update", "credit_rule") == DemoCreditBank.rules.count + DemoCreditBank.qualifications.count)
            let frameworks = try await bank.request(app, .GET, "api/v1/credit-bank/frameworks", city).content.decode(CreditBankAPIController.FrameworksBody.self)
            let alignment = String(decoding: try JSONEncoder().encode(frameworks.alignment), as: UTF8.self)
            #expect(try await bank.request(app, .PUT, "api/v1/credit-bank/alignment", city, json: alignment).status == .ok)
            #expect(try await auditRows(app, "update", "credit_alignment") == 1)

            let id = try learnerID(try await bank.createLearner(app, city, name: "陳嘉欣", kind: "hong_kong_id", number: "A123456(3)"))
            #expect(try await auditRows(app, "create", "credit_learner", record: id.uuidString) == 1)
            #expect(try await bank.createLearner(app, city, name: "陳嘉欣", kind: "hong_kong_id", number: "A123456(3)").status == .conflict)
            #expect(try await auditRows(app, "create", "credit_learner") == 1)

            let cert = try await submit(app, id, city, #"{"kind":"skill_level_certificate","issuer":"考试中心","title":"Web","code":"1X-WEB-M","levelFramework":"gd-lqf","level":4,"awardedOn":"2025-06-30"}"#)
            #expect(try await auditRows(app, "submit", "credit_outcome", record: cert.outcomeId.uuidString) == 1)
            let bad = try await bank.request(app, .POST, "api/v1/credit-bank/learners/\(id)/outcomes", city, json: #"{"kind":"nope","title":"","awardedOn":"x"}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(try await auditRows(app, "submit", "credit_outcome") == 1)

            let row = #"{"learnerId":"\#(id)","kind":"skill_level_certificate","issuer":"考试中心","title":"Web","code":"1X-WEB-M","levelFramework":"gd-lqf","level":4,"awardedOn":"2025-06-30"}"#
            #expect(try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/import", city, json: #"{"outcomes":[\#(row)]}"#).status == .ok)
            #expect(try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/import", city, json: #"{"outcomes":[{"learnerId":"\#(UUID())","kind":"x","title":"t","awardedOn":"2025-01-01"}]}"#).status == .unprocessableEntity)
            #expect(try await auditRows(app, "import", "credit_outcome") == 1)
            // The refused import wrote nothing, and its attempt is on record as rejected.
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "import").filter(\.$entity == "credit_outcome").filter(\.$outcome == "rejected").count() == 1)

            // The imported copy waits for review; recognising it is refused inside the ledger
            // transaction (the original stands): no ledger entry, no audit row.
            let copy = try #require(try await account(app, id, city).outcomes.first { $0.status == "needs_review" })
            let ledgerBefore = try await app.count("credit_ledger")
            let dup = try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/\(copy.id)/decision", reviewer,
                                             json: #"{"verdict":"recognised","reasonZh":"通过","units":[{"unitCode":"WEB-101","credits":"4","hubLevel":4}]}"#)
            #expect(dup.status == .conflict)
            #expect(try await app.count("credit_ledger") == ledgerBefore)
            #expect(try await auditRows(app, "review", "credit_outcome") == 0)
            #expect(try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/\(copy.id)/decision", reviewer, json: #"{"verdict":"rejected","reasonZh":"重复"}"#).status == .ok)
            #expect(try await auditRows(app, "review", "credit_outcome", record: copy.id.uuidString) == 1)

            // An assessment session, its candidates and its results.
            let created = try await bank.request(app, .POST, "api/v1/credit-bank/assessments", city,
                                                 json: #"{"bodyName":"考试中心","certificateCode":"1X-WEB-M","title":"Web前端（中级）","levelFramework":"gd-lqf","level":4,"heldOn":"2026-01-10"}"#)
            #expect(created.status == .created, "\(bodyString(created))")
            let session = try created.content.decode(CreditBankAPIController.SessionBody.self).id
            #expect(try await auditRows(app, "create", "assessment_session", record: session.uuidString) == 1)
            let other = try learnerID(try await bank.createLearner(app, city, name: "梁浩然", kind: "macau_id", number: "1234567(8)"))
            #expect(try await bank.request(app, .POST, "api/v1/credit-bank/assessments/\(session)/candidates", city, json: #"{"learnerIds":["\#(other)"]}"#).status == .ok)
            #expect(try await auditRows(app, "register", "assessment_session", record: session.uuidString) == 1)
            #expect(try await bank.request(app, .PUT, "api/v1/credit-bank/assessments/\(session)/results", city, json: #"{"results":[{"learnerId":"\#(UUID())","theory":90,"practical":90}]}"#).status == .unprocessableEntity)
            #expect(try await bank.request(app, .PUT, "api/v1/credit-bank/assessments/\(session)/results", city, json: #"{"results":[{"learnerId":"\#(other)","theory":90,"practical":85}]}"#).status == .ok)
            #expect(try await auditRows(app, "results", "assessment_session", record: session.uuidString) == 1)
            #expect(try await account(app, other, city).totalCredits == "6")
            #expect(try await AuditLog.firstBrokenLink(on: app.db) == nil)
        }
    }

    /// The city administrator's reversal page: the decision in force, the form; a refusal shows
    /// the errors in both languages with what was typed kept; a reviewer gets 403.
    @Test func theReversalPageShowsTheDecisionAndKeepsWhatWasTyped() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin), reviewer = f.token(.creditReviewer)
            try await bank.loadRules(app, city)
            let id = try learnerID(try await bank.createLearner(app, city, name: "梁浩然", kind: "macau_id", number: "1234567(8)"))
            let outcome = try await submit(app, id, city, Self.work).outcomeId
            #expect(try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/\(outcome)/decision", reviewer, json: Self.recognise).status == .ok)
            var accountPage = ""
            try await app.testing().test(.GET, "credit-bank/learners/\(id)", headers: .bearer(city)) { accountPage = bodyString($0) }
            #expect(accountPage.contains("/credit-bank/outcomes/\(outcome.uuidString)/reversal"))
            var page = ""
            try await app.testing().test(.GET, "credit-bank/outcomes/\(outcome)/reversal", headers: .bearer(city)) { res in
                #expect(res.status == .ok)
                page = bodyString(res)
            }
            #expect(page.contains("decision-in-force") && page.contains("test-credit_reviewer") && page.contains("reversal-form") && page.contains("实习证明齐全"))
            try await app.testing().test(.GET, "credit-bank/outcomes/\(outcome)/reversal", headers: .bearer(reviewer)) { #expect($0.status == .forbidden) }
            try await app.testing().test(.GET, "credit-bank/outcomes/\(UUID())/reversal", headers: .bearer(city)) { #expect($0.status == .notFound) }
            // A reviewer's account page offers no reversal.
            try await app.testing().test(.GET, "credit-bank/learners/\(id)", headers: .bearer(reviewer)) { #expect(!bodyString($0).contains("/reversal")) }
            // Too short a reason on the form (bearer callers need no CSRF field): the page again.
            try await app.testing().test(.POST, "credit-bank/outcomes/\(outcome)/reversal", headers: .bearer(city), beforeRequest: { req in
                try req.content.encode(["reason": "太短", "reasonEn": "kept <b>text</b>"], as: .urlEncodedForm)
            }, afterResponse: { res in
                let html = bodyString(res)
                #expect(res.status == .unprocessableEntity)
                // One language, the page's: the summary links to the box, the reason sits by it.
                #expect(html.contains(#"id="error-reason""#) && html.contains("至少") && !html.contains("at least"), "\(html)")
                #expect(html.contains(#"id="error-summary""#) && html.contains(##"href="#reversal-reason""##))
                #expect(html.contains(">太短</textarea>") && html.contains("kept &lt;b&gt;text&lt;/b&gt;"))
            })
            #expect(try await account(app, id, city).totalCredits == "3")
            try await app.testing().test(.POST, "credit-bank/outcomes/\(outcome)/reversal", headers: .bearer(city), beforeRequest: { req in
                try req.content.encode(["reason": "实习证明系伪造，撤销认定"], as: .urlEncodedForm)
            }, afterResponse: { res in
                #expect(res.status == .seeOther || res.status == .found, "\(res.status) \(bodyString(res))")
            })
            #expect(try await account(app, id, city).totalCredits == "0")
        }
    }
}
