import Registry
import SQLKit
import Vapor

/// `/internships/posts` and `/internships/posts/{id}/applicants`: an enterprise (or the city,
/// a district) sees who applied to its posts and ranks them, through the same store as the API.
extension InternshipPageController {
    @Sendable static func posts(req: Request) async throws -> Response {
        let store = try rankingStore(req)
        let l = Language(req)
        let layout = PageLayout(title: l.t("岗位申请者", "Applicants"), language: l, caller: try req.requireCaller())
        return .html(InternshipPostsPage(layout: layout, posts: try await store.posts()).render())
    }

    @Sendable static func applicants(req: Request) async throws -> Response {
        let store = try rankingStore(req)
        let post = try RegistryAPIController<InternshipPostResource>.id(req)
        let title = try await store.requirePost(post)
        let applicants = try await store.applicants(of: post)
        let positions = Dictionary(uniqueKeysWithValues: applicants.compactMap { a in a.position.map { (a.studentId, String($0)) } })
        let l = Language(req)
        let confirmation = req.query[Int.self, at: "saved"].map { l.t("已保存排序：\($0) 名申请者。", "Order saved: \($0) applicant(s).") }
        return try await applicantsPage(req, store, post: post, title: title, applicants: applicants, positions: positions, errors: [], confirmation: confirmation)
    }

    @Sendable static func saveRanking(req: Request) async throws -> Response {
        let store = try rankingStore(req)
        let post = try RegistryAPIController<InternshipPostResource>.id(req)
        let title = try await store.requirePost(post)
        let applicants = try await store.applicants(of: post)
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        var typed: [UUID: String] = [:]
        var errors: [FieldError] = []
        var ranked: [(position: Int, index: Int, student: UUID)] = []
        var holder: [Int: String] = [:]
        for (index, a) in applicants.enumerated() {
            let field = InternshipApplicantsPage.field(a.studentId)
            let value = (form[field] ?? "").trimmingCharacters(in: .whitespaces)
            typed[a.studentId] = value
            guard !value.isEmpty else { continue }
            guard let position = Int(value), (1...applicants.count).contains(position) else {
                errors.append(FieldError(field: field, zh: "应为 1 到 \(applicants.count) 的整数", en: "must be a whole number from 1 to \(applicants.count)")); continue
            }
            if let other = holder[position] {
                errors.append(FieldError(field: field, zh: "与\(other)的排序重复", en: "is the same position as \(other)'s")); continue
            }
            holder[position] = a.name
            ranked.append((position, index, a.studentId))
        }
        if errors.isEmpty {
            let order = ranked.sorted { ($0.position, $0.index) < ($1.position, $1.index) }.map(\.student)
            do {
                try await store.replace(order, post: post, req: req)
                return req.redirect(to: "/internships/posts/\(post.uuidString)/applicants?saved=\(order.count)")
            } catch AppError.validation(let problems) {
                // The store speaks of `studentIds`; the page of each applicant's position box.
                errors = problems.map { problem in
                    guard problem.field == "studentIds" else { return problem }
                    let named = applicants.first { problem.reasonEn.uppercased().contains($0.studentId.uuidString) } ?? applicants.first
                    return FieldError(field: named.map { InternshipApplicantsPage.field($0.studentId) } ?? problem.field, zh: problem.reasonZh, en: problem.reasonEn)
                }
            }
        }
        let response = try await applicantsPage(req, store, post: post, title: title, applicants: applicants, positions: typed, errors: errors, confirmation: nil)
        response.status = .unprocessableEntity
        return response
    }

    static func rankingStore(_ req: Request) throws -> ApplicantRankingStore {
        let caller = try req.requireCaller()
        guard AccessPolicy.mayRankSomeInternshipApplicants(caller: caller.scope) else { throw AppError.forbidden }
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        return ApplicantRankingStore(sql: sql, caller: caller.scope)
    }

    static func applicantsPage(_ req: Request, _ store: ApplicantRankingStore, post: UUID, title: String, applicants: [ApplicantRankingStore.Applicant],
                               positions: [UUID: String], errors: [FieldError], confirmation: String?) async throws -> Response {
        let l = Language(req)
        let layout = PageLayout(title: l.t("申请者：\(title)", "Applicants: \(title)"), language: l, caller: try req.requireCaller())
        let schools = try await store.schoolNames(Set(applicants.map(\.institutionCode)))
        let catalog = req.services.catalog
        let programs = Dictionary(applicants.compactMap { a in catalog.programs[a.programCode].map { (a.programCode, $0.name) } }, uniquingKeysWith: { a, _ in a })
        let page = InternshipApplicantsPage(layout: layout, post: post, applicants: applicants, schools: schools, programs: programs,
                                            positions: positions, errors: errors, confirmation: confirmation)
        return .html(page.render())
    }
}
