@testable import App
import Fluent
import Foundation
import Registry
import SQLKit
import Vapor
import VaporTesting

/// Two districts (南山 440305 = A, 宝安 440306 = B), one school and one enterprise in each,
/// two teachers and two students per school, and an account + bearer token for every role,
/// scoped to district A / school A / enterprise A.
struct Fixture {
    static let password = "correct horse battery staple"
    static let districtA = "440305"
    static let districtB = "440306"

    var schoolA: UUID
    var schoolB: UUID
    var enterpriseA: UUID
    var enterpriseB: UUID
    var studentsA: [UUID]
    var studentsB: [UUID]
    var teachersA: [UUID]
    var teachersB: [UUID]
    var programA: String
    var programB: String
    /// Plain ID numbers of the students of school A, in the order of `studentsA`.
    var studentIDNumbersA: [String]
    var tokens: [Role: String]

    func token(_ role: Role) -> String { tokens[role] ?? "" }

    static func load(_ app: Application) async throws -> Fixture {
        let catalog = app.services.catalog
        guard let associate = catalog.programs.majors(at: .associate).first,
              let secondary = catalog.programs.majors(at: .secondary).first else { throw FixtureError.catalog }
        var people = SyntheticPeople(seed: 7, regionCodes: ["440305", "440306", "110105"])
        let admin = CallerScope(role: .cityAdmin)

        try await write(InstitutionResource.self, app, admin, [
            ["code": "TEST-A", "name": "南山测试职业技术学院", "kind": "higher_vocational", "ownership": "public", "districtCode": districtA],
            ["code": "TEST-B", "name": "宝安测试职业学校", "kind": "secondary_vocational", "ownership": "public", "districtCode": districtB],
        ])
        try await write(ProgramResource.self, app, admin, [
            ["institutionCode": "TEST-A", "catalogCode": associate.code],
            ["institutionCode": "TEST-B", "catalogCode": secondary.code],
        ])
        var teachers: [FieldValues] = []
        var students: [FieldValues] = []
        var idsA: [String] = []
        for (school, program, level) in [("TEST-A", associate.code, "associate"), ("TEST-B", secondary.code, "secondary")] {
            for n in 1...2 {
                let sex: Sex = n == 1 ? .female : .male
                teachers.append([
                    "institutionCode": school, "staffNo": "T\(n)", "name": people.name(sex), "idNumber": people.residentID(sex: sex, bornIn: 1970...1990),
                    "sex": sex.rawValue, "teachesProfessionalCourses": "true", "dualQualified": n == 1 ? "true" : "false",
                    "enterprisePartTime": "false", "titleLevel": "intermediate",
                ])
                let id = people.residentID(sex: sex, bornIn: 2005...2006)
                if school == "TEST-A" { idsA.append(id) }
                students.append([
                    "institutionCode": school, "studentNo": "S\(n)", "name": people.name(sex), "idNumber": id, "sex": sex.rawValue,
                    "programCode": program, "level": level, "enrolmentYear": "2024", "origin": "mainland",
                ])
            }
        }
        try await write(TeacherResource.self, app, admin, teachers)
        try await write(StudentResource.self, app, admin, students)
        try await write(EnterpriseResource.self, app, admin, [
            ["creditCode": people.creditCode(division: districtA), "name": "南山测试科技有限公司", "employees": "1200", "aboveScale": "true", "industryCode": "3911", "districtCode": districtA, "integrationStatus": "certified"],
            ["creditCode": people.creditCode(division: districtB), "name": "宝安测试制造有限公司", "employees": "80", "aboveScale": "false", "industryCode": "3911", "districtCode": districtB, "integrationStatus": "none"],
        ])

        func ids(_ table: String, _ column: String, _ value: String, order: String = "id") async throws -> [UUID] {
            try await app.sql.select().column("id").from(table).where(SQLIdentifier(column), .equal, value).orderBy(order).all().map { try $0.decode(column: "id", as: UUID.self) }
        }
        let schoolA = try await ids("institutions", "code", "TEST-A")[0]
        let schoolB = try await ids("institutions", "code", "TEST-B")[0]
        let studentsA = try await ids("students", "institution_code", "TEST-A", order: "student_no")
        let teachersA = try await ids("teachers", "institution_code", "TEST-A", order: "staff_no")
        let enterpriseA = try await ids("enterprises", "district_code", districtA)[0]

        let scopes: [Role: CallerScope] = [
            .cityAdmin: admin,
            .districtAdmin: CallerScope(role: .districtAdmin, districtCode: districtA),
            .schoolAdmin: CallerScope(role: .schoolAdmin, institutionID: schoolA),
            .teacher: CallerScope(role: .teacher, institutionID: schoolA, teacherID: teachersA[0]),
            .enterprise: CallerScope(role: .enterprise, enterpriseID: enterpriseA),
            .learner: CallerScope(role: .learner, studentID: studentsA[0]),
            .creditReviewer: CallerScope(role: .creditReviewer),
        ]
        let hash = try await app.password.async.hash(password)
        var tokens: [Role: String] = [:]
        for (role, scope) in scopes {
            try await User(username: "test-\(role.rawValue)", displayName: role.labelZh, passwordHash: hash, scope: scope).create(on: app.db)
            try await app.testing().test(.POST, "api/v1/auth/tokens", beforeRequest: { req in
                try req.content.encode(["username": "test-\(role.rawValue)", "password": password])
            }, afterResponse: { res in
                tokens[role] = try res.content.decode(AuthAPIController.TokenResponse.self).token
            })
        }
        return Fixture(
            schoolA: schoolA, schoolB: schoolB, enterpriseA: enterpriseA, enterpriseB: try await ids("enterprises", "district_code", districtB)[0],
            studentsA: studentsA, studentsB: try await ids("students", "institution_code", "TEST-B", order: "student_no"),
            teachersA: teachersA, teachersB: try await ids("teachers", "institution_code", "TEST-B", order: "staff_no"),
            programA: associate.code, programB: secondary.code, studentIDNumbersA: idsA, tokens: tokens
        )
    }

    static func write<R: RegistryResource>(_: R.Type, _ app: Application, _ caller: CallerScope, _ rows: [FieldValues]) async throws {
        let writer = RegistryWriter<R>(db: app.db, caller: caller, vault: app.services.vault, catalog: app.services.catalog)
        switch try await writer.prepare(rows.map { RegistryWriter<R>.Input(values: $0) }) {
        case .ready(let records): try await writer.insert(records)
        case .rejected(let errors): throw FixtureError.rejected(errors.map(\.error.message))
        }
    }

    enum FixtureError: Error {
        case catalog
        case rejected([String])
    }
}
