@testable import App
import CreditBank
import Credentials
import Foundation
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Replays the credit-bank forgeries of issue 14, each as the role that found it; every one
/// fails the test if it succeeds. Runs on SQLite, and on PostgreSQL when `DATABASE_URL` is set.
@Suite("Credit bank forgeries: self-credited qualification, foreign school's write, re-decision, duplicate certificate, concurrent writers")
struct CreditBankForgeryTests {
    let bank = CreditBankAppTests()

    func learnerID(_ res: TestingHTTPResponse) throws -> UUID {
        try res.content.decode(CreditBankAPIController.CreatedLearner.self).learner.id
    }

    func account(_ app: Application, _ id: UUID, _ token: String) async throws -> CreditBankAPIController.AccountBody {
        let res = try await bank.request(app, .GET, "api/v1/credit-bank/learners/\(id)", token)
        #expect(res.status == .ok, "\(bodyString(res))")
        return try res.content.decode(CreditBankAPIController.AccountBody.self)
    }

    static let certificate = #"{"kind":"skill_level_certificate","issuer":"考试中心","title":"Web前端（中级）","code":"1X-WEB-M","levelFramework":"gd-lqf","level":4,"awardedOn":"2025-06-30","validUntil":"2028-06-30"}"#

    /// `learner-demo` submitted `1X-WEB-M` three times (issuer "self", no evidence) and two
    /// training outcomes of 100,000 hours, all recognised at once; award evaluation counted the
    /// same unit several times; the learner issued the qualification credential to themself.
    @Test func aLearnerCannotMintAQualification() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin), learner = f.token(.learner)
            try await bank.loadRules(app, city)
            try await IssuerKeyStore(sql: app.sql, vault: app.services.vault, issuer: app.services.issuer).rotate()
            // The signed-in learner's own account (same identity document as their student record).
            let id = try learnerID(try await bank.createLearner(app, city, name: "学习者", kind: "resident_id", number: f.studentIDNumbersA[0]))
            // What the issuers attest: the certificate and 54 training hours, 9 credits — Q-WEB is earned.
            let pushed = try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/import", city, json: """
                {"outcomes":[{"learnerId":"\(id)","kind":"skill_level_certificate","issuer":"考试中心","title":"Web前端（中级）","code":"1X-WEB-M","levelFramework":"gd-lqf","level":4,"awardedOn":"2025-06-30"},
                             {"learnerId":"\(id)","kind":"non_degree_training","issuer":"培训中心","title":"云运维","hours":54,"awardedOn":"2025-12-20"}]}
                """)
            #expect(try pushed.content.decode(CreditBankAPIController.ImportResult.self).recognised == 2)
            #expect(try await account(app, id, city).totalCredits == "9")

            // The forgery: the certificate three times more, issuer "self", and 100,000 hours twice.
            var outcomeIDs: [UUID] = []
            for json in Array(repeating: #"{"kind":"skill_level_certificate","issuer":"self","title":"1X-WEB-M","code":"1X-WEB-M","levelFramework":"gd-lqf","level":4,"awardedOn":"2026-01-05"}"#, count: 3)
                + [#"{"kind":"non_degree_training","issuer":"self","title":"自学","hours":100000,"awardedOn":"2026-01-05"}"#,
                   #"{"kind":"non_degree_training","issuer":"self","title":"自学二","hours":100000,"awardedOn":"2026-01-06"}"#] {
                let res = try await bank.request(app, .POST, "api/v1/credit-bank/learners/\(id)/outcomes", learner, json: json)
                #expect(res.status == .created, "\(bodyString(res))")
                let submitted = try res.content.decode(CreditBankAPIController.Submitted.self)
                // Never recognised on the learner's word: to a reviewer, nothing credited.
                #expect(submitted.decision.verdict == .needsReview && submitted.decision.units.isEmpty, "\(submitted.decision)")
                outcomeIDs.append(submitted.outcomeId)
            }
            let after = try await account(app, id, city)
            #expect(after.totalCredits == "9", "self-submitted outcomes credited: \(after.totalCredits)")
            #expect(after.outcomes.filter { outcomeIDs.contains($0.id) }.allSatisfy { $0.status == "needs_review" })
            // The copies of the certificate say so to the reviewer.
            #expect(after.outcomes.filter { $0.issuer == "self" && $0.kind == "skill_level_certificate" }.allSatisfy { $0.reasonEn?.contains("duplicate") == true })

            // A reviewer may not credit a copy of the recognised certificate…
            let copy = try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/\(outcomeIDs[0])/decision", f.token(.creditReviewer),
                                              json: #"{"verdict":"recognised","reasonZh":"通过","units":[{"unitCode":"WEB-101","credits":"4","hubLevel":4}]}"#)
            #expect(copy.status == .conflict, "\(bodyString(copy))")
            // …and 100,000 hours earn what the rule allows per outcome once a reviewer sends it back
            // through the rule: the engine's cap is 4 credits.
            let engine = RecognitionEngine(rules: DemoCreditBank.rules, alignment: app.services.frameworks.alignment)
            let huge = LearningOutcome(learnerID: id, kind: .nonDegreeTraining, issuer: "x", title: "x", hours: 100_000, awardedOn: CivilDate(iso: "2026-01-05") ?? CivilDate(date: Date()))
            #expect(engine.decide(huge, on: CivilDate(date: Date()), attestation: .issuer, standing: [:]).units.map(\.credits) == [Credits(4)])

            // Award evaluation: Q-DIGITAL (20 credits) is not reached by copies.
            let awards = try await bank.request(app, .GET, "api/v1/credit-bank/learners/\(id)/awards", learner).content.decode([CreditBankAPIController.AwardLine].self)
            #expect(awards.first { $0.qualification == "Q-DIGITAL" }?.eligible == false)
            #expect(awards.first { $0.qualification == "Q-WEB" }?.eligible == true)
            // The learner cannot issue a qualification to themself, even one that is earned.
            for body in [#"{"kind":"qualification","subject":"Q-WEB"}"#, #"{"kind":"qualification","subject":"Q-DIGITAL"}"#, #"{"kind":"qualification"}"#] {
                let res = try await bank.request(app, .POST, "api/v1/credit-bank/learners/\(id)/credentials", learner, json: body)
                #expect(res.status == .forbidden, "\(body): \(res.status) \(bodyString(res))")
            }
            #expect(try await app.count("issued_credentials") == 0)
            // They may still take away a credential for a recognised outcome; the city issues the qualification.
            #expect(try await bank.request(app, .POST, "api/v1/credit-bank/learners/\(id)/credentials", learner, json: #"{"kind":"outcome"}"#).status == .created)
            let byCity = try await bank.request(app, .POST, "api/v1/credit-bank/learners/\(id)/credentials", city, json: #"{"kind":"qualification","subject":"Q-WEB"}"#)
            #expect(byCity.status == .created, "\(bodyString(byCity))")
            let notEarned = try await bank.request(app, .POST, "api/v1/credit-bank/learners/\(id)/credentials", city, json: #"{"kind":"qualification","subject":"Q-DIGITAL"}"#)
            #expect(notEarned.status == .unprocessableEntity)
        }
    }

    /// The same certificate pushed again — in one import, or by the city afterwards — is
    /// recognised once; the copies wait for a reviewer, who cannot credit them.
    @Test func theSameCertificateIsRecognisedOnce() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin)
            try await bank.loadRules(app, city)
            let id = try learnerID(try await bank.createLearner(app, city, name: "陳嘉欣", kind: "hong_kong_id", number: "A123456(3)"))
            let row = #"{"learnerId":"\#(id)","kind":"skill_level_certificate","issuer":"考试中心","title":"Web","code":"1X-WEB-M","levelFramework":"gd-lqf","level":4,"awardedOn":"2025-06-30"}"#
            let res = try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/import", city, json: #"{"outcomes":[\#(row),\#(row),\#(row)]}"#)
            let result = try res.content.decode(CreditBankAPIController.ImportResult.self)
            #expect(result.recognised == 1 && result.needsReview == 2, "\(result)")
            let again = try await bank.request(app, .POST, "api/v1/credit-bank/learners/\(id)/outcomes", city, json: Self.certificate)
            #expect(try again.content.decode(CreditBankAPIController.Submitted.self).decision.verdict == .needsReview)
            let body = try await account(app, id, city)
            #expect(body.totalCredits == "6" && body.units.count == 2)
            let copy = try #require(body.outcomes.first { $0.status == "needs_review" })
            let credit = try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/\(copy.id)/decision", f.token(.creditReviewer),
                                                json: #"{"verdict":"recognised","reasonZh":"通过","units":[{"unitCode":"WEB-101","credits":"4","hubLevel":4}]}"#)
            #expect(credit.status == .conflict && bodyString(credit).contains("verdict"), "\(bodyString(credit))")
            // Rejecting the copy is fine; the account still holds 6 credits.
            let reject = try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/\(copy.id)/decision", f.token(.creditReviewer), json: #"{"verdict":"rejected","reasonZh":"重复提交"}"#)
            #expect(reject.status == .ok)
            #expect(try await account(app, id, city).totalCredits == "6")
        }
    }

    /// `school-admin` got 403 reading a Hong Kong learner but 201 writing an outcome into that
    /// account and 200 importing into it.
    @Test func aSchoolCannotWriteIntoAnAccountItCannotRead() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin), school = f.token(.schoolAdmin)
            try await bank.loadRules(app, city)
            let foreign = try learnerID(try await bank.createLearner(app, city, name: "陳嘉欣", kind: "hong_kong_id", number: "A123456(3)"))
            let own = try learnerID(try await bank.createLearner(app, city, name: "本校学生", kind: "resident_id", number: f.studentIDNumbersA[1]))
            let missing = UUID()
            let training = #"{"kind":"non_degree_training","title":"培训","hours":54,"awardedOn":"2025-12-20"}"#
            for target in [foreign, missing] {
                // Read and write alike: 404, the same for a learner outside the school as for none.
                #expect(try await bank.request(app, .GET, "api/v1/credit-bank/learners/\(target)", school).status == .notFound)
                #expect(try await bank.request(app, .GET, "api/v1/credit-bank/learners/\(target)/awards", school).status == .notFound)
                let write = try await bank.request(app, .POST, "api/v1/credit-bank/learners/\(target)/outcomes", school, json: training)
                #expect(write.status == .notFound, "\(target == foreign ? "foreign" : "missing"): \(write.status)")
            }
            // The import refuses the row with the same error as for a missing account: no oracle.
            func importRow(_ learner: UUID) async throws -> TestingHTTPResponse {
                try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/import", school, json: """
                    {"outcomes":[{"learnerId":"\(learner)","kind":"non_degree_training","title":"培训","hours":54,"awardedOn":"2025-12-20"}]}
                    """)
            }
            let toForeign = try await importRow(foreign), toMissing = try await importRow(missing)
            #expect(toForeign.status == .unprocessableEntity && bodyString(toForeign).contains("no such credit-bank account"))
            #expect(bodyString(toForeign) == bodyString(toMissing))
            #expect(try await app.count("credit_ledger") == 0)
            // The foreign learner's evidence is not found either.
            let cityOutcome = try await bank.request(app, .POST, "api/v1/credit-bank/learners/\(foreign)/outcomes", city, json: #"{"kind":"non_degree_training","issuer":"VTC","title":"培训","hours":20,"awardedOn":"2026-01-10","evidence":{"fileName":"a.txt","contentType":"text/plain","contentBase64":"YWJj"}}"#)
            let outcome = try cityOutcome.content.decode(CreditBankAPIController.Submitted.self).outcomeId
            #expect(try await bank.request(app, .GET, "api/v1/credit-bank/outcomes/\(outcome)/evidence", school).status == .notFound)
            #expect(try await account(app, foreign, city).totalCredits == "1.1")
            // Its own student: the school reads, writes and imports, attested as the issuer.
            let write = try await bank.request(app, .POST, "api/v1/credit-bank/learners/\(own)/outcomes", school, json: training)
            #expect(write.status == .created)
            #expect(try write.content.decode(CreditBankAPIController.Submitted.self).decision.verdict == .recognised)
            #expect(try await importRow(own).status == .ok)
            #expect(try await account(app, own, school).outcomes.count == 2)
            // Another learner's own account is as closed to a learner as a missing one.
            #expect(try await bank.request(app, .POST, "api/v1/credit-bank/learners/\(foreign)/outcomes", f.token(.learner), json: training).status == .notFound)
        }
    }

    /// 50 parallel decisions on one outcome gave 14 × 200, 36 × 500 and 27 decisions; a
    /// recognised outcome could be re-decided as rejected.
    @Test func anOutcomeIsDecidedOnceEvenUnderConcurrency() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin), reviewer = f.token(.creditReviewer)
            try await bank.loadRules(app, city)
            let id = try learnerID(try await bank.createLearner(app, city, name: "梁浩然", kind: "macau_id", number: "1234567(8)"))
            let work = try await bank.request(app, .POST, "api/v1/credit-bank/learners/\(id)/outcomes", city,
                                              json: #"{"kind":"work_experience","issuer":"某公司","title":"实习","hours":960,"awardedOn":"2026-08-31"}"#)
            let outcome = try work.content.decode(CreditBankAPIController.Submitted.self).outcomeId
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for i in 0..<50 {
                    let json = i % 2 == 0 ? #"{"verdict":"recognised","reasonZh":"实习证明齐全","units":[{"unitCode":"WORK","credits":"3","hubLevel":3}]}"#
                        : #"{"verdict":"rejected","reasonZh":"材料不足"}"#
                    group.addTask { try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/\(outcome)/decision", reviewer, json: json).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses.map(\.code))")
            #expect(statuses.filter { $0 == .conflict }.count == 49, "\(statuses.map(\.code))")
            // In the ledger: submitted, the rule's "to review", and exactly one reviewer's decision.
            let rows = try await app.sql.select().column("seq").from("credit_ledger").where("outcome_id", .equal, outcome).all()
            #expect(rows.count == 3)
            // A decided outcome cannot be re-decided; the refusal says why in both languages.
            let status = try await account(app, id, city).outcomes.first { $0.id == outcome }?.status
            let again = try await bank.request(app, .POST, "api/v1/credit-bank/outcomes/\(outcome)/decision", city,
                                               json: status == "recognised" ? #"{"verdict":"rejected","reasonZh":"改判"}"# : #"{"verdict":"recognised","reasonZh":"改判","units":[{"unitCode":"WORK","credits":"3","hubLevel":3}]}"#)
            #expect(again.status == .conflict && bodyString(again).contains("认定只作一次") && bodyString(again).contains("decision is made once"), "\(bodyString(again))")
            #expect(try await account(app, id, city).outcomes.first { $0.id == outcome }?.status == status)
            let verify = try await bank.request(app, .GET, "api/v1/credit-bank/ledger/verify", city).content.decode(CreditBankAPIController.VerifyBody.self)
            #expect(verify.mismatches.isEmpty && verify.entries == 3)
        }
    }

    /// The ledger's sequence was MAX + 1: concurrent writers collided and were told 500.
    @Test func concurrentSubmissionsAllLandInOneUnbrokenSequence() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin), learner = f.token(.learner)
            try await bank.loadRules(app, city)
            let own = try learnerID(try await bank.createLearner(app, city, name: "学习者", kind: "resident_id", number: f.studentIDNumbersA[0]))
            let other = try learnerID(try await bank.createLearner(app, city, name: "陳嘉欣", kind: "hong_kong_id", number: "A123456(3)"))
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for i in 0..<50 {
                    let (target, token) = i % 2 == 0 ? (own, learner) : (other, city)
                    let json = #"{"kind":"non_degree_training","issuer":"培训中心","title":"课程\#(i)","hours":18,"awardedOn":"2026-01-05"}"#
                    group.addTask { try await bank.request(app, .POST, "api/v1/credit-bank/learners/\(target)/outcomes", token, json: json).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .created }, "\(statuses.map(\.code))")
            #expect(try await app.count("credit_outcomes") == 50)
            let seqs = try await app.sql.select().column("seq").from("credit_ledger").orderBy("seq").all().map { try $0.decode(column: "seq", as: Int.self) }
            #expect(seqs == Array(1...100))
            let verify = try await bank.request(app, .GET, "api/v1/credit-bank/ledger/verify", city).content.decode(CreditBankAPIController.VerifyBody.self)
            #expect(verify.mismatches.isEmpty && verify.outcomes == 50)
            // The learner's 25 went to a reviewer; the city's 25 were recognised by the rule, 1 credit each.
            #expect(try await account(app, own, city).totalCredits == "0")
            #expect(try await account(app, other, city).totalCredits == "25")
        }
    }
}
