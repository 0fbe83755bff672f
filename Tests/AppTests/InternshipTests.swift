@testable import App
import Fluent
import Foundation
import Registry
import Testing
import Vapor
import VaporTesting

@Suite("Internship posts, quotas, choices and allocation rounds")
struct InternshipTests {
    /// Creates a post as `role`; returns its id (nil when refused) and the status.
    func createPost(_ app: Application, _ f: Fixture, as role: Role, enterprise: String, title: String, capacity: Int, programs: String?) async throws -> (UUID?, HTTPStatus) {
        var body: [String: JSONValue] = [
            "enterpriseCode": .string(enterprise), "title": .string(title), "capacity": .int(capacity),
            "districtCode": .string(Fixture.districtA), "periodStart": "2026-03", "periodEnd": "2026-06",
        ]
        if let programs { body["programCodes"] = .string(programs) }
        var result: (UUID?, HTTPStatus) = (nil, .internalServerError)
        try await app.testing().test(.POST, "api/v1/internship-posts", headers: .bearer(f.token(role)), beforeRequest: { req in
            try req.content.encode(body)
        }, afterResponse: { res in
            var id: UUID?
            if case .string(let s) = try? json(res)["id"] { id = UUID(uuidString: s) }
            result = (id, res.status)
        })
        return result
    }

    func creditCode(_ app: Application, _ id: UUID) async throws -> String {
        try await app.sql.select().column("credit_code").from("enterprises").where("id", .equal, id).first()?.decode(column: "credit_code", as: String.self) ?? ""
    }

    /// The status of setting choices, or 599 when the request could not be made.
    func setChoices(_ app: Application, _ token: String, student: UUID, posts: [UUID]) async -> HTTPStatus {
        var status = HTTPStatus(statusCode: 599)
        _ = try? await app.testing().test(.PUT, "api/v1/students/\(student)/internship-preferences", headers: .bearer(token), beforeRequest: { req in
            try req.content.encode(InternshipPreferenceAPIController.Choices(postIds: posts))
        }, afterResponse: { status = $0.status })
        return status
    }

    @Test func aRoundFromPostsToPublishedPlacements() async throws {
        try await withFixture { app, f in
            let codeA = try await creditCode(app, f.enterpriseA)
            let codeB = try await creditCode(app, f.enterpriseB)
            // posts: enterprise A offers two single places; it cannot post for enterprise B
            let (post1, s1) = try await createPost(app, f, as: .enterprise, enterprise: codeA, title: "软件测试实习", capacity: 1, programs: f.programA)
            let (post2, _) = try await createPost(app, f, as: .enterprise, enterprise: codeA, title: "运维实习", capacity: 1, programs: nil)
            let (_, refused) = try await createPost(app, f, as: .enterprise, enterprise: codeB, title: "冒名岗位", capacity: 1, programs: nil)
            #expect(s1 == .created)
            #expect(refused == .forbidden)
            let p1 = try #require(post1), p2 = try #require(post2)

            // quota: A (1,200 employees, above scale) must offer ceil(2 % × 1200) = 24 places and offers 2
            try await app.testing().test(.GET, "api/v1/internship-quotas", headers: .bearer(f.token(.cityAdmin))) { res in
                let report = try res.content.decode(InternshipQuotaAPIController.Response.self)
                #expect(report.items.count == 1) // B is not above scale
                let line: [Int] = report.items.first.map { [$0.requiredPlaces, $0.offeredPlaces, $0.shortfall] } ?? []
                #expect(line == [24, 2, 22])
            }
            try await app.testing().test(.GET, "api/v1/internship-quotas", headers: .bearer(f.token(.learner))) { res in
                let items = try res.content.decode(InternshipQuotaAPIController.Response.self).items
                #expect(items.isEmpty)
            }

            // choices: the learner sets their own, not a classmate's; the school admin sets for its students; the city for anyone
            #expect(await setChoices(app, f.token(.learner), student: f.studentsA[0], posts: [p1, p2]) == .ok)
            #expect(await setChoices(app, f.token(.learner), student: f.studentsA[1], posts: [p1]) == .notFound)
            #expect(await setChoices(app, f.token(.schoolAdmin), student: f.studentsA[1], posts: [p2]) == .ok)
            #expect(await setChoices(app, f.token(.schoolAdmin), student: f.studentsB[0], posts: [p1]) == .notFound)
            #expect(await setChoices(app, f.token(.cityAdmin), student: f.studentsB[0], posts: [p1]) == .ok)
            #expect(await setChoices(app, f.token(.cityAdmin), student: f.studentsB[1], posts: [p1, p1]) == .unprocessableEntity)
            #expect(await setChoices(app, f.token(.cityAdmin), student: f.studentsB[1], posts: [UUID()]) == .unprocessableEntity)

            // only the city runs a round
            var roundID = ""
            try await app.testing().test(.POST, "api/v1/internship-rounds", headers: .bearer(f.token(.schoolAdmin)), beforeRequest: { req in
                try req.content.encode(["name": "2026春季"])
            }, afterResponse: { res in #expect(res.status == .forbidden) })
            try await app.testing().test(.POST, "api/v1/internship-rounds", headers: .bearer(f.token(.cityAdmin)), beforeRequest: { req in
                try req.content.encode(["name": "2026春季"])
            }, afterResponse: { res in
                #expect(res.status == .created)
                let round = try res.content.decode(InternshipAllocation.Summary.self)
                let counts: [Int] = [round.students, round.placed, round.places]
                #expect(counts == [3, 2, 2])
                #expect(round.status == "draft")
                roundID = round.id.uuidString
            })

            // a draft is the city's alone
            try await app.testing().test(.GET, "api/v1/internship-rounds/\(roundID)/placements", headers: .bearer(f.token(.learner))) { res in
                #expect(res.status == .notFound)
            }
            try await app.testing().test(.GET, "api/v1/internship-rounds/\(roundID)/placements", headers: .bearer(f.token(.cityAdmin))) { res in
                let placements = try res.content.decode(InternshipRoundAPIController.Placements.self)
                let byStudent = Dictionary(uniqueKeysWithValues: placements.items.map { ($0.studentId, $0) })
                // post 1 wants program A in district A: student A0 (match + same district) beats B0
                #expect(byStudent[f.studentsA[0]]?.postId == p1)
                #expect(byStudent[f.studentsA[0]]?.choiceRank == 1)
                #expect(byStudent[f.studentsA[1]]?.postId == p2)
                #expect(byStudent[f.studentsB[0]]?.postId == nil)
                #expect(byStudent[f.studentsB[0]]?.higherChoices.map(\.reason) == ["full_with_better_ranked"])
                #expect(byStudent[f.studentsB[0]]?.higherChoices.map(\.postId) == [p1.uuidString])
            }

            // publishing is final
            try await app.testing().test(.POST, "api/v1/internship-rounds/\(roundID)/publish", headers: .bearer(f.token(.cityAdmin))) { res in
                #expect(res.status == .ok)
            }
            try await app.testing().test(.POST, "api/v1/internship-rounds/\(roundID)/publish", headers: .bearer(f.token(.cityAdmin))) { res in
                #expect(res.status == .conflict)
            }
            // each placed learner's record gains the placement, once (publishing twice adds nothing)
            let placed = try await app.sql.raw("SELECT learner_id, verb_id FROM lrs_statements").all()
            #expect(Set(try placed.map { try $0.decode(column: "learner_id", as: UUID?.self) }) == [f.studentsA[0], f.studentsA[1]])
            #expect(try placed.allSatisfy { try $0.decode(column: "verb_id", as: String.self) == "http://adlnet.gov/expapi/verbs/registered" })
            #expect(placed.count == 2)
            // then each party sees its own placements
            for (role, expected) in [(Role.learner, 1), (.enterprise, 2), (.schoolAdmin, 2), (.districtAdmin, 2), (.cityAdmin, 3)] {
                try await app.testing().test(.GET, "api/v1/internship-rounds/\(roundID)/placements", headers: .bearer(f.token(role))) { res in
                    let count = (try? res.content.decode(InternshipRoundAPIController.Placements.self))?.items.count
                    #expect(count == expected, "\(role)")
                }
            }
            let audited = try await AuditEvent.query(on: app.db).filter(\.$entity == "internship_rounds").all().map(\.action)
            #expect(audited == ["run_internship_round", "publish_internship_round"])
        }
    }

    @Test func anEnterprisesOwnRankingReplacesTheRule() async throws {
        try await withFixture { app, f in
            let codeA = try await creditCode(app, f.enterpriseA)
            let (post, _) = try await createPost(app, f, as: .enterprise, enterprise: codeA, title: "单人岗位", capacity: 1, programs: f.programA)
            let p = try #require(post)
            _ = await setChoices(app, f.token(.cityAdmin), student: f.studentsA[0], posts: [p])
            _ = await setChoices(app, f.token(.cityAdmin), student: f.studentsB[0], posts: [p])
            // The enterprise sees its applicants (no identity numbers); other enterprises' staff do not.
            try await app.testing().test(.GET, "api/v1/internship-posts/\(p)/applicants", headers: .bearer(f.token(.enterprise))) { res in
                #expect(res.status == .ok)
                let applicants = try res.content.decode(InternshipRankingAPIController.Applicants.self)
                #expect(Set(applicants.items.map(\.studentId)) == [f.studentsA[0], f.studentsB[0]])
                for id in f.studentIDNumbersA { #expect(!bodyString(res).contains(id)) }
            }
            try await app.testing().test(.GET, "api/v1/internship-posts/\(p)/applicants", headers: .bearer(f.token(.learner))) { res in
                #expect(res.status == .forbidden)
            }
            // A student who did not apply cannot be ranked.
            try await app.testing().test(.PUT, "api/v1/internship-posts/\(p)/ranking", headers: .bearer(f.token(.enterprise)), beforeRequest: { req in
                try req.content.encode(InternshipRankingAPIController.Ranking(studentIds: [f.studentsA[1]]))
            }, afterResponse: { res in #expect(res.status == .unprocessableEntity) })
            // The enterprise prefers B0, whom the default rule would rank lower (program mismatch, other district).
            try await app.testing().test(.PUT, "api/v1/internship-posts/\(p)/ranking", headers: .bearer(f.token(.enterprise)), beforeRequest: { req in
                try req.content.encode(InternshipRankingAPIController.Ranking(studentIds: [f.studentsB[0]]))
            }, afterResponse: { res in #expect(res.status == .ok) })
            var roundID = ""
            try await app.testing().test(.POST, "api/v1/internship-rounds", headers: .bearer(f.token(.cityAdmin)), beforeRequest: { req in
                try req.content.encode(["name": "企业自定排序"])
            }, afterResponse: { res in roundID = try res.content.decode(InternshipAllocation.Summary.self).id.uuidString })
            try await app.testing().test(.GET, "api/v1/internship-rounds/\(roundID)/placements", headers: .bearer(f.token(.cityAdmin))) { res in
                let items = try res.content.decode(InternshipRoundAPIController.Placements.self).items
                let byStudent = Dictionary(uniqueKeysWithValues: items.map { ($0.studentId, $0) })
                #expect(byStudent[f.studentsB[0]]?.postId == p)
                // A0 was left out of the enterprise's ranking: not acceptable to it
                #expect(byStudent[f.studentsA[0]]?.postId == nil)
                #expect(byStudent[f.studentsA[0]]?.higherChoices.map(\.reason) == ["not_acceptable"])
            }
        }
    }
}
