@testable import App
import Foundation
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The learner's choice page and the enterprise's applicant ranking, driven as forms: what was
/// typed comes back with the message by its field, a saved form says so, and the API sees the
/// same choices and ranking the pages wrote.
@Suite("Internship pages: a learner's choices, an enterprise's ranking")
struct InternshipPagesTests {
    func createPost(_ app: Application, _ f: Fixture, enterprise: UUID, title: String) async throws -> UUID {
        let code = try await app.sql.select().column("credit_code").from("enterprises").where("id", .equal, enterprise).first()?.decode(column: "credit_code", as: String.self) ?? ""
        var id: UUID?
        try await app.testing().test(.POST, "api/v1/internship-posts", headers: .bearer(f.token(.cityAdmin)), beforeRequest: { req in
            try req.content.encode([
                "enterpriseCode": JSONValue.string(code), "title": .string(title), "capacity": .int(2),
                "districtCode": .string(Fixture.districtA), "periodStart": "2026-03", "periodEnd": "2026-06",
            ])
        }, afterResponse: { res in
            if case .string(let s) = try? json(res)["id"] { id = UUID(uuidString: s) }
        })
        return try #require(id)
    }

    @Test func aLearnerEntersAndChangesTheirChoicesAndTypedValuesComeBack() async throws {
        try await withFixture { app, f in
            let welder = try await createPost(app, f, enterprise: f.enterpriseA, title: "焊接实习生")
            let robot = try await createPost(app, f, enterprise: f.enterpriseB, title: "机器人运维实习生")
            var learner = try await PageBrowser.signIn(app, "test-learner")
            let (status, page) = try await learner.get("internships/choices")
            #expect(status == .ok)
            #expect(page.contains("焊接实习生") && page.contains("机器人运维实习生"))
            #expect(page.contains("还没有发布分配结果"))

            // The same post twice, and a value that is no post: both named by their slot, nothing saved.
            let (bad, badPage, _) = try await learner.post("internships/choices", ["choice1": welder.uuidString, "choice2": welder.uuidString, "choice3": "not-a-post"])
            #expect(bad == .unprocessableEntity)
            #expect(badPage.contains("error-summary") && badPage.contains("有 2 处需要修改"))
            #expect(badPage.contains(#"id="error-choice2""#) && badPage.contains("与第1志愿是同一个岗位"))
            #expect(badPage.contains(#"id="error-choice3""#))
            #expect(badPage.contains(##"href="#choice2""##))
            // What was typed is still selected.
            #expect(selected(badPage, welder) == 2)
            #expect(try await choices(app, f, f.studentsA[0]).isEmpty)
            // A well-formed id that is no post (a stale or altered page): the store refuses it,
            // and the page puts the message by the slot that held it, not under "postIds".
            let ghost = UUID()
            let (stale, stalePage, _) = try await learner.post("internships/choices", ["choice1": welder.uuidString, "choice2": ghost.uuidString])
            #expect(stale == .unprocessableEntity)
            #expect(stalePage.contains(#"id="error-choice2""#) && stalePage.contains(##"href="#choice2""##) && !stalePage.contains("postIds"))
            #expect(try await choices(app, f, f.studentsA[0]).isEmpty)

            let (saved, _, location) = try await learner.post("internships/choices", ["choice1": robot.uuidString, "choice2": "", "choice3": welder.uuidString])
            #expect(saved == .seeOther)
            #expect(location == "/internships/choices?saved=2")
            #expect(try await choices(app, f, f.studentsA[0]) == [robot, welder])
            let (_, after) = try await learner.get("internships/choices?saved=2")
            #expect(after.contains(#"id="confirmation""#) && after.contains("已保存 2 个志愿"))
            #expect(selected(after, robot) == 1 && selected(after, welder) == 1)

            // Another role has no choice page of its own.
            var enterprise = try await PageBrowser.signIn(app, "test-enterprise")
            #expect(try await enterprise.get("internships/choices").0 == .forbidden)
        }
    }

    @Test func anEnterpriseRanksItsApplicantsOnThePage() async throws {
        try await withFixture { app, f in
            let own = try await createPost(app, f, enterprise: f.enterpriseA, title: "数控实习生")
            let foreign = try await createPost(app, f, enterprise: f.enterpriseB, title: "物流实习生")
            for student in f.studentsA {
                _ = try await app.testing().test(.PUT, "api/v1/students/\(student)/internship-preferences", headers: .bearer(f.token(.cityAdmin)), beforeRequest: { req in
                    try req.content.encode(InternshipPreferenceAPIController.Choices(postIds: [own, foreign]))
                })
            }
            var enterprise = try await PageBrowser.signIn(app, "test-enterprise")
            let (listStatus, list) = try await enterprise.get("internships/posts")
            #expect(listStatus == .ok)
            #expect(list.contains("数控实习生") && !list.contains("物流实习生"))
            // Another enterprise's post is outside its scope: not found.
            #expect(try await enterprise.get("internships/posts/\(foreign)/applicants").0 == .notFound)

            let (status, page) = try await enterprise.get("internships/posts/\(own)/applicants")
            #expect(status == .ok)
            #expect(page.contains("南山测试职业技术学院"))
            let first = InternshipApplicantsPage.field(f.studentsA[0]), second = InternshipApplicantsPage.field(f.studentsA[1])

            // The same position twice and a word: named by the field, what was typed kept.
            let (bad, badPage, _) = try await enterprise.post("internships/posts/\(own)/applicants", [first: "1", second: "一"])
            #expect(bad == .unprocessableEntity)
            #expect(badPage.contains(#"id="error-\#(second)""#) && badPage.contains("应为 1 到 2 的整数"))
            #expect(badPage.contains(#"value="一""#))
            let (dup, dupPage, _) = try await enterprise.post("internships/posts/\(own)/applicants", [first: "1", second: "1"])
            #expect(dup == .unprocessableEntity && dupPage.contains("的排序重复"))
            #expect(try await ApplicantRankingStore(sql: app.sql, caller: CallerScope(role: .cityAdmin)).positions(own).isEmpty)

            // Second student first: saved in that order, as the API reads it.
            let (saved, _, location) = try await enterprise.post("internships/posts/\(own)/applicants", [first: "2", second: "1"])
            #expect(saved == .seeOther && location == "/internships/posts/\(own.uuidString)/applicants?saved=2")
            var order: [UUID] = []
            try await app.testing().test(.GET, "api/v1/internship-posts/\(own)/applicants", headers: .bearer(f.token(.enterprise))) { res in
                order = try res.content.decode(InternshipRankingAPIController.Applicants.self).items.map(\.studentId)
            }
            #expect(order == [f.studentsA[1], f.studentsA[0]])

            var learner = try await PageBrowser.signIn(app, "test-learner")
            #expect(try await learner.get("internships/posts").0 == .forbidden)
        }
    }

    /// After a round is published the learner's page says which choice they got and why each
    /// higher one was not given.
    @Test func theLearnerSeesThePublishedResultAndWhyHigherChoicesFailed() async throws {
        try await withFixture { app, f in
            let picky = try await createPost(app, f, enterprise: f.enterpriseA, title: "挑选岗位")
            let open = try await createPost(app, f, enterprise: f.enterpriseB, title: "开放岗位")
            let store = InternshipChoiceStore(sql: app.sql, caller: CallerScope(role: .cityAdmin))
            for (student, posts) in [(f.studentsA[0], [picky, open]), (f.studentsA[1], [picky])] {
                try await app.testing().test(.PUT, "api/v1/students/\(student)/internship-preferences", headers: .bearer(f.token(.cityAdmin)), beforeRequest: { req in
                    try req.content.encode(InternshipPreferenceAPIController.Choices(postIds: posts))
                }, afterResponse: { res in #expect(res.status == .ok) })
            }
            #expect(try await store.postIds(of: f.studentsA[0]) == [picky, open])
            // The picky post's enterprise ranks only the other student: the learner is not acceptable to it.
            try await app.testing().test(.PUT, "api/v1/internship-posts/\(picky)/ranking", headers: .bearer(f.token(.enterprise)), beforeRequest: { req in
                try req.content.encode(InternshipRankingAPIController.Ranking(studentIds: [f.studentsA[1]]))
            }, afterResponse: { res in #expect(res.status == .ok) })
            var round = ""
            try await app.testing().test(.POST, "api/v1/internship-rounds", headers: .bearer(f.token(.cityAdmin)), beforeRequest: { req in
                try req.content.encode(["name": "春季分配"])
            }, afterResponse: { res in round = try res.content.decode(InternshipAllocation.Summary.self).id.uuidString })
            var learner = try await PageBrowser.signIn(app, "test-learner")
            // A draft is not the learner's result yet.
            #expect(try await learner.get("internships/choices").1.contains("还没有发布分配结果"))
            try await app.testing().test(.POST, "api/v1/internship-rounds/\(round)/publish", headers: .bearer(f.token(.cityAdmin))) { res in
                #expect(res.status == .ok)
            }
            let (status, page) = try await learner.get("internships/choices")
            #expect(status == .ok)
            #expect(page.contains("春季分配") && page.contains("你获得了第2志愿") && page.contains("开放岗位"))
            #expect(page.contains(#"id="higher-choices""#) && page.contains("挑选岗位：企业不接受该学生"))
        }
    }

    /// How many options for `post` are selected on the page.
    func selected(_ page: String, _ post: UUID) -> Int {
        page.components(separatedBy: "<option").dropFirst().filter { $0.prefix(while: { $0 != ">" }).contains(#"value="\#(post.uuidString)""#) && $0.prefix(while: { $0 != ">" }).contains("selected") }.count
    }

    func choices(_ app: Application, _ f: Fixture, _ student: UUID) async throws -> [UUID] {
        try await InternshipChoiceStore(sql: app.sql, caller: CallerScope(role: .cityAdmin)).postIds(of: student)
    }
}
