import CreditBank
import Exact
import Foundation
import Registry
import SQLKit
import Vapor

/// The demo credit bank: recognition rules, two qualifications, transfer rules into one
/// program of 深圳职业技术大学, and three learners (the demo learner, a Hong Kong and a Macau
/// learner) whose outcomes show each way recognition goes.
enum DemoCreditBank {
    static let rules: [RecognitionRule] = [
        RecognitionRule(id: "R-1X-WEB", nameZh: "Web前端开发职业技能等级证书（中级）", nameEn: "Web front-end skill certificate (intermediate)", priority: 10,
                        kind: .certificate(code: "1X-WEB-M", grants: [UnitGrant(unitCode: "WEB-101", credits: Credits(4), hubLevel: 4, field: "51"),
                                                                      UnitGrant(unitCode: "WEB-102", credits: Credits(2), hubLevel: 4, field: "51")])),
        RecognitionRule(id: "R-TRAIN", nameZh: "非学历培训与在线课程学时折算（18学时1学分，最多4学分）", nameEn: "Training and online hours (18 h a credit, at most 4)",
                        kind: .hours(kinds: [.nonDegreeTraining, .onlineCourse], hoursPerCredit: 18, cap: Credits(4), unitCode: "TRAIN", hubLevel: 3)),
        RecognitionRule(id: "R-COMP", nameZh: "省级职业技能大赛（80分及以上）", nameEn: "Provincial skills competition (80 or more)",
                        kind: .score(kind: .competitionAward, code: "GD-SKILLS", minimumScore: 80, grant: UnitGrant(unitCode: "COMP", credits: Credits(3), hubLevel: 4, field: "51"))),
    ]

    static let qualifications: [Qualification] = [
        Qualification(id: "Q-WEB", nameZh: "Web应用开发专项资历", nameEn: "Web application development", totalCredits: Credits(9),
                      levelMinimums: [.init(level: 4, credits: Credits(6))], requiredUnits: ["WEB-101", "WEB-102"],
                      electiveGroups: [.init(units: ["COMP", "TRAIN"], pick: 1)], validityYears: 5),
        Qualification(id: "Q-DIGITAL", nameZh: "数字技能综合资历", nameEn: "Digital skills", totalCredits: Credits(20),
                      levelMinimums: [.init(level: 4, credits: Credits(10))], requiredUnits: ["WEB-101"],
                      electiveGroups: [.init(units: ["COMP", "TRAIN", "WORK"], pick: 2)]),
    ]

    static func load(_ app: Application) async throws {
        guard let sql = app.db as? any SQLDatabase else { return }
        let store = CreditRuleStore(sql: sql)
        for rule in rules { try await store.put(.recognition, code: rule.id, rule) }
        for q in qualifications { try await store.put(.qualification, code: q.id, q) }
        if let program = try await sql.select().column("catalog_code").from("programs").where("institution_code", .equal, "SZ-PU-0001").orderBy("catalog_code").first()?
            .decode(column: "catalog_code", as: String.self) {
            for rule in [
                ConversionRule(id: "T-WEB-101", institutionCode: "SZ-PU-0001", programCode: program, unitCode: "WEB-101", exemptsCourse: "网页设计基础", credits: Credits(4), minimumHubLevel: 4, maximumAgeYears: 5),
                ConversionRule(id: "T-WEB-102", institutionCode: "SZ-PU-0001", programCode: program, unitCode: "WEB-102", exemptsCourse: "前端开发实训", credits: Credits(2), minimumHubLevel: 4, maximumAgeYears: 5),
                ConversionRule(id: "T-COMP", institutionCode: "SZ-PU-0001", programCode: program, unitCode: "COMP", credits: Credits(3), minimumHubLevel: 4, maximumAgeYears: 3),
            ] { try await store.put(.conversion, code: rule.id, rule) }
            try await store.put(.programLimit, code: "SZ-PU-0001:\(program)",
                                ProgramTransferLimit(institutionCode: "SZ-PU-0001", programCode: program, totalCredits: Credits(120), maximumShare: Fraction(1, 4)))
        }
        try await loadLearners(app, sql: sql)
    }

    /// The demo learner's own account, and a Hong Kong and a Macau learner.
    static func loadLearners(_ app: Application, sql: any SQLDatabase) async throws {
        let learners = CreditLearners(sql: sql, vault: app.services.vault)
        var people = SyntheticPeople(seed: 91, regionCodes: ["440305"])
        var accounts: [(UUID, String)] = []
        if let row = try await sql.select().columns("name", "document_kind", "id_cipher").from("students").where("institution_code", .equal, "SZ-PU-0001")
            .where("document_kind", .equal, "resident_id").orderBy("student_no").first(),
           let kind = IdentityDocumentKind(rawValue: try row.decode(column: "document_kind", as: String.self)),
           case .success(let document) = IdentityDocument.validate(kind: kind, number: try app.services.vault.open(try row.decode(column: "id_cipher", as: String.self)), field: "idNumber") {
            accounts.append((try await learners.create(name: try row.decode(column: "name", as: String.self), document: document, birthDate: nil).id, "mainland"))
        }
        if case .success(let hk) = IdentityDocument.validate(kind: .hongKongID, number: people.hongKongID(), field: "idNumber") {
            accounts.append((try await learners.create(name: "陳嘉欣", document: hk, birthDate: "2004-03-12").id, "hong_kong"))
        }
        if case .success(let mo) = IdentityDocument.validate(kind: .macauID, number: "1234567(8)", field: "idNumber") {
            accounts.append((try await learners.create(name: "梁浩然", document: mo, birthDate: "2003-08-30").id, "macau"))
        }
        let engine = RecognitionEngine(rules: rules, alignment: app.services.frameworks.alignment)
        let today = CivilDate(date: Date())
        var events: [(learner: UUID, event: LedgerEvent)] = []
        for (learner, region) in accounts {
            let issuer = region == "mainland" ? "深圳职业技术大学" : (region == "hong_kong" ? "香港职业训练局" : "澳门理工大学")
            let outcomes = [
                LearningOutcome(learnerID: learner, kind: .skillLevelCertificate, issuer: "工业和信息化部教育与考试中心", title: "Web前端开发职业技能等级证书（中级）",
                                code: "1X-WEB-M", level: LevelRef("gd-lqf", 4), awardedOn: CivilDate(year: today.year - 1, month: 6, day: 30) ?? today,
                                validUntil: CivilDate(year: today.year + 2, month: 6, day: 30), field: "51"),
                LearningOutcome(learnerID: learner, kind: .nonDegreeTraining, issuer: issuer, title: "云计算运维培训", hours: 54,
                                awardedOn: CivilDate(year: today.year - 1, month: 12, day: 20) ?? today, field: "51"),
                LearningOutcome(learnerID: learner, kind: .competitionAward, issuer: "广东省人力资源和社会保障厅", title: "广东省职业技能大赛", code: "GD-SKILLS",
                                score: region == "macau" ? 72 : 86, awardedOn: CivilDate(year: today.year, month: 5, day: 18) ?? today),
                LearningOutcome(learnerID: learner, kind: .workExperience, issuer: "深圳市某科技有限公司", title: "前端开发实习（6个月）", hours: 960,
                                awardedOn: CivilDate(year: today.year, month: 8, day: 31) ?? today),
            ]
            for outcome in outcomes {
                events.append((learner, .submitted(outcome)))
                events.append((learner, .decided(engine.decide(outcome, on: today), reviewer: nil)))
            }
        }
        try await CreditLedgerStore(sql: sql).append(events, actor: "demo")
    }
}
