import Fluent
import Foundation
import Registry
import SQLKit
import Vapor

/// Loads a demo city through the registry's bulk write path and creates one account per role.
enum DemoSeeder {
    /// The demo accounts' shared password, printed in README.md. Demo data only.
    static let demoPassword = "Zhijiao-Demo-2026"

    struct Account {
        var username: String
        var displayName: String
        var role: Role
    }

    static let accounts: [Account] = [
        Account(username: "city-admin", displayName: "市教育局管理员", role: .cityAdmin),
        Account(username: "nanshan-admin", displayName: "南山区教育局管理员", role: .districtAdmin),
        Account(username: "school-admin", displayName: "深圳职业技术大学管理员", role: .schoolAdmin),
        Account(username: "teacher-demo", displayName: "演示教师", role: .teacher),
        Account(username: "enterprise-demo", displayName: "演示企业用户", role: .enterprise),
        Account(username: "learner-demo", displayName: "演示学习者", role: .learner),
        Account(username: "reviewer-demo", displayName: "学分银行审核员", role: .creditReviewer),
        Account(username: "unit-demo", displayName: "市人力资源社会保障局", role: .responsibleUnit),
    ]

    /// The demo responsible unit: named on eighteen tasks of 附件3, lead on two.
    static let demoUnit = "市人力资源社会保障局"

    /// Generates and writes the city, reporting each resource as it goes.
    static func load(_ app: Application, scale: DemoCity.Scale, seed: UInt64, progress: ProgressReporter? = nil, log: @Sendable (String) -> Void = { _ in }) async throws {
        let services = app.services
        let thisYear = CivilDate(date: Date()).year
        var city = DemoCity.generate(scale: scale, seed: seed, catalog: services.catalog, thisYear: thisYear)
        let market = DemoMarket.generate(city: &city, catalog: services.catalog, seed: seed, thisYear: thisYear)
        let admin = CallerScope(role: .cityAdmin)
        func write<R: RegistryResource>(_ resource: R.Type, _ rows: [FieldValues]) async throws {
            guard !rows.isEmpty else { return }
            log("\(R.titleZh) \(R.titleEn): \(rows.count)")
            var writer = RegistryWriter<R>(db: app.db, caller: admin, vault: services.vault, catalog: services.catalog)
            writer.progress = progress
            switch try await writer.prepare(rows.map { RegistryWriter<R>.Input(values: $0) }) {
            case .ready(let records): try await writer.insert(records)
            case .rejected(let errors):
                throw DemoError(description: "\(R.path): \(errors.prefix(5).map { "\($0.error.message)" })")
            }
        }
        try await write(InstitutionResource.self, city.institutions)
        try await write(ProgramClusterResource.self, city.clusters)
        try await write(ProgramResource.self, city.programs)
        try await write(TeacherResource.self, city.teachers)
        try await write(StudentResource.self, city.students)
        try await write(EnterpriseResource.self, city.enterprises)
        try await write(TrainingBaseResource.self, city.trainingBases)
        try await write(InternshipPostResource.self, city.internshipPosts)
        try await write(OccupationMappingResource.self, market.occupationMappings)
        try await write(ProgramYearResource.self, market.programYears)
        try await write(LabourDemandResource.self, market.labourDemands)
        try await write(NegativeListEntryResource.self, market.negativeList)
        try await write(CooperationAgreementResource.self, market.agreements)
        guard let sql = app.db as? any SQLDatabase else { return }
        let supervision = DemoSupervision.generate(schools: try await DemoSupervision.schools(sql), seed: seed, today: CivilDate(date: Date()))
        try await write(DesignationResource.self, supervision.designations)
        try await write(SpendingResource.self, supervision.spendings)
        log("督导快照 indicator snapshots: 2021Q1 to this quarter")
        try await DemoSupervision.recordHistory(app)
        log("学分银行 credit bank: rules, qualifications, three learners")
        try await DemoCreditBank.load(app)
        // The demo city signs credentials at once; a real deployment runs `zhijiao credentials keygen`.
        if let sql = app.db as? any SQLDatabase {
            let keys = IssuerKeyStore(sql: sql, vault: app.services.vault, issuer: app.services.issuer)
            if try await keys.publicKeys().isEmpty { try await keys.rotate(in: app.db) }
        }
        try await writeChoices(app, seed: seed, log: log)
        try await services.audit.append(AuditLog.Entry(actor: "system", action: "demo", entity: "registry", detail: "scale \(scale.rawValue), seed \(seed)"), on: app.db)
    }

    /// One student in ten of the higher-vocational levels ranks three to five posts.
    static func writeChoices(_ app: Application, seed: UInt64, log: @Sendable (String) -> Void) async throws {
        guard let sql = app.db as? any SQLDatabase else { return }
        let posts = try await sql.select().column("id").from("internship_posts").orderBy("id").all().map { try $0.decode(column: "id", as: UUID.self) }
        guard posts.count >= 5 else { return }
        let students = try await sql.select().column("id").from("students").where("level", .notEqual, "secondary").orderBy("id").all().map { try $0.decode(column: "id", as: UUID.self) }
        var rng = SeededGenerator(seed: seed &+ 25)
        var rows: [(UUID, UUID, Int)] = []
        for student in students where rng.chance(0.1) {
            var chosen: [UUID] = []
            while chosen.count < Int.random(in: 3...5, using: &rng) {
                // Popular employers attract more choices: bias towards the front of the list.
                let u = Double.random(in: 0..<1, using: &rng)
                let post = posts[Int(Double(posts.count) * u * u)]
                if !chosen.contains(post) { chosen.append(post) }
            }
            rows += chosen.enumerated().map { (student, $1, $0 + 1) }
        }
        log("实习志愿 internship choices: \(rows.count)")
        let now = Date()
        let choices = rows
        try await app.db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { return }
            for chunk in choices.chunked(5_000) {
                var insert = sql.insert(into: "internship_preferences").columns("id", "student_id", "post_id", "choice_rank", "created_at")
                for (student, post, rank) in chunk { insert = insert.values(UUID(), student, post, rank, now) }
                try await insert.run()
            }
        }
    }

    struct DemoError: Error, CustomStringConvertible {
        var description: String
    }

    /// One account per role, bound to the first matching records of the demo city.
    static func createAccounts(_ app: Application) async throws {
        guard let sql = app.db as? any SQLDatabase else { return }
        let institution = try await sql.select().column("id").from("institutions").where("code", .equal, "SZ-PU-0001").first()?.decode(column: "id", as: UUID.self)
        let teacher = try await sql.select().column("id").from("teachers").where("institution_code", .equal, "SZ-PU-0001").orderBy("staff_no").first()?.decode(column: "id", as: UUID.self)
        let student = try await sql.select().column("id").from("students").where("institution_code", .equal, "SZ-PU-0001").where("document_kind", .equal, "resident_id").orderBy("student_no").first()?.decode(column: "id", as: UUID.self)
        let enterprise = try await sql.select().column("id").from("enterprises").where("district_code", .equal, "440305").orderBy("credit_code").first()?.decode(column: "id", as: UUID.self)
        let hash = try await app.password.async.hash(demoPassword)
        for account in accounts {
            guard try await User.query(on: app.db).filter(\.$username == account.username).first() == nil else { continue }
            let scope = CallerScope(
                role: account.role,
                districtCode: account.role == .districtAdmin ? "440305" : nil,
                institutionID: [.schoolAdmin, .teacher].contains(account.role) ? institution : nil,
                enterpriseID: account.role == .enterprise ? enterprise : nil,
                studentID: account.role == .learner ? student : nil,
                teacherID: account.role == .teacher ? teacher : nil,
                unit: account.role == .responsibleUnit ? demoUnit : nil
            )
            guard (try? scope.validated()) != nil else { continue }
            try await User(username: account.username, displayName: account.displayName, passwordHash: hash, scope: scope).create(on: app.db)
        }
        if try await sql.select().column("id").from("work_reports").first() == nil,
           let unit = try await User.query(on: app.db).filter(\.$username == "unit-demo").first()?.id {
            try await DemoSupervision.writeReports(app, by: unit)
        }
    }

    /// On `serve` with an empty registry: the small demo city and its accounts.
    static func seedIfEmpty(_ app: Application) async throws {
        guard try await User.query(on: app.db).count() == 0 else { return }
        app.logger.notice("Loading the small demo city (ZHIJIAO_DEMO=0 to skip)…")
        try await load(app, scale: .small, seed: 2020)
        try await createAccounts(app)
        app.logger.notice("Demo accounts: \(accounts.map(\.username).joined(separator: ", ")), password \(demoPassword)")
    }
}
