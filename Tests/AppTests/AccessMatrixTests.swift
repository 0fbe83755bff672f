@testable import App
import Fluent
import Foundation
import Registry
import Testing
import Vapor
import VaporTesting

/// The access matrix (issue 14, security checklist B1): every operation of the app's own OpenAPI
/// document and every page, as every role of the demo city, against an object inside the
/// caller's scope, one outside it and a missing one, reads and writes alike. It fails on any
/// foreign read or write that succeeds, on any difference between the answer for a foreign
/// object and for a missing one (status, and body once the id is blanked out), on any 5xx, and
/// on any operation or page whose path it cannot fill — so a new route without an entry here
/// fails. Runs on SQLite, and on PostgreSQL when `DATABASE_URL` is set.
@Suite("Access matrix: every route and page × every role × own, foreign and missing objects")
struct AccessMatrixTests {
    typealias Kind = MatrixWorld.Kind

    /// Below this many cases the matrix has silently stopped walking something.
    static let floor = 2_500

    /// One request of the matrix.
    struct Case: Sendable {
        var label: String
        var role: Role
        /// own, foreign, missing, or none (a route without an object in its path).
        var object: String
        var method: HTTPMethod
        var path: String
        var body: String?
        var token: String
        /// The path value that names the object, blanked out of bodies before they are compared.
        var id: String?
        /// Which foreign/missing pair this case belongs to.
        var pair: String
    }

    struct Answer: Sendable {
        var status: UInt
        var body: String
    }

    // MARK: - What fills a path

    /// The kind of object a path parameter names, from the path before it.
    static func kind(template: String, parameter: String) -> Kind? {
        let segments = template.split(separator: "/").map(String.init)
        guard let index = segments.firstIndex(of: "{\(parameter)}") else { return nil }
        let before = "/" + segments[..<index].joined(separator: "/")
        let after = segments.dropFirst(index + 1).first
        if before == "/students", after == "internship-preferences" { return .studentChoices }
        if let resource = RegistryResources.named(String(before.dropFirst())) { return Kind(rawValue: resource.entity.rawValue) }
        let table: [String: Kind] = [
            "/credit-bank/learners": .creditLearner, "/credit-bank/outcomes": .creditOutcome, "/credit-bank/assessments": .assessment,
            "/credit-bank/rules": .creditRuleKind, "/credentials": .credential, "/internship-rounds": .internshipRound,
            "/work-tasks": .workTask, "/work-reports": .workReport, "/supervision/indicators": .indicator, "/reference": .referenceList,
            // pages
            "/internships/rounds": .internshipRound, "/internships/posts": .internshipPost, "/market/schools": .marketSchool, "/supervision/districts": .supervisionDistrict,
            "/supervision/schools": .supervisionSchool, "/verify": .publicCredential, "/credentials/status": .statusPurpose, "/lang": .language,
            // A learner's statements, named by their registry student id.
            "/learning-records/learners": .student,
            "/learning-records/forwarding": .forwardingTarget,
            // API and pages alike.
            "/reveal-grants": .revealGrant,
            // API and pages alike.
            "/library/resources": .libraryResource,
            // API and pages alike; a version by the package files it serves.
            "/courses": .course, "/cmi5/content": .courseVersion,
        ]
        return table[before]
    }

    /// A second path parameter, filled from the first one's value.
    static func secondary(template: String, parameter: String, primary: String, world: MatrixWorld) -> String? {
        switch (template, parameter) {
        case ("/work-reports/{id}/evidence/{evidenceId}", "evidenceId"): world.evidence[primary] ?? UUID().uuidString
        case ("/credit-bank/rules/{kind}/{code}", "code"): "MATRIX-TEST"
        case ("/courses/{id}/aus/{position}/launch", "position"): "1"
        default: nil
        }
    }

    /// The body an operation is sent: the same for the own, the foreign and the missing object,
    /// and one that would succeed where the caller were allowed — so a missing check shows as a 2xx.
    static let bodies: [String: String] = [
        "setInternshipChoices": #"{"postIds":[]}"#,
        "rankInternshipApplicants": #"{"studentIds":[]}"#,
        "submitCreditOutcome": #"{"kind":"non_degree_training","issuer":"培训中心","title":"矩阵","hours":18,"awardedOn":"2026-01-05"}"#,
        "issueCredential": #"{"kind":"transcript"}"#,
        "decideCreditOutcome": #"{"verdict":"rejected","reasonZh":"矩阵测试"}"#,
        "reverseCreditDecision": #"{"reason":"矩阵测试撤销认定"}"#,
        "changeCredentialStatus": #"{"action":"suspend","reason":"矩阵测试"}"#,
        "addAssessmentCandidates": #"{"learnerIds":[]}"#,
        "recordAssessmentResults": #"{"results":[]}"#,
        "reportWorkTask": #"{"text":"矩阵测试","percent":10}"#,
        "reviewWorkReport": #"{"decision":"returned","comment":"矩阵测试"}"#,
        "decideRevealGrant": #"{"decision":"refuse","reason":"矩阵测试"}"#,
        "decideLibraryResource": #"{"decision":"return","reason":"矩阵测试"}"#,
        "addLibraryVersion": #"{"file":{"sha256":"\#(MatrixWorld.libraryFileHash)","fileName":"v2.mp4","contentType":"video/mp4"}}"#,
    ]

    /// Query strings an operation needs to get past its input checks to the access decision.
    static let queries: [String: String] = [
        "revealStudentIdentity": "?purpose=enrolment_check", "revealTeacherIdentity": "?purpose=enrolment_check",
    ]

    /// Operations that name their object in the query rather than the path: the query, with
    /// `{x}` for the object, and the object's kind.
    static let queryObjects: [String: (query: String, kind: Kind)] = [
        "supervisionDashboard": ("?level=school&code={x}", .supervisionSchool),
        "marketSignals": ("?institution={x}", .marketSchool),
        "marketOpenings": ("?institution={x}", .marketSchool),
    ]

    struct Operation {
        var method: HTTPMethod
        var template: String
        var operationID: String
        var api: Bool
    }

    /// The operations of the served OpenAPI document.
    static func operations(_ app: Application) async throws -> [Operation] {
        var document: [String: Any] = [:]
        try await app.testing().test(.GET, "api/v1/openapi.json") { res in
            document = (try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any]) ?? [:]
        }
        let paths = try #require(document["paths"] as? [String: Any])
        var result: [Operation] = []
        for (template, item) in paths {
            for (method, operation) in (item as? [String: Any]) ?? [:] where ["get", "put", "post", "delete", "patch"].contains(method) {
                let id = ((operation as? [String: Any])?["operationId"] as? String) ?? "\(method) \(template)"
                result.append(Operation(method: HTTPMethod(rawValue: method.uppercased()), template: template, operationID: id, api: true))
            }
        }
        return result.sorted { ($0.template, $0.method.rawValue) < ($1.template, $1.method.rawValue) }
    }

    /// Every page (a GET route outside `/api` and the learning record store, which signs in its
    /// own xAPI clients rather than these roles), as a template like the OpenAPI document's.
    static func pages(_ app: Application) -> [Operation] {
        app.routes.all.filter { $0.method == .GET && !["api", "xapi"].contains($0.path.first?.description ?? "") }.map { route in
            let template = "/" + route.path.map { c -> String in
                let d = c.description
                return d.hasPrefix(":") ? "{\(d.dropFirst())}" : d
            }.joined(separator: "/")
            return Operation(method: .GET, template: template == "/" ? "/" : template, operationID: "page \(template)", api: false)
        }
    }

    /// The cases of one operation for one account; nil when a path parameter has no entry.
    static func cases(_ op: Operation, _ account: MatrixWorld.Account, _ world: MatrixWorld) -> [Case]? {
        let parameters = op.template.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
        let prefix = op.api ? "api/v1" : ""
        let token = op.operationID == "revokeToken" ? account.spareToken : account.token
        let body = [.POST, .PUT, .PATCH].contains(op.method) ? (bodies[op.operationID] ?? "{}") : nil
        let query = queries[op.operationID] ?? ""
        // An API operation and a page can share a path (`/work-tasks/{id}`): keep them apart.
        let label = "\(op.api ? "" : "page ")\(op.method) \(op.template)"
        if parameters.isEmpty, let (template, kind) = queryObjects[op.operationID] {
            let picked = world.pick(kind, for: account.scope)
            let objects = [("own", picked.own), ("foreign", picked.foreign), ("missing", MatrixWorld.missing(kind))]
            return objects.compactMap { object, value in
                value.map { Case(label: label + template, role: account.role, object: object, method: op.method,
                                 path: prefix + op.template + template.replacingOccurrences(of: "{x}", with: $0), body: body, token: token, id: $0, pair: label + template) }
            }
        }
        guard let first = parameters.first else {
            return [Case(label: label, role: account.role, object: "none", method: op.method, path: prefix + op.template + query, body: body, token: token, id: nil, pair: label)]
        }
        guard let kind = kind(template: op.template, parameter: first) else { return nil }
        func path(_ value: String) -> String? {
            var path = op.template.replacingOccurrences(of: "{\(first)}", with: value)
            for other in parameters.dropFirst() {
                guard let filled = secondary(template: op.template, parameter: other, primary: value, world: world) else { return nil }
                path = path.replacingOccurrences(of: "{\(other)}", with: filled)
            }
            return prefix + path + query
        }
        guard path("x") != nil else { return nil }
        let picked = world.pick(kind, for: account.scope)
        var result: [Case] = []
        // Deleting the caller's own record would take it away from every later case.
        if let own = picked.own, op.method != .DELETE, let p = path(own) {
            result.append(Case(label: label, role: account.role, object: "own", method: op.method, path: p, body: body, token: token, id: own, pair: label))
        }
        if let foreign = picked.foreign, let p = path(foreign) {
            result.append(Case(label: label, role: account.role, object: "foreign", method: op.method, path: p, body: body, token: token, id: foreign, pair: label))
        }
        let missing = MatrixWorld.missing(kind)
        if let p = path(missing) {
            result.append(Case(label: label, role: account.role, object: "missing", method: op.method, path: p, body: body, token: token, id: missing, pair: label))
        }
        return result
    }

    // MARK: - Running

    static func send(_ app: Application, _ c: Case) async -> Answer {
        var answer = Answer(status: 599, body: "")
        do {
            try await app.testing().test(c.method, c.path, headers: .bearer(c.token), beforeRequest: { req in
                if let body = c.body {
                    req.headers.contentType = .json
                    req.body = ByteBuffer(string: body)
                }
            }, afterResponse: { res in
                answer = Answer(status: res.status.code, body: bodyString(res))
            })
        } catch {
            answer.body = "\(error)"
        }
        return answer
    }

    /// Runs `cases` at most `width` at a time.
    static func run(_ app: Application, _ cases: [Case], width: Int = 8) async -> [Answer] {
        await withTaskGroup(of: (Int, Answer).self) { group in
            var answers = [Answer](repeating: Answer(status: 0, body: ""), count: cases.count)
            var next = 0
            func submit() {
                guard next < cases.count else { return }
                let i = next, c = cases[i]
                next += 1
                group.addTask { (i, await send(app, c)) }
            }
            for _ in 0..<width { submit() }
            while let (i, answer) = await group.next() {
                answers[i] = answer
                submit()
            }
            return answers
        }
    }

    @Test func everyRouteAndPageAsEveryRole() async throws {
        try await withZhijiaoApp { app in
            let started = Date()
            let world = try await MatrixWorld.load(app)
            #expect(world.accounts.count == Role.allCases.count, "one demo account per role")
            let operations = try await Self.operations(app) + Self.pages(app)
            var all: [Case] = []
            var uncovered: Set<String> = []
            for op in operations {
                for account in world.accounts {
                    guard let cases = Self.cases(op, account, world) else {
                        uncovered.insert("\(op.method) \(op.template)")
                        continue
                    }
                    all += cases
                }
            }
            #expect(uncovered.isEmpty, "routes without a matrix entry: \(uncovered.sorted())")
            // Foreign and missing first, so that no write on the caller's own object (publishing
            // a round, suspending a credential) changes what they are compared against.
            let probes = all.filter { $0.object != "own" }
            let owns = all.filter { $0.object == "own" }
            let seeded = Date()
            let answers = await Self.run(app, probes) + Self.run(app, owns)
            let ordered = probes + owns

            var byPair: [String: [Role: [String: (Case, Answer)]]] = [:]
            var serverErrors: [String] = []
            for (c, a) in zip(ordered, answers) {
                byPair[c.pair, default: [:]][c.role, default: [:]][c.object] = (c, a)
                if a.status >= 500 { serverErrors.append("\(c.label) as \(c.role.rawValue) (\(c.object)) → \(a.status) \(a.body.prefix(160))") }
            }
            var foreignSuccesses: [String] = []
            var differences: [String] = []
            for (label, roles) in byPair {
                for (role, objects) in roles {
                    guard let (fc, foreign) = objects["foreign"] else { continue }
                    if (200..<300).contains(foreign.status) {
                        foreignSuccesses.append("\(label) as \(role.rawValue) on \(fc.id ?? "") → \(foreign.status)")
                    }
                    guard let (mc, missing) = objects["missing"] else { continue }
                    let fBody = foreign.body.replacingOccurrences(of: fc.id ?? "\u{0}", with: "{id}")
                    let mBody = missing.body.replacingOccurrences(of: mc.id ?? "\u{0}", with: "{id}")
                    if foreign.status != missing.status {
                        differences.append("\(label) as \(role.rawValue): foreign \(foreign.status), missing \(missing.status)")
                    } else if fBody != mBody {
                        differences.append("\(label) as \(role.rawValue): same status \(foreign.status), bodies differ: \(fBody.prefix(120)) | \(mBody.prefix(120))")
                    }
                }
            }
            let elapsed = Date().timeIntervalSince(started), walk = Date().timeIntervalSince(seeded)
            print("""
                access matrix: \(ordered.count) (route, role, object) cases — \(probes.filter { $0.object == "foreign" }.count) foreign, \
                \(probes.filter { $0.object == "missing" }.count) missing, \(owns.count) own, \(probes.filter { $0.object == "none" }.count) without an object; \
                \(operations.filter(\.api).count) operations and \(operations.filter { !$0.api }.count) pages × \(world.accounts.count) roles \
                on \(TestDatabase.usesPostgres ? "PostgreSQL" : "SQLite"), \(String(format: "%.1f", walk)) s walking, \(String(format: "%.1f", elapsed)) s in all
                """)
            #expect(foreignSuccesses.isEmpty, "foreign objects read or written: \(foreignSuccesses.sorted().joined(separator: "\n"))")
            #expect(differences.isEmpty, "foreign and missing objects answer differently: \(differences.sorted().joined(separator: "\n"))")
            #expect(serverErrors.isEmpty, "server errors: \(serverErrors.sorted().joined(separator: "\n"))")
            #expect(ordered.count > Self.floor, "the matrix walked only \(ordered.count) cases")
        }
    }

    /// The menu offers exactly the areas the policy opens to the role, and each of them opens:
    /// a learner no longer sees 督导监测 or 工作任务.
    @Test func theMenuOffersOnlyWhatTheRoleMayOpen() async throws {
        try await withFixture { app, f in
            // The learner's own account, which their 学分银行 entry opens.
            _ = try await CreditBankAppTests().createLearner(app, f.token(.cityAdmin), name: "学习者", kind: "resident_id", number: f.studentIDNumbersA[0])
            for (role, token) in f.tokens {
                let scope = try #require(try await User.query(on: app.db).filter(\.$username == "test-\(role.rawValue)").first()?.scope)
                let menu = AccessPolicy.menu(for: scope)
                var home = ""
                try await app.testing().test(.GET, "/", headers: .bearer(token)) { home = bodyString($0) }
                for area in MenuArea.allCases {
                    let path = PageLayout.link(area).path
                    #expect(home.contains("href=\"\(path)\"") == menu.contains(area), "\(role): \(area)")
                    guard menu.contains(area) else { continue }
                    try await app.testing().test(.GET, path, headers: .bearer(token)) { res in
                        #expect(res.status != .forbidden && res.status != .notFound, "\(role) opens \(path): \(res.status)")
                    }
                }
                for entity in RegistryEntity.allCases {
                    guard let resource = RegistryResources.all.first(where: { $0.entity == entity }) else { continue }
                    #expect(home.contains("href=\"/registry/\(resource.path)\"") == AccessPolicy.registryMenu(for: scope).contains(entity), "\(role): \(entity)")
                }
            }
            var learnerHome = ""
            try await app.testing().test(.GET, "/", headers: .bearer(f.token(.learner))) { learnerHome = bodyString($0) }
            #expect(!learnerHome.contains("督导监测") && !learnerHome.contains("工作任务"))
        }
    }

    /// Opening a credit-bank account answered a school 409 for a document known anywhere in the
    /// city and listed other learners' ids, masked numbers and regions as possible duplicates.
    @Test func conflictsAndHintsNameOnlyWhatTheCallerMayRead() async throws {
        try await withFixture { app, f in
            let bank = CreditBankAppTests()
            let city = f.token(.cityAdmin), school = f.token(.schoolAdmin)
            let foreign = try await bank.createLearner(app, city, name: "陳嘉欣", kind: "hong_kong_id", number: "A123456(3)", birth: "2004-03-12")
            let foreignID = try foreign.content.decode(CreditBankAPIController.CreatedLearner.self).learner.id
            // The same document by a school that cannot read the account: for the city's review, nothing of the account.
            let again = try await bank.createLearner(app, school, name: "陳嘉欣", kind: "hong_kong_id", number: "A123456(3)")
            #expect(again.status == .conflict && bodyString(again).contains("city education bureau's review"), "\(bodyString(again))")
            #expect(!bodyString(again).contains(foreignID.uuidString))
            // The same person on another document: the school is not told of the other account; the city is.
            let permit = try await bank.createLearner(app, school, name: "陳嘉欣", kind: "home_return_permit", number: "H12345678", birth: "2004-03-12")
            #expect(permit.status == .created)
            #expect(try permit.content.decode(CreditBankAPIController.CreatedLearner.self).possibleDuplicates.isEmpty, "\(bodyString(permit))")
            #expect(!bodyString(permit).contains(foreignID.uuidString))
            let byCity = try await bank.createLearner(app, city, name: "陳嘉欣", kind: "macau_id", number: "1234567(8)", birth: "2004-03-12")
            #expect(try byCity.content.decode(CreditBankAPIController.CreatedLearner.self).possibleDuplicates.map(\.id).contains(foreignID))
            // The city is still told plainly that the document has an account.
            #expect(bodyString(try await bank.createLearner(app, city, name: "陳嘉欣", kind: "hong_kong_id", number: "A123456(3)")).contains("already exists"))
        }
    }
}
