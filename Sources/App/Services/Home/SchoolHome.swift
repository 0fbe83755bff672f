import Indicators
import Registry
import SQLKit
import Vapor

/// 学校首页: the school's registry, its indicators, its students' placements and its review work.
enum SchoolHome {
    static func sections(_ data: HomeData) async throws -> [HomeSection] {
        guard let school = data.scope.institutionID,
              let code = try await data.sql.select().column("code").from("institutions").where("id", .equal, school).first()?.decode(column: "code", as: String.self)
        else { return [] }
        let pendingGrants = try await RevealGrantStore(data.req, caller: try data.req.requireCaller()).list(status: "pending").count
        return [
            HomeSection(zh: "本校数据", en: "The school's records", figures: [
                try await data.registryFigure(StudentResource.self),
                try await data.registryFigure(TeacherResource.self),
                try await data.registryFigure(TrainingBaseResource.self),
                try await data.registryFigure(CooperationAgreementResource.self),
            ]),
            HomeSection(zh: "本校指标", en: "The school's indicators",
                        figures: try await data.indicatorFigures(SupervisionScope(level: .school, code: code), path: "/supervision/schools/\(code)")),
            HomeSection(zh: "学生实习", en: "Students' placements", figures: try await data.roundFigures()),
            HomeSection(zh: "待办", en: "Review work", figures: [
                HomeFigure(zh: "等待市局审批的查看申请", en: "Reveal requests awaiting the city", value: String(pendingGrants), path: "/reveal-grants"),
                HomeFigure(zh: "学习成果导入", en: "Outcome import", value: data.t("导入", "Import"), path: "/credit-bank/import"),
            ]),
        ].filter { !$0.figures.isEmpty }
    }
}
