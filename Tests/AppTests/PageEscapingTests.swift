@testable import App
import CreditBank
import Fluent
import Foundation
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Hostile text in every field a page shows — registry records, credit-bank outcomes and
/// decisions, rule documents, work reports and their files, round names, a user's display
/// name, search queries, the sign-in echo, import errors — then every page fetched as the city
/// and as the role that works with it. No page may carry the raw tag, an attribute broken out
/// of, or entity-looking text passed through as markup; each shows the value escaped once.
@Suite("Pages escape every value they show")
struct PageEscapingTests {
    /// `label`, then a value that leaves a quoted attribute (either quote), opens a tag, and
    /// carries text that looks like entities but must show literally.
    static func hostile(_ label: String) -> String { label + "\"'><zx-inject a=1>&lt;&amp;" }

    /// How `hostile(label)` must appear in the HTML: every special character escaped once.
    static func shown(_ label: String) -> String { label + "&quot;&#39;&gt;&lt;zx-inject a=1&gt;&amp;lt;&amp;amp;" }

    /// A hostile skill list as stored: split at `;` into lower-cased terms, joined by `;` —
    /// so the value loses its last `;`.
    static func shownSkills(_ label: String) -> String { String(shown(label).dropLast()) }

    static func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }

    /// What is wrong with one page: the raw tag, an attribute value broken out of, entity text
    /// passed through as markup (so `&lt;` would display as `<`), or an expected value missing.
    static func problems(_ html: String, expect: [String]) -> [String] {
        var found: [String] = []
        if html.contains("<zx-inject") { found.append("raw <zx-inject> tag") }
        if html.contains("\"'>") { found.append("an attribute broken by \"'>") }
        if html.contains("a=1>") || html.contains("a=1&gt;&lt;&amp;") { found.append("entity text passed through unescaped") }
        for value in expect where !html.contains(value) { found.append("missing \(value)") }
        return found
    }

    func request(_ app: Application, _ method: HTTPMethod, _ path: String, token: String?, json: [String: JSONValue]? = nil,
                 body: (type: HTTPMediaType, data: Data)? = nil, form: [String: String]? = nil) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: token.map { HTTPHeaders.bearer($0) } ?? HTTPHeaders(), beforeRequest: { req in
            if let json { try req.content.encode(json) }
            if let form { try req.content.encode(form, as: .urlEncodedForm) }
            if let body {
                req.headers.contentType = body.type
                req.body = ByteBuffer(data: body.data)
            }
        }, afterResponse: { result = $0 })
        return try #require(result)
    }

    /// A multipart body: plain fields, and one file part when `file` is given.
    static func multipart(_ fields: [String: String], file: (name: String, fileName: String, content: String)? = nil) -> (type: HTTPMediaType, data: Data) {
        let boundary = "zx-page-escaping-boundary"
        var text = ""
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        if let file {
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.fileName)\"\r\nContent-Type: text/csv\r\n\r\n\(file.content)\r\n"
        }
        text += "--\(boundary)--\r\n"
        return (HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]), Data(text.utf8))
    }

    /// A CSV cell, quoted.
    static func csv(_ cell: String) -> String { "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    struct Seeded {
        var learner: UUID
        var credential: UUID
        var round: UUID
        var designationIndicator: String
        var unitToken: String
    }

    /// Stores a hostile value in every text field the pages show.
    func seed(_ app: Application, _ f: Fixture) async throws -> Seeded {
        let h = Self.hostile
        let admin = CallerScope(role: .cityAdmin)
        let city = f.token(.cityAdmin)
        var people = SyntheticPeople(seed: 31, regionCodes: [Fixture.districtA])
        let enterpriseRow = try await app.sql.select().column("credit_code").from("enterprises").where("id", .equal, f.enterpriseA).first()
        let enterpriseA = try #require(try enterpriseRow?.decode(column: "credit_code", as: String.self))

        // The registry: one record of each kind with every free-text field hostile.
        try await Fixture.write(InstitutionResource.self, app, admin, [
            ["code": "TEST-H", "name": h("INST"), "nameEn": h("INSTEN"), "kind": "higher_vocational", "ownership": "public", "districtCode": Fixture.districtA],
        ])
        try await Fixture.write(ProgramClusterResource.self, app, admin, [["institutionCode": "TEST-H", "name": h("CLUSTER"), "industryCluster": "next_gen_ict"]])
        try await Fixture.write(ProgramResource.self, app, admin, [
            ["institutionCode": "TEST-H", "catalogCode": f.programA, "name": h("PROG"), "clusterName": h("CLUSTER"), "skillsTaught": h("progskill")],
        ])
        func teacher(_ school: String, _ no: String, _ name: String) -> FieldValues {
            ["institutionCode": school, "staffNo": no, "name": name, "idNumber": people.residentID(sex: .female, bornIn: 1970...1990), "sex": "female",
             "teachesProfessionalCourses": "true", "dualQualified": "false", "enterprisePartTime": "false", "titleLevel": "intermediate"]
        }
        try await Fixture.write(TeacherResource.self, app, admin, [teacher("TEST-H", "H1", h("TEACHER")), teacher("TEST-A", "A9", h("TEACHERA"))])
        try await Fixture.write(StudentResource.self, app, admin, [[
            "institutionCode": "TEST-A", "studentNo": "S9", "name": h("STUDENT"), "idNumber": people.residentID(sex: .male, bornIn: 2005...2006), "sex": "male",
            "programCode": f.programA, "level": "associate", "enrolmentYear": "2024", "origin": "mainland",
        ]])
        try await Fixture.write(EnterpriseResource.self, app, admin, [[
            "creditCode": people.creditCode(division: Fixture.districtA), "name": h("ENT"), "employees": "500", "aboveScale": "true", "industryCode": "3911",
            "districtCode": Fixture.districtA, "integrationStatus": "none",
        ]])
        try await Fixture.write(TrainingBaseResource.self, app, admin, [[
            "name": h("BASE"), "kind": "on_campus", "ownerKind": "institution", "ownerCode": "TEST-H", "districtCode": Fixture.districtA, "capacity": "40",
        ]])
        try await Fixture.write(InternshipPostResource.self, app, admin, [[
            "enterpriseCode": enterpriseA, "title": h("POST"), "capacity": "2", "districtCode": Fixture.districtA, "periodStart": "2026-03", "periodEnd": "2026-06",
        ]])
        try await Fixture.write(LabourDemandResource.self, app, admin, [[
            "enterpriseCode": enterpriseA, "title": h("DEMAND"), "occupationCode": "4-04-05", "skills": h("dskill"), "educationLevel": "associate",
            "headcount": "5", "periodStart": "2025-03", "periodEnd": "2025-12", "districtCode": Fixture.districtA,
        ]])
        try await Fixture.write(NegativeListEntryResource.self, app, admin, [["code": "NL-ZX", "terms": "ZXBANNED", "description": h("NLDESC"), "basis": h("NLBASIS")]])
        try await Fixture.write(CooperationAgreementResource.self, app, admin, [[
            "institutionCode": "TEST-H", "enterpriseCode": enterpriseA, "kind": "order_class", "title": h("AGREE"),
            "startDate": "2025-01-01", "endDate": "2027-12-31", "terms": "ZXBANNED " + h("AGTERMS"),
        ]])
        let designation = try #require(app.services.indicators.indicators.lazy.compactMap { indicator -> (String, String)? in
            guard case .designations(let kind) = indicator.measure,
                  ![DesignationKind.smartCampus5G.rawValue, DesignationKind.nationalQualitySecondarySchool.rawValue].contains(kind) else { return nil }
            return (indicator.id, kind)
        }.first)
        try await Fixture.write(DesignationResource.self, app, admin, [[
            "code": "ZX-1", "kind": designation.1, "name": h("DESIG"), "designatedOn": "2022-06-30", "document": h("DESIGDOC"),
        ]])
        try await Fixture.write(SpendingResource.self, app, admin, [[
            "code": "SP-ZX", "spentOn": "2023-01-10", "amountFen": "12345", "source": "city", "purpose": h("SPEND"), "districtCode": Fixture.districtA,
        ]])

        // An allocation round with a hostile name; the hostile student chooses the hostile post.
        let studentRow = try await app.sql.select().column("id").from("students").where("student_no", .equal, "S9").first()
        let student = try #require(try studentRow?.decode(column: "id", as: UUID.self))
        let postRow = try await app.sql.select().column("id").from("internship_posts").where("title", .equal, h("POST")).first()
        let post = try #require(try postRow?.decode(column: "id", as: UUID.self))
        let choices = try await request(app, .PUT, "api/v1/students/\(student)/internship-preferences", token: city, json: ["postIds": .array([.string(post.uuidString)])])
        #expect(choices.status == .ok, "\(bodyString(choices))")
        let run = try await request(app, .POST, "api/v1/internship-rounds", token: city, json: ["name": .string(h("ROUND"))])
        #expect(run.status == .created, "\(bodyString(run))")
        let round = try run.content.decode(InternshipAllocation.Summary.self).id

        // The credit bank: a hostile qualification name, a learner (the fixture's learner, by
        // document), a recognised outcome, one waiting for evidence with a hostile reason.
        let bank = CreditBankAppTests()
        try await bank.loadRules(app, city)
        var qualification = try #require(DemoCreditBank.qualifications.first)
        qualification.nameZh = h("QUAL")
        qualification.nameEn = h("QUAL")
        let put = try await bank.request(app, .PUT, "api/v1/credit-bank/rules/qualification/\(qualification.id)", city,
                                         json: String(decoding: try JSONEncoder().encode(qualification), as: UTF8.self))
        #expect(put.status == .noContent, "\(bodyString(put))")
        let created = try await request(app, .POST, "api/v1/credit-bank/learners", token: city,
                                        json: ["name": .string(h("LEARNER")), "documentKind": "resident_id", "idNumber": .string(f.studentIDNumbersA[0])])
        #expect(created.status == .created, "\(bodyString(created))")
        let learner = try created.content.decode(CreditBankAPIController.CreatedLearner.self).learner.id
        let recognised = try await request(app, .POST, "api/v1/credit-bank/learners/\(learner)/outcomes", token: city, json: [
            "kind": "skill_level_certificate", "issuer": .string(h("OISSUER")), "title": .string(h("OTITLE")), "code": "1X-WEB-M",
            "levelFramework": "gd-lqf", "level": 4, "awardedOn": "2025-06-30", "validUntil": "2028-06-30",
        ])
        #expect(recognised.status == .created, "\(bodyString(recognised))")
        let outcome = try recognised.content.decode(CreditBankAPIController.Submitted.self).outcomeId
        let queued = try await request(app, .POST, "api/v1/credit-bank/learners/\(learner)/outcomes", token: city, json: [
            "kind": "work_experience", "issuer": .string(h("WISSUER")), "title": .string(h("WTITLE")), "hours": 960,
            "awardedOn": "2025-08-31", "levelFramework": "mo-he", "level": 1,
        ])
        #expect(queued.status == .created, "\(bodyString(queued))")
        let work = try queued.content.decode(CreditBankAPIController.Submitted.self).outcomeId
        let ask = try await request(app, .POST, "api/v1/credit-bank/outcomes/\(work)/decision", token: f.token(.creditReviewer),
                                    json: ["verdict": "evidence_requested", "reasonZh": .string(h("REASON"))])
        #expect(ask.status == .ok, "\(bodyString(ask))")

        // A credential for the recognised outcome (its title is hostile).
        _ = try await IssuerKeyStore(sql: app.sql, vault: app.services.vault, issuer: app.services.issuer).rotate()
        let issued = try await request(app, .POST, "api/v1/credit-bank/learners/\(learner)/credentials", token: city,
                                       json: ["kind": "outcome", "subject": .string(outcome.uuidString)])
        #expect(issued.status == .created, "\(bodyString(issued))")
        let credential = try issued.content.decode(CredentialAPIController.IssuedBody.self).credential.id

        // The work list: a responsible unit with a hostile display name; two reports with hostile
        // text and file name, one returned with a hostile comment.
        let lead = try #require(app.services.workList["C25"]?.lead)
        let hash = try await app.password.async.hash(Fixture.password)
        try await User(username: "test-unit", displayName: h("DISPLAY"), passwordHash: hash, scope: CallerScope(role: .responsibleUnit, unit: lead)).create(on: app.db)
        let signIn = try await request(app, .POST, "api/v1/auth/tokens", token: nil, json: ["username": "test-unit", "password": .string(Fixture.password)])
        let unitToken = try signIn.content.decode(AuthAPIController.TokenResponse.self).token
        let evidence: JSONValue = .array([.object(["fileName": .string(h("FILE") + ".txt"), "contentType": "text/plain", "contentBase64": .string(Data("evidence".utf8).base64EncodedString())])])
        let report = try await request(app, .POST, "api/v1/work-tasks/C25/reports", token: unitToken, json: ["text": .string(h("REPORT")), "percent": 40, "evidence": evidence])
        #expect(report.status == .created, "\(bodyString(report))")
        let second = try await request(app, .POST, "api/v1/work-tasks/C25/reports", token: city, json: ["text": .string(h("REPORTTWO")), "percent": 50])
        #expect(second.status == .created, "\(bodyString(second))")
        let secondID = try second.content.decode(WorkListAPIController.Created.self).id
        let returned = try await request(app, .POST, "api/v1/work-reports/\(secondID)/review", token: city, json: ["decision": "returned", "comment": .string(h("COMMENT"))])
        #expect(returned.status == .ok, "\(bodyString(returned))")

        return Seeded(learner: learner, credential: credential, round: round, designationIndicator: designation.0, unitToken: unitToken)
    }

    @Test func everyPageShowsHostileValuesLiterally() async throws {
        try await withFixture { app, f in
            let s = try await seed(app, f)
            let city = f.token(.cityAdmin)
            let shown = Self.shown
            var checked: [String] = []

            func check(_ path: String, method: HTTPMethod = .GET, as token: String?, status: HTTPStatus = .ok, expect labels: [String] = [], exact: [String] = [],
                       json: [String: JSONValue]? = nil, body: (type: HTTPMediaType, data: Data)? = nil, form: [String: String]? = nil) async throws {
                let res = try await request(app, method, path, token: token, json: json, body: body, form: form)
                let html = bodyString(res)
                #expect(res.status == status, "\(method) \(path): \(res.status) \(html.prefix(300))")
                #expect(res.headers.contentType == .html, "\(method) \(path) is not HTML")
                let problems = Self.problems(html, expect: labels.map(shown) + exact)
                #expect(problems.isEmpty, "\(method) \(path): \(problems.joined(separator: "; "))")
                checked.append("\(method) \(path)")
            }

            // Every registry list (and its import form) as the city.
            let skills = [Self.shownSkills("dskill"), Self.shownSkills("progskill")]
            let registry: [String: [String]] = [
                "institutions": ["INST", "INSTEN"].map(shown), "program-clusters": [shown("CLUSTER")], "programs": ["PROG", "CLUSTER"].map(shown) + [skills[1]],
                "teachers": ["TEACHER", "TEACHERA"].map(shown), "students": [shown("STUDENT")], "enterprises": [shown("ENT")], "training-bases": [shown("BASE")],
                "internship-posts": [shown("POST")], "labour-demands": [shown("DEMAND"), skills[0]], "program-occupations": [], "program-years": [],
                "cooperation-agreements": ["AGREE", "AGTERMS"].map(shown), "negative-list": ["NLDESC", "NLBASIS"].map(shown),
                "designations": ["DESIG", "DESIGDOC"].map(shown), "spendings": [shown("SPEND")],
            ]
            #expect(Set(RegistryPages.navigation.map(\.path)) == Set(registry.keys), "every registry page has its hostile values")
            for item in RegistryPages.navigation {
                try await check("registry/\(item.path)", as: city, exact: registry[item.path] ?? [])
                try await check("registry/\(item.path)/import", as: city)
            }
            // A query echoed into the search box and the export links.
            try await check("registry/institutions?q=\(Self.encoded(Self.hostile("QREG")))", as: city, exact: ["value=\"\(shown("QREG"))\""])

            // The rest of the signed-in pages, as the city.
            try await check("/", as: city)
            try await check("internships/quotas", as: city, expect: ["ENT"])
            try await check("internships/quotas?under=true", as: city, expect: ["ENT"])
            try await check("internships/rounds", as: city, expect: ["ROUND"])
            try await check("internships/rounds/\(s.round)", as: city, expect: ["ROUND", "STUDENT", "POST"])
            // The skill-gap table shows the demand's skills term by term: the first ends before its ";".
            try await check("market", as: city, exact: ["dskill&quot;&#39;&gt;&lt;zx-inject a=1&gt;&amp;lt</td>"])
            try await check("market/schools/TEST-H", as: city, expect: ["INST"])
            let phrase = Self.hostile("")
            try await check("market/search?q=\(Self.encoded(phrase))", as: city, expect: ["DEMAND", "PROG"], exact: ["value=\"\(shown(""))\""] + skills)
            try await check("market/cooperation", as: city, expect: ["AGREE", "NLDESC", "NLBASIS"])
            try await check("supervision", as: city)
            try await check("supervision/districts/\(Fixture.districtA)", as: city)
            try await check("supervision/schools/TEST-H", as: city, expect: ["INST"])
            try await check("supervision/indicators/teachers-dual-qualified?level=school&code=TEST-H", as: city, expect: ["INST", "TEACHER"])
            try await check("supervision/indicators/\(s.designationIndicator)?level=city", as: city, expect: ["DESIG"])
            try await check("supervision/compare?level=school&code=TEST-H&from=2022Q4&to=\(SupervisionDashboard.currentPeriod())", as: city)
            try await check("work-tasks", as: city)
            try await check("work-tasks/C25", as: city, expect: ["REPORT", "FILE", "REPORTTWO", "COMMENT"])
            try await check("credit-bank/reviews", as: city, expect: ["LEARNER", "WTITLE", "WISSUER"])
            // The account: the outcome's title also labels an <option> of the credential form.
            let account = "credit-bank/learners/\(s.learner)"
            let optionLabel = "label=\"学习成果：\(shown("OTITLE"))\""
            try await check(account, as: city, expect: ["LEARNER", "OTITLE", "OISSUER", "WTITLE", "WISSUER", "REASON", "QUAL"], exact: [optionLabel])
            try await check("credit-bank/import", as: city)
            try await check("credit-bank/rules", as: city, exact: ["QUAL\\&quot;&#39;&gt;&lt;zx-inject a=1&gt;&amp;lt;&amp;amp;"])
            try await check("credit-bank/rules?saved=\(Self.encoded(Self.hostile("SAVED")))", as: city, expect: ["SAVED"])
            try await check("api/v1/credentials/\(s.credential)/download?format=html", as: city, expect: ["LEARNER", "OTITLE"])

            // Public pages.
            try await check("sign-in", as: nil)
            try await check("verify", as: nil)
            try await check("verify/\(s.credential)", as: nil, expect: ["OTITLE"])

            // The same pages as the role that works with them.
            try await check("registry/teachers", as: f.token(.schoolAdmin), expect: ["TEACHERA"])
            try await check("registry/students", as: f.token(.schoolAdmin), expect: ["STUDENT"])
            try await check("supervision/schools/TEST-A", as: f.token(.schoolAdmin))
            try await check("registry/institutions", as: f.token(.districtAdmin), expect: ["INST", "INSTEN"])
            try await check("market/schools/TEST-H", as: f.token(.districtAdmin), expect: ["INST"])
            try await check("supervision/districts/\(Fixture.districtA)", as: f.token(.districtAdmin))
            try await check("registry/internship-posts", as: f.token(.enterprise), expect: ["POST"])
            try await check("internships/quotas", as: f.token(.enterprise))
            try await check(account, as: f.token(.learner), expect: ["LEARNER", "OTITLE", "WTITLE", "REASON"], exact: [optionLabel])
            try await check("credit-bank/reviews", as: f.token(.creditReviewer), expect: ["LEARNER", "WTITLE", "WISSUER"])
            try await check(account, as: f.token(.creditReviewer), expect: ["LEARNER", "OTITLE", "REASON"], exact: [optionLabel])
            try await check("/", as: s.unitToken, expect: ["DISPLAY"])
            try await check("work-tasks", as: s.unitToken, expect: ["DISPLAY"])
            try await check("work-tasks/C25", as: s.unitToken, expect: ["DISPLAY", "REPORT", "FILE", "REPORTTWO", "COMMENT"])

            // Pages that echo what was sent: the sign-in name, import errors, a bad report, a pasted credential.
            try await check("sign-in", method: .POST, as: nil, status: .unauthorized, exact: ["value=\"\(shown("USER"))\""],
                            form: ["username": Self.hostile("USER"), "password": "wrong"])
            let programs = "institutionCode,catalogCode,name,clusterName\r\nTEST-H,\(f.programB),\(Self.csv(Self.hostile("IMPNAME"))),\(Self.csv(Self.hostile("IMPCLUSTER")))\r\n"
            try await check("registry/programs/import", method: .POST, as: city, status: .unprocessableEntity, expect: ["IMPCLUSTER"],
                            body: Self.multipart([:], file: ("file", "programs.csv", programs)))
            let outcomes = "learnerId,kind,title,issuer,awardedOn\r\n\(s.learner),\(Self.csv(Self.hostile("IMPKIND"))),\(Self.csv(Self.hostile("IMPTITLE"))),x,2025-06-30\r\n"
            try await check("credit-bank/import", method: .POST, as: city, body: Self.multipart([:], file: ("file", "outcomes.csv", outcomes)))
            try await check("work-tasks/C25/reports", method: .POST, as: city, status: .unprocessableEntity, expect: ["BADUNIT"],
                            body: Self.multipart(["text": "progress", "percent": "10", "unit": Self.hostile("BADUNIT")]))
            try await check("verify", method: .POST, as: nil, body: Self.multipart(["credential": Self.hostile("PASTED")]))

            // Reveal grants: a school's request for the hostile student with a hostile justification,
            // refused by the city with a hostile reason; a request form echoed with its errors.
            let school = f.token(.schoolAdmin)
            let hostileStudent = try #require(try await app.sql.select().column("id").from("students").where("student_no", .equal, "S9").first()?.decode(column: "id", as: UUID.self))
            let asked = try await request(app, .POST, "api/v1/reveal-grants", token: school, json: [
                "kind": .string("students"), "recordIds": .array([.string(hostileStudent.uuidString)]), "purpose": .string("exam_registration"),
                "justification": .string(Self.hostile("JUSTIFY")),
            ])
            let grant = try #require(try json(asked)["id"]?.stringValue).lowercased()
            _ = try await request(app, .POST, "api/v1/reveal-grants/\(grant)/decision", token: city, json: ["decision": .string("refuse"), "reason": .string(Self.hostile("GRANTREASON"))])
            try await check("reveal-grants", as: city, expect: ["JUSTIFY"])
            try await check("reveal-grants", as: school, expect: ["JUSTIFY"])
            try await check("reveal-grants/\(grant)", as: school, expect: ["JUSTIFY", "GRANTREASON", "STUDENT"])
            try await check("reveal-grants/\(grant)", as: city, expect: ["JUSTIFY", "GRANTREASON", "STUDENT"])
            try await check("reveal-grants", method: .POST, as: school, status: .unprocessableEntity, expect: ["BADRECORD", "BADJUSTIFY"],
                            form: ["kind": "students", "purpose": "exam_registration", "records": Self.hostile("BADRECORD"), "justification": Self.hostile("BADJUSTIFY")])

            print("PageEscapingTests: \(checked.count) pages checked")
            #expect(checked.count >= 60)
        }
    }

    @Test func theEscapeHelperEscapesTheFiveCharactersOnce() {
        #expect(HTMLEscaping.escape(Self.hostile("x")) == Self.shown("x"))
        #expect(HTMLEscaping.escape("深圳 plain") == "深圳 plain")
        #expect(HTMLEscaping.escape("&amp;") == "&amp;amp;")
        #expect(SVGChart.escape("'") == "&#39;")
    }
}
