import Matching
import Registry
import SQLKit
import Vapor

/// 企业首页: the enterprise's internship quota, its posts and their applicants, its placements
/// and its cooperation agreements.
enum EnterpriseHome {
    static func sections(_ data: HomeData) async throws -> [HomeSection] {
        guard let enterprise = data.scope.enterpriseID else { return [] }
        let sql = try data.sql
        let quota = try await QuotaReport.lines(sql: sql, caller: data.scope, quota: data.req.services.internshipQuota, onlyUnder: false)
            .first { $0.enterpriseId == enterprise }
        // Applicants: learners who named one of the enterprise's posts among their choices.
        let applicants = try await sql.raw("""
            SELECT COUNT(DISTINCT p.student_id) AS n FROM internship_preferences p
            JOIN internship_posts q ON q.id = p.post_id WHERE q.enterprise_id = \(bind: enterprise)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        // The 2 % quota binds enterprises above designated size only (QuotaReport lists those).
        var quotaFigures = [HomeFigure(zh: "实习配额", en: "Internship quota", value: data.t("不适用", "Not applicable"), path: "/internships/quotas",
                                       detailZh: "非规模以上企业不设配额", detailEn: "only enterprises above designated size have one")]
        if let quota {
            quotaFigures = [
                HomeFigure(zh: "应提供实习岗位", en: "Places required", value: String(quota.requiredPlaces), path: "/internships/quotas",
                           detailZh: "职工 \(quota.employees) 人", detailEn: "\(quota.employees) employees"),
                HomeFigure(zh: "已提供实习岗位", en: "Places offered", value: String(quota.offeredPlaces), path: "/internships/quotas"),
                HomeFigure(zh: "配额缺口", en: "Shortfall", value: String(quota.shortfall), path: "/internships/quotas", attention: quota.shortfall > 0),
            ]
        }
        return [
            HomeSection(zh: "实习配额", en: "Internship quota", figures: quotaFigures),
            HomeSection(zh: "岗位与申请", en: "Posts and applicants", figures: [
                try await data.registryFigure(InternshipPostResource.self),
                HomeFigure(zh: "申请本企业岗位的学生", en: "Applicants to our posts", value: String(applicants), path: "/registry/internship-posts"),
            ]),
            HomeSection(zh: "实习安排", en: "Placements", figures: try await data.roundFigures()),
            HomeSection(zh: "校企合作", en: "Cooperation", figures: [
                try await data.registryFigure(CooperationAgreementResource.self),
                try await data.registryFigure(TrainingBaseResource.self),
                try await data.registryFigure(LabourDemandResource.self),
            ]),
        ].filter { !$0.figures.isEmpty }
    }
}
