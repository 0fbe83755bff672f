@testable import App
import Fluent
import Foundation
import Registry
import SQLKit
import Vapor
import VaporTesting

/// The demo city as the access matrix sees it: one signed-in account per role, and for every kind
/// of object a route names in its path, which object is inside each role's scope, which is
/// outside it (another school, district, enterprise, learner or unit), and what a missing one
/// looks like.
struct MatrixWorld: Sendable {
    /// A kind of object a path parameter names.
    enum Kind: String, Sendable, CaseIterable {
        // The registry's records, scoped by the policy's read filters.
        case institution, programCluster, program, teacher, student, enterprise, trainingBase, internshipPost
        case labourDemand, occupationMapping, programYear, cooperationAgreement, negativeListEntry, designation, spending
        /// A student's internship choices: the student's own, their school's and the education
        /// authorities' above it — not every role that may read the student record.
        case studentChoices
        case creditLearner, creditOutcome, credential, assessment
        case internshipRound, workTask, workReport
        /// City-wide catalogues: no object is anyone's, so none is foreign.
        case indicator, referenceList, creditRuleKind
        /// Pages named by code rather than id.
        case marketSchool, supervisionDistrict, supervisionSchool
        /// Public by design (credential verification, status lists, the language switch).
        case publicCredential, statusPurpose, language
        /// The city's forwarding to other learning record stores: the city's alone.
        case forwardingTarget
        /// A reveal grant: its requester's (a school's for the school) and the city's, which reviews them all.
        case revealGrant
        /// A library resource: a shared one is every role's; one not yet shared its school's or
        /// enterprise's (and the city's).
        case libraryResource
        /// An online course, and a version of one (its package's files): open ones are every
        /// school's staff's and learner's, a class course its school's staff's and its class's.
        case course, courseVersion
    }

    struct Account: Sendable {
        var role: Role
        var scope: CallerScope
        var token: String
        /// A second token, for the operation that revokes the token it is sent with.
        var spareToken: String
    }

    /// One object, with the scope keys the ownership rules compare.
    struct Object: Sendable {
        var id: String
        var districtCode: String?
        var institutionID: UUID?
        var enterpriseID: UUID?
        var studentIDs: Set<UUID> = []
        var units: [String] = []
        var draft = false
    }

    var accounts: [Account]
    var objects: [Kind: [Object]]
    /// The evidence file of each work report that has one (for `/work-reports/{id}/evidence/{evidenceId}`).
    var evidence: [String: String]

    /// The object of `kind` inside `scope`, and one outside it (nil when the role has none, or
    /// when every object of the kind is open to the role).
    func pick(_ kind: Kind, for scope: CallerScope) -> (own: String?, foreign: String?) {
        let all = objects[kind] ?? []
        switch owns(kind, scope) {
        case .everything: return (all.first?.id, nil)
        case .some(let mine): return (all.first(where: mine)?.id, all.first(where: { !mine($0) })?.id)
        }
    }

    /// A value of `kind` that names nothing.
    static func missing(_ kind: Kind) -> String {
        switch kind {
        case .workTask: "ZZ99"
        case .indicator: "no-such-indicator"
        case .referenceList: "no-such-list"
        case .creditRuleKind: "no-such-kind"
        case .marketSchool, .supervisionSchool: "NO-SUCH-SCHOOL"
        case .supervisionDistrict: "449999"
        case .statusPurpose: "no-such-purpose"
        case .language: "xx"
        default: UUID().uuidString
        }
    }

    enum Ownership {
        case everything
        case some(@Sendable (Object) -> Bool)
    }

    /// Which objects of `kind` lie inside `scope`. Registry records follow the policy's read
    /// filters (a record the role may read is its own; one it may not is foreign); everything
    /// else follows the structure of the city: whose school, district, enterprise, learner or
    /// unit the object belongs to.
    func owns(_ kind: Kind, _ scope: CallerScope) -> Ownership {
        if let entity = RegistryEntity(rawValue: kind.rawValue) {
            let filter = AccessPolicy.readFilter(entity, for: scope)
            if filter == .all { return .everything }
            return .some { AccessPolicy.admits(filter, RecordPlacement(districtCode: $0.districtCode, institutionID: $0.institutionID, enterpriseID: $0.enterpriseID, recordID: UUID(uuidString: $0.id))) }
        }
        let nothing: Ownership = .some { _ in false }
        switch kind {
        case .indicator, .referenceList, .creditRuleKind, .assessment, .publicCredential, .statusPurpose, .language:
            return .everything
        case .studentChoices, .marketSchool, .supervisionSchool:
            switch scope.role {
            case .cityAdmin: return .everything
            case .districtAdmin: return .some { [d = scope.districtCode] in $0.districtCode == d }
            case .schoolAdmin: return .some { [i = scope.institutionID] in $0.institutionID == i }
            case .teacher where kind != .supervisionSchool: return .some { [i = scope.institutionID] in $0.institutionID == i }
            case .learner where kind == .studentChoices: return .some { [s = scope.studentID] in $0.id == s?.uuidString }
            default: return nothing
            }
        case .supervisionDistrict:
            switch scope.role {
            case .cityAdmin: return .everything
            case .districtAdmin: return .some { [d = scope.districtCode] in $0.id == d }
            default: return nothing
            }
        case .creditLearner, .creditOutcome, .credential:
            switch scope.role {
            case .cityAdmin, .creditReviewer: return .everything
            case .schoolAdmin: return .some { [i = scope.institutionID] in i != nil && $0.institutionID == i }
            case .learner: return .some { [s = scope.studentID] in s.map($0.studentIDs.contains) ?? false }
            default: return nothing
            }
        case .internshipRound:
            switch scope.role {
            case .cityAdmin, .districtAdmin: return .everything
            default: return .some { !$0.draft }
            }
        case .forwardingTarget:
            return scope.role == .cityAdmin ? .everything : nothing
        case .revealGrant:
            switch scope.role {
            case .cityAdmin: return .everything
            case .schoolAdmin: return .some { [i = scope.institutionID] in i != nil && $0.institutionID == i }
            default: return nothing
            }
        case .libraryResource:
            // `draft`: not shared city-wide.
            switch scope.role {
            case .cityAdmin: return .everything
            case .schoolAdmin, .teacher: return .some { [i = scope.institutionID] in !$0.draft || (i != nil && $0.institutionID == i) }
            case .enterprise: return .some { [e = scope.enterpriseID] in !$0.draft || (e != nil && $0.enterpriseID == e) }
            default: return .some { !$0.draft }
            }
        case .course, .courseVersion:
            // `draft`: a class course; `studentIDs`: the learners of its class.
            switch scope.role {
            case .cityAdmin: return .everything
            case .schoolAdmin, .teacher: return .some { [i = scope.institutionID] in !$0.draft || (i != nil && $0.institutionID == i) }
            case .learner: return .some { [s = scope.studentID] in !$0.draft || (s.map($0.studentIDs.contains) ?? false) }
            default: return nothing
            }
        case .workTask, .workReport:
            switch scope.role {
            case .cityAdmin: return .everything
            case .responsibleUnit: return .some { [u = scope.unit] in u.map($0.units.contains) ?? false }
            default: return nothing
            }
        default:
            return nothing
        }
    }
}

extension MatrixWorld {
    /// Loads the small demo city (seed 2020) with its accounts, adds what the demo lacks so that
    /// every kind has an object inside and outside some scope (a draft and a published round, a
    /// report on another unit's task, credentials, an assessment), and signs every role in.
    static func load(_ app: Application) async throws -> MatrixWorld {
        try await DemoSeeder.load(app, scale: .small, seed: 2020)
        try await DemoSeeder.createAccounts(app)
        let sql = app.sql
        var accounts: [Account] = []
        for demo in DemoSeeder.accounts {
            guard let user = try await User.query(on: app.db).filter(\.$username == demo.username).first(), let scope = user.scope else { continue }
            accounts.append(Account(role: demo.role, scope: scope, token: try await signIn(app, demo.username), spareToken: try await signIn(app, demo.username)))
        }
        guard let city = accounts.first(where: { $0.role == .cityAdmin })?.token else { throw WorldError.setup("no city account") }

        // Rounds: one published, one left as a draft (seen by the city and districts only).
        let published = try await post(app, city, "api/v1/internship-rounds", #"{"name":"矩阵已发布轮次"}"#)
        if let id = published["id"]?.stringValue { _ = try await post(app, city, "api/v1/internship-rounds/\(id)/publish", "{}") }
        _ = try await post(app, city, "api/v1/internship-rounds", #"{"name":"矩阵草稿轮次"}"#)
        // A report on a task that does not name the demo unit, with a file.
        let services: AppServices = app.services
        if let other = services.workList.tasks.first(where: { !$0.isResponsible(DemoSeeder.demoUnit) }) {
            _ = try await post(app, city, "api/v1/work-tasks/\(other.id)/reports",
                               #"{"text":"矩阵测试进展","percent":10,"unit":"\#(other.lead)","evidence":[{"fileName":"a.txt","contentType":"text/plain","contentBase64":"YWJj"}]}"#)
        }
        // Credentials for each demo learner with a recognised outcome, and one assessment session.
        for row in try await sql.select().column("id").from("credit_learners").all() {
            let id = try row.decode(column: "id", as: UUID.self)
            _ = try await post(app, city, "api/v1/credit-bank/learners/\(id)/credentials", #"{"kind":"transcript"}"#)
        }
        _ = try await post(app, city, "api/v1/credit-bank/assessments",
                           #"{"bodyName":"考试中心","certificateCode":"1X-WEB-M","title":"Web前端（中级）","levelFramework":"gd-lqf","level":4,"heldOn":"2026-01-10"}"#)

        var objects: [Kind: [Object]] = [:]
        for resource in RegistryResources.all {
            guard let kind = Kind(rawValue: resource.entity.rawValue) else { continue }
            objects[kind] = try await sql.select().columns("id", "district_code", "institution_id", "enterprise_id").from(resource.table).orderBy("id").all().map {
                let placement = try RegistryReader<StudentResource>.placement($0)
                return Object(id: try $0.decode(column: "id", as: UUID.self).uuidString, districtCode: placement.districtCode,
                              institutionID: placement.institutionID, enterpriseID: placement.enterpriseID)
            }
        }
        objects[.studentChoices] = objects[.student]
        let schools = try await sql.select().columns("id", "code", "district_code").from("institutions").orderBy("code").all().map {
            Object(id: try $0.decode(column: "code", as: String.self), districtCode: try $0.decode(column: "district_code", as: String.self),
                   institutionID: try $0.decode(column: "id", as: UUID.self))
        }
        objects[.marketSchool] = schools
        objects[.supervisionSchool] = schools
        objects[.supervisionDistrict] = services.catalog.divisions.districts.keys.sorted().map { Object(id: $0, districtCode: $0) }

        // Credit-bank learners sit where the students holding the same identity document sit.
        var learners: [UUID: Object] = [:]
        for row in try await sql.raw("""
            SELECT c.id AS id, s.id AS student_id, s.institution_id AS institution_id
            FROM credit_learners c LEFT JOIN students s ON s.id_index = c.id_index ORDER BY c.id
            """).all() {
            let id = try row.decode(column: "id", as: UUID.self)
            var learner = learners[id] ?? Object(id: id.uuidString)
            if let student = try row.decode(column: "student_id", as: UUID?.self) { learner.studentIDs.insert(student) }
            if let school = try row.decode(column: "institution_id", as: UUID?.self) { learner.institutionID = school }
            learners[id] = learner
        }
        objects[.creditLearner] = learners.values.sorted { $0.id < $1.id }
        func byLearner(_ table: String) async throws -> [Object] {
            try await sql.select().columns("id", "learner_id").from(table).orderBy("id").all().compactMap {
                guard var object = learners[try $0.decode(column: "learner_id", as: UUID.self)] else { return nil }
                object.id = try $0.decode(column: "id", as: UUID.self).uuidString
                return object
            }
        }
        objects[.creditOutcome] = try await byLearner("credit_outcomes")
        objects[.credential] = try await byLearner("issued_credentials")
        objects[.publicCredential] = objects[.credential]
        objects[.assessment] = try await sql.select().column("id").from("assessment_sessions").all().map { Object(id: try $0.decode(column: "id", as: UUID.self).uuidString) }
        objects[.internshipRound] = try await sql.select().columns("id", "status").from("internship_rounds").orderBy("created_at").all().map {
            Object(id: try $0.decode(column: "id", as: UUID.self).uuidString, draft: try $0.decode(column: "status", as: String.self) == "draft")
        }
        objects[.workTask] = services.workList.tasks.map { Object(id: $0.id, units: $0.units) }
        objects[.workReport] = try await sql.select().columns("id", "task_id").from("work_reports").orderBy("id").all().compactMap {
            guard let task = services.workList[try $0.decode(column: "task_id", as: String.self)] else { return nil }
            return Object(id: try $0.decode(column: "id", as: UUID.self).uuidString, units: task.units)
        }
        var evidence: [String: String] = [:]
        for row in try await sql.select().columns("id", "report_id").from("work_evidence").all() {
            evidence[try row.decode(column: "report_id", as: UUID.self).uuidString] = try row.decode(column: "id", as: UUID.self).uuidString
        }
        objects[.indicator] = services.indicators.indicators.map { Object(id: $0.id) }
        objects[.referenceList] = [Object(id: "programs")]
        objects[.creditRuleKind] = [Object(id: "recognition")]
        objects[.statusPurpose] = [Object(id: "revocation")]
        objects[.language] = [Object(id: "en")]
        let forwarding = try await LearningRecordForwarding(app).addTarget(
            .init(name: "矩阵转发", endpoint: "http://127.0.0.1:9/xapi", credentials: "k:s", institutionID: nil), by: .cli)
        objects[.forwardingTarget] = [Object(id: forwarding.id.uuidString)]
        // Reveal grants: one the school asked for (approved by the city), one the city asked for.
        var grants: [Object] = []
        if let school = accounts.first(where: { $0.role == .schoolAdmin }), let schoolID = school.scope.institutionID,
           let student = try await sql.select().column("id").from("students").where("institution_id", .equal, schoolID).orderBy("id").first()?.decode(column: "id", as: UUID.self) {
            let asked = try await post(app, school.token, "api/v1/reveal-grants",
                                       #"{"kind":"students","recordIds":["\#(student)"],"purpose":"exam_registration","justification":"矩阵测试：考试报名报送证件号码"}"#)
            if let id = asked["id"]?.stringValue {
                _ = try await post(app, city, "api/v1/reveal-grants/\(id)/decision", #"{"decision":"approve","reason":"矩阵测试"}"#)
                grants.append(Object(id: id, institutionID: schoolID))
            }
        }
        if let student = try await sql.select().column("id").from("students").orderBy("id", .descending).first()?.decode(column: "id", as: UUID.self) {
            let asked = try await post(app, city, "api/v1/reveal-grants",
                                       #"{"kind":"students","recordIds":["\#(student)"],"purpose":"legal_request","justification":"矩阵测试：依法协查证件号码"}"#)
            if let id = asked["id"]?.stringValue { grants.append(Object(id: id)) }
        }
        objects[.revealGrant] = grants
        objects[.libraryResource] = try await libraryResources(app, accounts: accounts, city: city)
        let courses = try await courses(app, accounts: accounts)
        objects[.course] = courses.map(\.course)
        objects[.courseVersion] = courses.map(\.version)
        return MatrixWorld(accounts: accounts, objects: objects, evidence: evidence)
    }

    /// A one-unit cmi5 package, built here so that the matrix needs no file outside the repository.
    static var coursePackage: Data {
        let structure = """
            <?xml version="1.0" encoding="utf-8"?>
            <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
              <course id="https://matrix.zhijiao.example/course">
                <title><langstring lang="zh-CN">矩阵课程</langstring></title>
                <description><langstring lang="zh-CN">矩阵测试课程</langstring></description>
              </course>
              <au id="https://matrix.zhijiao.example/course/au1" moveOn="Completed">
                <title><langstring lang="zh-CN">单元一</langstring></title>
                <description><langstring lang="zh-CN">矩阵测试单元</langstring></description>
                <url>index.html</url>
              </au>
            </courseStructure>
            """
        return CourseTestZip.make([("cmi5.xml", Data(structure.utf8)), ("index.html", Data("<!DOCTYPE html><title>矩阵</title>".utf8))])
    }

    /// Courses of the demo school, imported by its teacher: an open course, a class course for
    /// the whole school (the demo learner's class when the learner studies there), and a class
    /// course for a program nobody studies; each with its version.
    static func courses(_ app: Application, accounts: [Account]) async throws -> [(course: Object, version: Object)] {
        guard let teacher = accounts.first(where: { $0.role == .teacher }), let school = teacher.scope.institutionID else { return [] }
        var learnerIDs: Set<UUID> = []
        if let learner = accounts.first(where: { $0.role == .learner })?.scope.studentID,
           let row = try await app.sql.select().column("institution_id").from("students").where("id", .equal, learner).first(),
           try row.decode(column: "institution_id", as: UUID.self) == school {
            learnerIDs.insert(learner)
        }
        var made: [(course: Object, version: Object)] = []
        for (query, isClass, learners) in [("kind=open", false, Set<UUID>()), ("kind=class", true, learnerIDs), ("kind=class&programCode=999999", true, Set<UUID>())] {
            let (status, _, id) = try await CourseRequests.importCourse(app, teacher.token, coursePackage, query: query)
            guard status == .created, let id, let courseID = UUID(uuidString: id) else { throw WorldError.setup("course import (\(query)) answered \(status)") }
            guard let version = try await app.sql.select().column("id").from("course_versions").where("course_id", .equal, courseID).first()?.decode(column: "id", as: UUID.self) else {
                throw WorldError.setup("no version for course \(id)")
            }
            let course = Object(id: id, institutionID: school, studentIDs: learners, draft: isClass)
            var versionObject = course
            versionObject.id = version.uuidString
            made.append((course, versionObject))
        }
        return made
    }

    /// The bytes of the library file the matrix uploads (an MP4 head), and their SHA-256.
    static let libraryFile: [UInt8] = [0, 0, 0, 24] + Array("ftypisom".utf8) + [0, 0, 2, 0] + Array("isomiso2矩阵".utf8)
    static let libraryFileHash = EvidenceFile(fileName: "m.mp4", contentType: "video/mp4", content: Data(libraryFile)).sha256

    /// Library resources: the demo school's (one contributed, one under review, one shared by the
    /// city) and the demo enterprise's (contributed).
    static func libraryResources(_ app: Application, accounts: [Account], city: String) async throws -> [Object] {
        guard let teacher = accounts.first(where: { $0.role == .teacher }), let enterprise = accounts.first(where: { $0.role == .enterprise }) else { return [] }
        var objects: [Object] = []
        for account in [teacher, enterprise] {
            try await app.testing().test(.POST, "api/v1/library/files", headers: .bearer(account.token), beforeRequest: { req in
                req.headers.contentType = .binary
                req.body = ByteBuffer(bytes: libraryFile)
            })
        }
        func contribute(_ account: Account, _ title: String) async throws -> String? {
            try await post(app, account.token, "api/v1/library/resources", #"""
                {"kind":"video","title":"\#(title)","language":"zh","licence":"cc-by","author":"矩阵",
                 "file":{"sha256":"\#(libraryFileHash)","fileName":"m.mp4","contentType":"video/mp4"}}
                """#)["id"]?.stringValue
        }
        if let id = try await contribute(teacher, "矩阵资源（已提交）") {
            objects.append(Object(id: id, institutionID: teacher.scope.institutionID, draft: true))
        }
        if let id = try await contribute(enterprise, "矩阵资源（企业）") {
            objects.append(Object(id: id, enterpriseID: enterprise.scope.enterpriseID, draft: true))
        }
        if let id = try await contribute(teacher, "矩阵资源（审核中）") {
            _ = try await post(app, teacher.token, "api/v1/library/resources/\(id)/submission", "{}")
            objects.append(Object(id: id, institutionID: teacher.scope.institutionID, draft: true))
        }
        if let id = try await contribute(teacher, "矩阵资源（已共享）") {
            _ = try await post(app, teacher.token, "api/v1/library/resources/\(id)/submission", "{}")
            _ = try await post(app, city, "api/v1/library/resources/\(id)/decision", #"{"decision":"share","reason":"矩阵测试"}"#)
            objects.append(Object(id: id, institutionID: teacher.scope.institutionID))
        }
        return objects
    }

    static func signIn(_ app: Application, _ username: String) async throws -> String {
        var token = ""
        try await app.testing().test(.POST, "api/v1/auth/tokens", beforeRequest: { req in
            try req.content.encode(["username": username, "password": DemoSeeder.demoPassword])
        }, afterResponse: { res in
            token = try res.content.decode(AuthAPIController.TokenResponse.self).token
        })
        return token
    }

    /// A setup request as `token`; its JSON object answer, or an empty one.
    static func post(_ app: Application, _ token: String, _ path: String, _ body: String) async throws -> [String: JSONValue] {
        var answer: [String: JSONValue] = [:]
        try await app.testing().test(.POST, path, headers: .bearer(token), beforeRequest: { req in
            req.headers.contentType = .json
            req.body = ByteBuffer(string: body)
        }, afterResponse: { res in
            if res.status.code >= 300 { print("matrix setup: POST \(path) → \(res.status.code) \(bodyString(res).prefix(200))") }
            answer = (try? JSONDecoder().decode([String: JSONValue].self, from: Data(buffer: res.body))) ?? [:]
        })
        return answer
    }

    enum WorldError: Error { case setup(String) }
}
