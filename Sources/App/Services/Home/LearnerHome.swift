import CreditBank
import Registry
import SQLKit
import Vapor

/// 学习者首页: credits held, credentials, internship choices and placement.
enum LearnerHome {
    static func sections(_ data: HomeData) async throws -> [HomeSection] {
        guard let student = data.scope.studentID else { return [] }
        let sql = try data.sql
        var credit: [HomeFigure] = []
        if let learner = try await CreditLearners(sql: sql, vault: data.req.services.vault).own(data.scope) {
            let account = try await CreditLedgerStore(sql: sql).account(learner)
            let credentials = try await IssuedCredentialStore(sql: sql).list(learner: learner).count
            let path = "/credit-bank/learners/\(learner.uuidString)"
            credit = [
                HomeFigure(zh: "累计学分", en: "Credits held", value: account.totalCredits.description, path: path),
                HomeFigure(zh: "学习成果", en: "Learning outcomes", value: String(account.outcomes.count), path: path),
                HomeFigure(zh: "已获凭证", en: "Credentials", value: String(credentials), path: path),
            ]
        }
        let choices = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("internship_preferences")
            .where("student_id", .equal, student).first()?.decode(column: "n", as: Int.self) ?? 0
        return [
            HomeSection(zh: "学分银行", en: "Credit bank", figures: credit),
            HomeSection(zh: "实习", en: "Internship", figures: [
                HomeFigure(zh: "我的实习志愿", en: "My internship choices", value: String(choices), path: "/registry/internship-posts",
                           attention: choices == 0),
            ] + (try await data.roundFigures())),
            HomeSection(zh: "我的学籍", en: "My record", figures: [try await data.registryFigure(StudentResource.self)]),
        ].filter { !$0.figures.isEmpty }
    }
}
