@testable import App
import CreditBank
import Foundation
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Decisions made on pages: publishing a round asks first and then says it was done, with who
/// and when; a refused review decision comes back with what the reviewer typed and the reason by
/// each field, and a recorded one with a banner.
@Suite("Confirmations and kept input on the round and review pages")
struct ConfirmationPagesTests {
    /// The learner's own submission form (issue 19 item 5): a refusal keeps what was typed and
    /// says why by each field, in the page's language; evidence is taken by its content — a
    /// Word 97 `.doc` sent as `application/octet-stream` is accepted, a picture renamed `.doc`
    /// is not.
    @Test func aSubmittedOutcomeKeepsWhatWasTypedAndEvidenceIsTakenByContent() async throws {
        try await withFixture { app, f in
            let bank = CreditBankAppTests()
            let city = f.token(.cityAdmin)
            let created = try await bank.createLearner(app, city, name: "学习者", kind: "resident_id", number: f.studentIDNumbersA[0])
            let learner = try created.content.decode(CreditBankAPIController.CreatedLearner.self).learner.id
            var browser = try await PageBrowser.signIn(app, "test-learner")
            let path = "credit-bank/learners/\(learner.uuidString)/outcomes"
            _ = try await browser.get("credit-bank/learners/\(learner.uuidString)")
            let typed = ["kind": "non_degree_training", "title": "电工培训", "issuer": "培训中心", "hours": "十八", "awardedOn": "2026-01-05"]
            let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
            let before = try await app.count("credit_outcomes")
            // Hours that are not a number: refused by that field, everything typed kept.
            let (status, page) = try await browser.upload(path, field: "evidence", fileName: "培训证明.doc", data: Data(ole), typed)
            #expect(status == .unprocessableEntity && page.contains(#"id="error-summary""#) && page.contains(##"href="#outcome-hours""##))
            #expect(page.contains(#"id="error-hours""#) && page.contains("应为整数") && !page.contains("must be a whole number"), "one language, by the field")
            #expect(page.contains(#"value="电工培训""#) && page.contains(#"value="培训中心""#) && page.contains(#"value="十八""#) && page.contains(#"value="2026-01-05""#))
            #expect(page.contains(#"<option value="non_degree_training" label="\#(OutcomeKind.nonDegreeTraining.labelZh)" selected"#))
            // A picture renamed .doc: refused by the evidence field, nothing stored.
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 1, count: 100)
            let (renamed, renamedPage) = try await browser.upload(path, field: "evidence", fileName: "培训证明.doc", data: Data(png), typed.merging(["hours": "18"]) { $1 })
            #expect(renamed == .unprocessableEntity && renamedPage.contains(#"id="error-evidence.contentType""#) && renamedPage.contains("文件内容不是扩展名所说的类型"))
            #expect(try await app.count("credit_outcomes") == before)
            // The same form with a true Word 97 file: accepted, stored as application/msword, and the account says so.
            let (accepted, _) = try await browser.upload(path, field: "evidence", fileName: "培训证明.doc", data: Data(ole), typed.merging(["hours": "18"]) { $1 })
            #expect(accepted == .seeOther)
            #expect(try await app.count("credit_outcomes") == before + 1)
            let stored = try await app.sql.raw("SELECT content_type FROM credit_evidence").all().map { try $0.decode(column: "content_type", as: String.self) }
            #expect(stored == ["application/msword"])
            let (_, account) = try await browser.get("credit-bank/learners/\(learner.uuidString)?submitted=needs_review")
            #expect(account.contains("已提交，等待审核人员认定"))
        }
    }

    @Test func publishingARoundIsConfirmedFirstAndThenSaysWhoAndWhen() async throws {
        try await withFixture { app, f in
            var city = try await PageBrowser.signIn(app, "test-city_admin")
            _ = try await city.get("internships/rounds")
            let (_, _, ran) = try await city.post("internships/rounds", ["name": "秋季分配", "seed": "7"])
            let roundPath = try #require(ran?.split(separator: "?").first.map(String.init))
            #expect(ran?.hasSuffix("?done=run") == true)
            let (_, draft) = try await city.get(String(roundPath.dropFirst()) + "?done=run")
            #expect(draft.contains(#"id="confirmation""#) && draft.contains("结果为草稿"))
            #expect(draft.contains("运行：test-city_admin") && !draft.contains("发布：test-city_admin"))
            // The publish link opens a confirmation; nothing is published by opening it.
            #expect(draft.contains(#"href="\#(roundPath)/publish""#))
            let (status, confirm) = try await city.get(String(roundPath.dropFirst()) + "/publish")
            #expect(status == .ok && confirm.contains("不可撤销") && confirm.contains(#"id="confirm-publish""#))
            let round = String(roundPath.split(separator: "/").last ?? "")
            #expect(try await app.sql.select().column("status").from("internship_rounds").where("id", .equal, UUID(uuidString: round)).first()?.decode(column: "status", as: String.self) == "draft")
            let (_, _, published) = try await city.post(String(roundPath.dropFirst()) + "/publish", [:])
            #expect(published == roundPath + "?done=published")
            let (_, after) = try await city.get(String(roundPath.dropFirst()) + "?done=published")
            #expect(after.contains("已发布。") && after.contains("发布：test-city_admin") && !after.contains(#"id="publish""#))
            // A published round has nothing left to confirm; a school cannot publish at all.
            let (_, _, back) = try await city.post(String(roundPath.dropFirst()) + "/publish", [:])
            #expect(back == nil)
            var school = try await PageBrowser.signIn(app, "test-school_admin")
            #expect(try await school.get(String(roundPath.dropFirst()) + "/publish").0 == .forbidden)
            // The API reports the same who and when.
            try await app.testing().test(.GET, "api/v1/internship-rounds", headers: .bearer(f.token(.cityAdmin))) { res in
                let listed = try res.content.decode(InternshipRoundAPIController.RoundList.self).items.first { $0.id.uuidString == round }
                #expect(listed?.createdBy?.hasPrefix("test-city_admin") == true && listed?.publishedBy?.hasPrefix("test-city_admin") == true && listed?.publishedAt != nil)
            }
        }
    }

    @Test func aRefusedReviewKeepsWhatWasTypedAndARecordedOneSaysSo() async throws {
        try await withFixture { app, f in
            let city = f.token(.cityAdmin)
            var learnerID: UUID?
            try await app.testing().test(.POST, "api/v1/credit-bank/learners", headers: .bearer(city), beforeRequest: { req in
                try req.content.encode(["name": "梁浩然", "documentKind": "macau_id", "idNumber": "1234567(8)", "birthDate": "2003-08-30"])
            }, afterResponse: { res in learnerID = try res.content.decode(CreditBankAPIController.CreatedLearner.self).learner.id })
            let learner = try #require(learnerID)
            var outcomeID: UUID?
            try await app.testing().test(.POST, "api/v1/credit-bank/learners/\(learner)/outcomes", headers: .bearer(city), beforeRequest: { req in
                req.headers.contentType = .json
                req.body = ByteBuffer(string: #"{"kind":"work_experience","issuer":"某公司","title":"实习","hours":960,"awardedOn":"2026-08-31","levelFramework":"mo-he","level":1,"evidence":{"fileName":"证明.txt","contentType":"text/plain","contentBase64":"YWJj"}}"#)
            }, afterResponse: { res in outcomeID = try res.content.decode(CreditBankAPIController.Submitted.self).outcomeId })
            let outcome = try #require(outcomeID)
            var reviewer = try await PageBrowser.signIn(app, "test-credit_reviewer")
            let (_, queue) = try await reviewer.get("credit-bank/reviews")
            #expect(queue.contains(#"href="/api/v1/credit-bank/outcomes/\#(outcome.uuidString)/evidence""#), "the queue links to the evidence")
            // No reason, credits that are not a number, a level that is a word: all refused together, all kept.
            let path = "credit-bank/outcomes/\(outcome.uuidString)/decision"
            let (status, refused, _) = try await reviewer.post(path, ["verdict": "recognised", "reasonZh": "", "unitCode": "WORK-1", "credits": "两分", "hubLevel": "高"])
            #expect(status == .unprocessableEntity)
            #expect(refused.contains(#"id="error-summary""#) && refused.contains("有 3 处需要修改"))
            for control in ["reasonZh", "credits", "hubLevel"] {
                #expect(refused.contains(##"href="#\##(control)-\##(outcome.uuidString)""##), "the summary links to \(control)")
                #expect(refused.contains(#"id="error-\#(control)-\#(outcome.uuidString)""#), "a message by \(control)")
            }
            #expect(!refused.contains("units[0]"), "no raw field names")
            #expect(refused.contains(#"value="WORK-1""#) && refused.contains(#"value="两分""#) && refused.contains(#"value="高""#))
            #expect(refused.contains(#"<option value="recognised" label="认定" selected"#))
            #expect(try await app.sql.select().column("status").from("credit_outcomes").where("id", .equal, outcome).first()?.decode(column: "status", as: String.self) == "needs_review")
            // A final decision is shown for confirmation first, as it would be recorded; nothing is written yet.
            let audited = try await app.count("audit_events"), ledger = try await app.count("credit_ledger")
            let recognise = ["verdict": "recognised", "reasonZh": "实习证明齐全", "unitCode": "WORK-1", "credits": "2", "hubLevel": "1"]
            let (previewStatus, preview, _) = try await reviewer.post(path, recognise)
            #expect(previewStatus == .ok && preview.contains(#"id="decision-preview""#) && preview.contains("实习") && preview.contains("梁浩然"))
            #expect(preview.contains("WORK-1：2 学分") && preview.contains("只能由另一位市教育局管理员撤销"), "the units as recorded and who can undo it")
            #expect(preview.contains(#"name="step" value="confirm""#) && preview.contains(#"name="step" value="edit""#))
            let (auditedAfter, ledgerAfter) = (try await app.count("audit_events"), try await app.count("credit_ledger"))
            #expect(auditedAfter == audited && ledgerAfter == ledger, "a preview records nothing, not even an audit row")
            #expect(try await app.sql.select().column("status").from("credit_outcomes").where("id", .equal, outcome).first()?.decode(column: "status", as: String.self) == "needs_review")
            // Back to edit: the queue with the row as typed, no errors.
            let (editStatus, edit, _) = try await reviewer.post(path, recognise.merging(["step": "edit"]) { $1 })
            #expect(editStatus == .ok && edit.contains(#"value="WORK-1""#) && edit.contains(#"value="实习证明齐全""#) && !edit.contains(#"id="error-summary""#))

            let (_, _, done) = try await reviewer.post(path, ["verdict": "evidence_requested", "reasonZh": "请补充实习证明"])
            #expect(done == "/credit-bank/reviews?decided=evidence_requested&learner=\(learner.uuidString)")
            let (_, banner) = try await reviewer.get("credit-bank/reviews?decided=evidence_requested")
            #expect(banner.contains(#"id="confirmation""#) && banner.contains("已请学习者补充材料") && banner.contains("待补充材料"))
            // Confirmed: recorded once, with its audit row, and the banner links to the account where who and when show.
            let (_, _, recorded) = try await reviewer.post(path, recognise.merging(["step": "confirm"]) { $1 })
            #expect(recorded == "/credit-bank/reviews?decided=recognised&learner=\(learner.uuidString)")
            #expect(try await app.sql.select().column("status").from("credit_outcomes").where("id", .equal, outcome).first()?.decode(column: "status", as: String.self) == "recognised")
            let (_, decided) = try await reviewer.get(String(try #require(recorded).dropFirst()))
            #expect(decided.contains(#"href="/credit-bank/learners/\#(learner.uuidString)""#) && decided.contains("含审核人与时间"))
            // A confirmation of a decision already made is refused, not recorded twice.
            let (again, refusedAgain, _) = try await reviewer.post(path, recognise.merging(["step": "confirm"]) { $1 })
            #expect(again == .unprocessableEntity && refusedAgain.contains(#"id="error-summary""#) && refusedAgain.contains("认定只作一次"))
            #expect(try await app.count("credit_ledger") == ledger + 2)
        }
    }
}
