@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

/// The work list's forms as people use them: a refused report or review comes back with what
/// was typed and each reason by its field, and stores nothing; an accepted one says so.
@Suite("Work list pages: the report and review forms")
struct WorkListPagesTests {
    @Test func aRefusedReportKeepsWhatWasTypedAndStoresNothing() async throws {
        try await withFixture { app, _ in
            var city = try await PageBrowser.signIn(app, "test-city_admin")
            let (_, blank) = try await city.get("work-tasks/C47")
            #expect(!blank.contains("aria-invalid") && !blank.contains("error-summary"))
            let (status, page, _) = try await city.post("work-tasks/C47/reports", ["text": "条例草案已提交审议", "percent": "七十"])
            #expect(status == .unprocessableEntity)
            #expect(page.contains(#"id="error-summary""#) && page.contains(##"href="#report-percent""##))
            #expect(page.contains("应为0到100的整数") && !page.contains("must be a whole number"))
            #expect(page.contains(#"value="七十""#) && page.contains("条例草案已提交审议</textarea>"))
            #expect(page.contains(#"aria-invalid="true""#))
            #expect(try await app.count("work_reports") == 0)

            let (tooMuch, again, _) = try await city.post("work-tasks/C47/reports", ["text": "", "percent": "150"])
            #expect(tooMuch == .unprocessableEntity)
            #expect(again.contains(##"href="#report-text""##) && again.contains(##"href="#report-percent""##) && again.contains(#"value="150""#))
            #expect(try await app.count("work_reports") == 0)

            let (done, _, location) = try await city.post("work-tasks/C47/reports", ["text": "条例草案已提交审议", "percent": "70%"])
            #expect(done == .seeOther && location == "/work-tasks/C47?reported=1")
            let (_, shown) = try await city.get("work-tasks/C47?reported=1")
            #expect(shown.contains(#"id="confirmation""#) && shown.contains("进展报告已报送"))
            #expect(try await app.count("work_reports") == 1)
        }
    }

    @Test func aReturnWithoutAReasonComesBackBesideItsReport() async throws {
        try await withFixture { app, _ in
            var city = try await PageBrowser.signIn(app, "test-city_admin")
            _ = try await city.get("work-tasks/C47")
            _ = try await city.post("work-tasks/C47/reports", ["text": "进展", "percent": "40"])
            let id = try #require(try await app.sql.select().column("id").from("work_reports").first()?.decode(column: "id", as: UUID.self))
            let (status, page, _) = try await city.post("work-reports/\(id.uuidString)/review", ["decision": "returned", "comment": "  "])
            #expect(status == .unprocessableEntity)
            #expect(page.contains(##"href="#review-comment-\##(id.uuidString)""##) && page.contains("退回时须说明理由"))
            #expect(page.contains(#"id="review-comment-\#(id.uuidString)""#))
            let review = try await app.sql.select().column("review").from("work_reports").first()?.decode(column: "review", as: String.self)
            #expect(review == "pending")

            let (done, _, location) = try await city.post("work-reports/\(id.uuidString)/review", ["decision": "returned", "comment": "请补充佐证"])
            #expect(done == .seeOther && location == "/work-tasks/C47?reviewed=returned")
            #expect(try await city.get("work-tasks/C47?reviewed=returned").1.contains("已退回该报告"))
        }
    }
}
