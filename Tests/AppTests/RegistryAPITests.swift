@testable import App
import Foundation
import Registry
import Testing
import Vapor
import VaporTesting

@Suite("Registry API")
struct RegistryAPITests {
    func enterpriseBody(_ code: String) -> [String: JSONValue] {
        ["creditCode": .string(code), "name": "测试新企业有限公司", "employees": 350, "aboveScale": true, "industryCode": "3911",
         "districtCode": .string(Fixture.districtA), "integrationStatus": "none"]
    }

    @Test func createReadReplaceDeleteAnEnterprise() async throws {
        try await withFixture { app, f in
            var people = SyntheticPeople(seed: 3, regionCodes: [])
            let code = people.creditCode(division: Fixture.districtA)
            var id = ""
            try await app.testing().test(.POST, "api/v1/enterprises", headers: .bearer(f.token(.cityAdmin)), beforeRequest: { req in
                try req.content.encode(enterpriseBody(code))
            }, afterResponse: { res in
                #expect(res.status == .created)
                let body = try json(res)
                #expect(body["creditCode"] == .string(code))
                #expect(body["employees"] == .int(350))
                if case .string(let s) = body["id"] { id = s }
                #expect(res.headers.first(name: .location) == "/api/v1/enterprises/\(id)")
            })
            // the same credit code again is a conflict naming the field
            try await app.testing().test(.POST, "api/v1/enterprises", headers: .bearer(f.token(.cityAdmin)), beforeRequest: { req in
                try req.content.encode(enterpriseBody(code))
            }, afterResponse: { res in
                #expect(res.status == .conflict)
                #expect(bodyString(res).contains("creditCode"))
            })
            var replaced = enterpriseBody(code)
            replaced["employees"] = 20
            replaced["aboveScale"] = false
            try await app.testing().test(.PUT, "api/v1/enterprises/\(id)", headers: .bearer(f.token(.cityAdmin)), beforeRequest: { req in
                try req.content.encode(replaced)
            }, afterResponse: { res in
                #expect(res.status == .ok)
                let employees = try json(res)["employees"]
                #expect(employees == .int(20))
            })
            // the credit code cannot change
            var recoded = replaced
            recoded["creditCode"] = .string(people.creditCode(division: Fixture.districtA))
            try await app.testing().test(.PUT, "api/v1/enterprises/\(id)", headers: .bearer(f.token(.cityAdmin)), beforeRequest: { req in
                try req.content.encode(recoded)
            }, afterResponse: { res in
                #expect(res.status == .unprocessableEntity)
            })
            try await app.testing().test(.DELETE, "api/v1/enterprises/\(id)", headers: .bearer(f.token(.cityAdmin))) { res in
                #expect(res.status == .noContent)
            }
            try await app.testing().test(.GET, "api/v1/enterprises/\(id)", headers: .bearer(f.token(.cityAdmin))) { res in
                #expect(res.status == .notFound)
            }
        }
    }

    @Test func badInputNamesEveryFieldInBothLanguages() async throws {
        try await withFixture { app, f in
            let before = try await app.count("enterprises")
            let bad: [String: JSONValue] = [
                "creditCode": "91440300708461136X", "name": "", "employees": "many", "aboveScale": "yes",
                "industryCode": "9999", "districtCode": "110101", "integrationStatus": "maybe", "role": "city_admin",
            ]
            try await app.testing().test(.POST, "api/v1/enterprises", headers: .bearer(f.token(.cityAdmin)), beforeRequest: { req in
                try req.content.encode(bad)
            }, afterResponse: { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.headers.contentType?.description.hasPrefix("application/problem+json") == true)
                let problem = try res.content.decode(Problem.self)
                let fields = Set(problem.errors?.map(\.field) ?? [])
                // type errors are reported first (employees, aboveScale, role, integrationStatus); nothing is written
                #expect(fields.isSuperset(of: ["employees", "aboveScale", "role", "integrationStatus"]))
                #expect(problem.errors?.allSatisfy { !$0.reasonZh.isEmpty && !$0.reasonEn.isEmpty } == true)
            })
            var typed = bad
            typed["employees"] = 10
            typed["aboveScale"] = false
            typed["integrationStatus"] = "none"
            typed["role"] = nil
            try await app.testing().test(.POST, "api/v1/enterprises", headers: .bearer(f.token(.cityAdmin)), beforeRequest: { req in
                try req.content.encode(typed)
            }, afterResponse: { res in
                #expect(res.status == .unprocessableEntity)
                let fields = Set(try res.content.decode(Problem.self).errors?.map(\.field) ?? [])
                #expect(fields == ["creditCode", "name", "industryCode", "districtCode"])
            })
            #expect(try await app.count("enterprises") == before)
        }
    }

    @Test func movingAnInstitutionMovesItsPeopleToTheNewDistrictScope() async throws {
        try await withFixture { app, f in
            let body: [String: JSONValue] = [
                "code": "TEST-A", "name": "南山测试职业技术学院", "kind": "higher_vocational", "ownership": "public", "districtCode": .string(Fixture.districtB),
            ]
            try await app.testing().test(.PUT, "api/v1/institutions/\(f.schoolA)", headers: .bearer(f.token(.cityAdmin)), beforeRequest: { req in
                try req.content.encode(body)
            }, afterResponse: { res in #expect(res.status == .ok) })
            // district A's administrator no longer sees school A's students
            try await app.testing().test(.GET, "api/v1/students", headers: .bearer(f.token(.districtAdmin))) { res in
                let total = try res.content.decode(RecordPage.self).total
                #expect(total == 0)
            }
            let moved = try await app.sql.select().column("district_code").from("students").where("institution_code", .equal, "TEST-A").all()
                .map { try $0.decode(column: "district_code", as: String.self) }
            #expect(moved == [Fixture.districtB, Fixture.districtB])
        }
    }

    @Test func deletingAReferencedRecordIsAConflict() async throws {
        try await withFixture { app, f in
            try await app.testing().test(.DELETE, "api/v1/institutions/\(f.schoolA)", headers: .bearer(f.token(.cityAdmin))) { res in
                #expect(res.status == .conflict)
            }
            #expect(try await app.count("students") == 4)
        }
    }

    @Test func listsFilterAndPage() async throws {
        try await withFixture { app, f in
            try await app.testing().test(.GET, "api/v1/institutions?kind=higher_vocational&per=1&page=1", headers: .bearer(f.token(.cityAdmin))) { res in
                let page = try res.content.decode(RecordPage.self)
                // TEST-A plus the two higher-vocational policy institutions
                #expect(page.total == 3)
                #expect(page.items.count == 1)
            }
            try await app.testing().test(.GET, "api/v1/institutions?q=\("南山测试".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")", headers: .bearer(f.token(.cityAdmin))) { res in
                let page = try res.content.decode(RecordPage.self)
                #expect(page.total == 1)
                #expect(page.items.first?.fields["code"] == .string("TEST-A"))
            }
            try await app.testing().test(.GET, "api/v1/students?per=0", headers: .bearer(f.token(.cityAdmin))) { res in
                #expect(res.status == .unprocessableEntity)
            }
        }
    }

    @Test func studentValidationChecksCrossFieldRules() async throws {
        try await withFixture { app, f in
            var people = SyntheticPeople(seed: 11, regionCodes: ["440305"])
            let female = people.residentID(sex: .female, bornIn: 2006...2006)
            let body: [String: JSONValue] = [
                "institutionCode": "TEST-A", "studentNo": "S7", "name": "王芳", "idNumber": .string(female), "sex": "male",
                "programCode": .string(f.programB), "level": "associate", "enrolmentYear": 2024, "origin": "mainland",
            ]
            try await app.testing().test(.POST, "api/v1/students", headers: .bearer(f.token(.schoolAdmin)), beforeRequest: { req in
                try req.content.encode(body)
            }, afterResponse: { res in
                #expect(res.status == .unprocessableEntity)
                let fields = Set(try res.content.decode(Problem.self).errors?.map(\.field) ?? [])
                // sex disagrees with the ID; program B is a secondary code, so the level disagrees too
                #expect(fields == ["sex", "level"])
            })
        }
    }
}
