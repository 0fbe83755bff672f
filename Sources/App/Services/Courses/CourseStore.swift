import Courses
import Crypto
import Fluent
import Foundation
import Registry
import SQLKit
import Vapor

/// Online courses made from cmi5 packages (在线课程): importing a package as a course or a new
/// version of one, listing and showing what the caller may see, enrolling a learner. Every
/// change is one transaction with its audit row; every decision is the access policy's
/// (`AccessPolicy+Courses`), and a course outside the caller's reach is 404.
struct CourseStore: Sendable {
    let req: Request
    let caller: Caller
    var now: Date = Date()

    init(_ req: Request, caller: Caller) {
        self.req = req
        self.caller = caller
    }

    static let auditEntity = "courses"
    /// The largest package the API and the page take (a course's media are in it).
    static let maxPackageBytes = 100 * 1024 * 1024

    var sql: any SQLDatabase { get throws { try req.sql } }

    // MARK: - Reading

    /// The learner's school, program and intake year (nil for anyone else).
    func cohort() async throws -> LearnerCohort? {
        guard caller.scope.role == .learner, let student = caller.scope.studentID else { return nil }
        guard let row = try await sql.raw("""
            SELECT i.id AS institution_id, s.program_code, s.enrolment_year FROM students s JOIN institutions i ON i.code = s.institution_code WHERE s.id = \(bind: student)
            """).first() else { return nil }
        return LearnerCohort(institutionID: try row.decode(column: "institution_id", as: UUID.self), programCode: try row.decode(column: "program_code", as: String.self),
                             enrolmentYear: Int(try row.decode(column: "enrolment_year", as: Int64.self)))
    }

    static let columns = ["id", "title", "kind", "institution_id", "class_program_code", "class_enrolment_year", "owner_name", "current_version_id", "created_at_ms"]

    static func decode(_ row: any SQLRow) throws -> StoredCourse {
        let institution = try row.decode(column: "institution_id", as: UUID?.self)
        let audience: CourseAudience
        if try row.decode(column: "kind", as: String.self) == "class", let institution {
            audience = .schoolClass(institutionID: institution, programCode: try row.decode(column: "class_program_code", as: String?.self),
                                    enrolmentYear: try row.decode(column: "class_enrolment_year", as: Int64?.self).map(Int.init))
        } else {
            audience = .open
        }
        return StoredCourse(id: try row.decode(column: "id", as: UUID.self), title: try row.decode(column: "title", as: String.self), audience: audience,
                            institutionID: institution, ownerName: try row.decode(column: "owner_name", as: String.self),
                            versionID: try row.decode(column: "current_version_id", as: UUID?.self), createdAt: try row.decode(column: "created_at_ms", as: Int64.self))
    }

    /// A course the caller may see, or 404.
    func visible(_ id: UUID) async throws -> StoredCourse {
        guard let row = try await sql.select().columns(Self.columns).from("courses").where("id", .equal, id).first() else { throw AppError.notFound }
        let course = try Self.decode(row)
        guard AccessPolicy.canSeeCourse(course.placement, caller: caller.scope, cohort: try await cohort()) else { throw AppError.notFound }
        return course
    }

    /// The courses the caller may see, filtered in the database by the same rules as the policy.
    func list() async throws -> [CourseSummary] {
        let scope = caller.scope
        let cohort = try await cohort()
        var query = try sql.select().columns(Self.columns).from("courses")
        switch scope.role {
        case .cityAdmin: break
        case .schoolAdmin, .teacher:
            // Open courses, and their own school's; without a school, open courses only.
            if let institution = scope.institutionID {
                query = query.where(SQLQueryString("(kind = 'open' OR institution_id = \(bind: institution))"))
            } else {
                query = query.where(SQLQueryString("kind = 'open'"))
            }
        case .learner:
            guard let cohort else { return [] }
            query = query.where(SQLQueryString("""
                (kind = 'open' OR (kind = 'class' AND institution_id = \(bind: cohort.institutionID) \
                AND (class_program_code IS NULL OR class_program_code = \(bind: cohort.programCode)) \
                AND (class_enrolment_year IS NULL OR class_enrolment_year = \(bind: Int64(cohort.enrolmentYear)))))
                """))
        default: return []
        }
        let courses = try await query.orderBy("created_at_ms", .descending).limit(500).all().map(Self.decode)
            .filter { AccessPolicy.canSeeCourse($0.placement, caller: scope, cohort: cohort) }
        var out: [CourseSummary] = []
        for course in courses { out.append(try await summary(course)) }
        return out
    }

    func summary(_ course: StoredCourse) async throws -> CourseSummary {
        var version = 0, publisher = "", auCount = 0
        if let versionID = course.versionID,
           let row = try await sql.raw("SELECT version, publisher_id, (SELECT COUNT(*) FROM course_aus WHERE version_id = \(bind: versionID)) AS n FROM course_versions WHERE id = \(bind: versionID)").first() {
            version = try row.decode(column: "version", as: Int.self)
            publisher = try row.decode(column: "publisher_id", as: String.self)
            auCount = try row.decode(column: "n", as: Int.self)
        }
        var enrolled = false, satisfied = false, satisfiedAUs = 0
        if let enrolment = try await enrolment(course.id) {
            enrolled = true
            satisfied = enrolment.satisfiedAt != nil
            satisfiedAUs = try await sql.raw("SELECT COUNT(*) AS n FROM course_au_progress WHERE enrolment_id = \(bind: enrolment.id) AND satisfied_at_ms IS NOT NULL").first()?.decode(column: "n", as: Int.self) ?? 0
        }
        var classProgram: String?, classYear: Int?
        if case let .schoolClass(_, program, year) = course.audience { classProgram = program; classYear = year }
        return CourseSummary(id: course.id, title: course.title, kind: course.audience.kind, institutionId: course.institutionID, classProgramCode: classProgram,
                             classEnrolmentYear: classYear, owner: course.ownerName, version: version, publisherId: publisher, auCount: auCount,
                             createdAt: CourseTime.text(course.createdAt), enrolled: enrolled, satisfied: satisfied, satisfiedAUs: satisfiedAUs)
    }

    struct Enrolment: Sendable {
        var id: UUID
        var registration: UUID
        var enrolledAt: Int64
        var satisfiedAt: Int64?
    }

    /// The caller's enrolment in a course.
    func enrolment(_ courseID: UUID) async throws -> Enrolment? {
        guard let row = try await sql.select().columns("id", "registration", "enrolled_at_ms", "satisfied_at_ms").from("course_enrolments")
            .where("course_id", .equal, courseID).where("user_id", .equal, caller.userID).first() else { return nil }
        return Enrolment(id: try row.decode(column: "id", as: UUID.self), registration: try row.decode(column: "registration", as: UUID.self),
                         enrolledAt: try row.decode(column: "enrolled_at_ms", as: Int64.self), satisfiedAt: try row.decode(column: "satisfied_at_ms", as: Int64?.self))
    }

    func detail(_ id: UUID) async throws -> CourseDetail {
        let course = try await visible(id)
        let enrolment = try await enrolment(id)
        var progress: [String: (completed: Bool, passed: Bool, waived: Bool, satisfied: Bool)] = [:]
        if let enrolment {
            for row in try await sql.select().columns("au_publisher_id", "completed", "passed", "waived", "satisfied_at_ms").from("course_au_progress")
                .where("enrolment_id", .equal, enrolment.id).all() {
                progress[try row.decode(column: "au_publisher_id", as: String.self)] = (
                    try row.decode(column: "completed", as: Bool.self), try row.decode(column: "passed", as: Bool.self),
                    try row.decode(column: "waived", as: Bool.self), try row.decode(column: "satisfied_at_ms", as: Int64?.self) != nil)
            }
        }
        var aus: [CourseAUView] = []
        if let versionID = course.versionID {
            for row in try await sql.select().columns("position", "publisher_id", "title", "move_on", "mastery_score", "launch_method").from("course_aus")
                .where("version_id", .equal, versionID).orderBy("position").all() {
                let publisher = try row.decode(column: "publisher_id", as: String.self)
                let p = progress[publisher]
                aus.append(CourseAUView(position: try row.decode(column: "position", as: Int.self), publisherId: publisher, title: try row.decode(column: "title", as: String.self),
                                        moveOn: try row.decode(column: "move_on", as: String.self), masteryScore: try row.decode(column: "mastery_score", as: String?.self),
                                        launchMethod: try row.decode(column: "launch_method", as: String.self), completed: p?.completed ?? false, passed: p?.passed ?? false,
                                        waived: p?.waived ?? false, satisfied: p?.satisfied ?? false))
            }
        }
        let scope = caller.scope
        return CourseDetail(course: try await summary(course), aus: aus,
                            enrolment: enrolment.map { CourseEnrolmentView(registration: $0.registration, enrolledAt: CourseTime.text($0.enrolledAt), satisfied: $0.satisfiedAt != nil,
                                                                           satisfiedAt: $0.satisfiedAt.map(CourseTime.text)) },
                            canManage: AccessPolicy.canManageCourse(course.placement, caller: scope),
                            canEnrol: AccessPolicy.canEnrol(course.placement, caller: scope, cohort: try await cohort()))
    }

    // MARK: - Importing

    /// Reads a package with the pure Courses target; a refusal names every problem in both languages.
    static func parse(_ data: Data, contentType: String?) throws -> CoursePackage {
        do {
            return try CoursePackage.read(data, contentType: contentType)
        } catch {
            let issues = error.issues.prefix(20).map { FieldError(field: "package", zh: $0.messageZh, en: $0.messageEn) }
            throw AppError.validation(Array(issues))
        }
    }

    /// Imports a cmi5 package as a new course (its version 1) for `audience`.
    func importCourse(_ data: Data, fileName: String, contentType: String?, title: String?, audience: CourseAudience) async throws -> UUID {
        guard AccessPolicy.canImportCourses(caller: caller.scope) else { throw AppError.forbidden }
        guard AccessPolicy.mayAddress(audience, caller: caller.scope) else {
            throw AppError.validation([FieldError(field: "institutionId", zh: "只能为本校的班级开课", en: "a class course may only be for a class of your own school")])
        }
        if let title, title.count > 200 { throw AppError.validation([.tooLong("title", max: 200)]) }
        let package = try Self.parse(data, contentType: contentType)
        let courseID = UUID()
        let name = (title?.trimmingCharacters(in: .whitespacesAndNewlines)).flatMap { $0.isEmpty ? nil : $0 }
            ?? package.structure.course.title.text(preferring: "zh-CN")
        let caller = self.caller, stamp = CourseTime.ms(now)
        let (institution, program, year): (UUID?, String?, Int64?) = switch audience {
        case .open: (caller.scope.institutionID, nil, nil)
        case let .schoolClass(i, p, y): (i, p, y.map(Int64.init))
        }
        let entry = req.auditEntry(action: "import", entity: Self.auditEntity, recordID: courseID.uuidString,
                                   detail: "\(audience.kind) course \(name) from \(fileName) (\(package.structure.assignableUnits.count) AUs, \(data.count) bytes)")
        try await req.audited { tx in
            let sql = try courseSQL(tx)
            try await sql.insert(into: "courses")
                .columns("id", "title", "kind", "institution_id", "class_program_code", "class_enrolment_year", "owner_user_id", "owner_name", "current_version_id", "created_at_ms")
                .values(SQLBind(courseID), SQLBind(name), SQLBind(audience.kind), SQLBind(institution), SQLBind(program), SQLBind(year), SQLBind(caller.userID),
                        SQLBind(caller.displayName), SQLBind(UUID?.none), SQLBind(stamp))
                .run()
            try await Self.insertVersion(package, data: data, fileName: fileName, course: courseID, version: 1, by: caller.auditName, at: stamp, sql: sql)
            return ((), entry)
        }
        return courseID
    }

    /// Imports a package as the next version of a course the caller manages; enrolments carry
    /// on (their registrations are the course's), launches use the new version from now on.
    func addVersion(_ courseID: UUID, _ data: Data, fileName: String, contentType: String?) async throws -> Int {
        let course = try await visible(courseID)
        guard AccessPolicy.canManageCourse(course.placement, caller: caller.scope) else { throw AppError.forbidden }
        let package = try Self.parse(data, contentType: contentType)
        let caller = self.caller, stamp = CourseTime.ms(now)
        return try await req.audited { tx in
            let sql = try courseSQL(tx)
            let last = try await sql.raw("SELECT MAX(version) AS v FROM course_versions WHERE course_id = \(bind: courseID)").first()?.decode(column: "v", as: Int?.self) ?? 0
            try await Self.insertVersion(package, data: data, fileName: fileName, course: courseID, version: last + 1, by: caller.auditName, at: stamp, sql: sql)
            return (last + 1, req.auditEntry(action: "add_version", entity: Self.auditEntity, recordID: courseID.uuidString,
                                             detail: "version \(last + 1) from \(fileName) (\(package.structure.assignableUnits.count) AUs)"))
        }
    }

    static func insertVersion(_ package: CoursePackage, data: Data, fileName: String, course: UUID, version: Int, by: String, at stamp: Int64, sql: any SQLDatabase) async throws {
        let versionID = UUID()
        try await sql.insert(into: "course_versions")
            .columns("id", "course_id", "version", "publisher_id", "file_name", "package_sha256", "package", "imported_by", "imported_at_ms")
            .values(SQLBind(versionID), SQLBind(course), SQLBind(version), SQLBind(package.structure.course.id), SQLBind(String(fileName.prefix(200))),
                    SQLBind(Hex.encode(SHA256.hash(data: data))), SQLBind(data), SQLBind(by), SQLBind(stamp))
            .run()
        for chunk in stride(from: 0, to: package.structure.assignableUnits.count, by: 100) {
            let aus = package.structure.assignableUnits.enumerated().dropFirst(chunk).prefix(100)
            var insert = sql.insert(into: "course_aus").columns("version_id", "position", "publisher_id", "title", "url", "launch_method", "move_on", "mastery_score")
            for (n, au) in aus {
                insert = insert.values(SQLBind(versionID), SQLBind(n + 1), SQLBind(au.id), SQLBind(au.title.text(preferring: "zh-CN")), SQLBind(au.url),
                                       SQLBind(au.launchMethod.rawValue), SQLBind(au.moveOn.rawValue), SQLBind(au.masteryScore.map { "\($0)" }))
            }
            try await insert.run()
        }
        try await sql.update("courses").set("current_version_id", to: SQLBind(versionID)).where("id", .equal, course).run()
    }

    /// The package of a version, read again with the pure target (it was valid when imported).
    static func package(_ versionID: UUID, sql: any SQLDatabase) async throws -> (CoursePackage, Data) {
        guard let row = try await sql.select().column("package").from("course_versions").where("id", .equal, versionID).first() else { throw AppError.notFound }
        let data = try row.decode(column: "package", as: Data.self)
        do { return (try CoursePackage.read(data), data) } catch { throw Abort(.internalServerError, reason: "stored package no longer reads: \(error.messageEn)") }
    }

    // MARK: - Enrolling

    /// Enrols the caller (a learner the course is for) with a new cmi5 registration; enrolling
    /// again returns the enrolment there is.
    func enrol(_ courseID: UUID) async throws -> (CourseEnrolmentView, created: Bool) {
        let course = try await visible(courseID)
        guard AccessPolicy.canEnrol(course.placement, caller: caller.scope, cohort: try await cohort()) else { throw AppError.forbidden }
        if let existing = try await enrolment(courseID) {
            return (CourseEnrolmentView(registration: existing.registration, enrolledAt: CourseTime.text(existing.enrolledAt), satisfied: existing.satisfiedAt != nil,
                                        satisfiedAt: existing.satisfiedAt.map(CourseTime.text)), false)
        }
        let id = UUID(), registration = UUID(), stamp = CourseTime.ms(now), caller = self.caller
        try await req.audited { tx in
            try await courseSQL(tx).insert(into: "course_enrolments").columns("id", "course_id", "user_id", "student_id", "registration", "enrolled_at_ms", "satisfied_at_ms")
                .values(SQLBind(id), SQLBind(courseID), SQLBind(caller.userID), SQLBind(caller.scope.studentID), SQLBind(registration), SQLBind(stamp), SQLBind(Int64?.none))
                .run()
            return ((), req.auditEntry(action: "enrol", entity: Self.auditEntity, recordID: courseID.uuidString, detail: "registration \(registration.uuidString.lowercased())"))
        }
        return (CourseEnrolmentView(registration: registration, enrolledAt: CourseTime.text(stamp), satisfied: false, satisfiedAt: nil), true)
    }
}

func courseSQL(_ db: any Database) throws -> any SQLDatabase {
    guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "courses need an SQL database") }
    return sql
}
