import Registry
import SQLKit
import Vapor

/// `/internships/choices`: the learner enters and changes their own ranked choices and sees the
/// latest published result, through the same store as the API.
extension InternshipPageController {
    @Sendable static func choices(req: Request) async throws -> Response {
        let (store, student) = try await learnerChoices(req)
        let saved = try await store.postIds(of: student).map(\.uuidString)
        let l = Language(req)
        let confirmation = req.query[Int.self, at: "saved"].map { l.t("已保存 \($0) 个志愿。", "\($0) choice(s) saved.") }
        return try await choicesPage(req, store, student, slots: saved, errors: [], confirmation: confirmation)
    }

    @Sendable static func saveChoices(req: Request) async throws -> Response {
        let (store, student) = try await learnerChoices(req)
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        let slots = (0..<InternshipChoiceStore.maxChoices).map { (form[InternshipChoicesPage.field($0)] ?? "").trimmingCharacters(in: .whitespaces) }
        var errors: [FieldError] = []
        var chosen: [UUID] = []
        var slotOf: [UUID: Int] = [:]
        for (slot, value) in slots.enumerated() where !value.isEmpty {
            let field = InternshipChoicesPage.field(slot)
            guard let id = UUID(uuidString: value) else {
                errors.append(FieldError(field: field, zh: "不是可以填报的岗位", en: "is not a post you can choose")); continue
            }
            if let first = slotOf[id] {
                errors.append(FieldError(field: field, zh: "与第\(first + 1)志愿是同一个岗位", en: "is the same post as choice \(first + 1)")); continue
            }
            slotOf[id] = slot
            chosen.append(id)
        }
        if errors.isEmpty {
            do {
                try await store.replace(chosen, of: student, req: req)
                return req.redirect(to: "/internships/choices?saved=\(chosen.count)")
            } catch AppError.validation(let problems) {
                errors = problems.map { onSlot($0, slots) }
            }
        }
        let response = try await choicesPage(req, store, student, slots: slots, errors: errors, confirmation: nil)
        response.status = .unprocessableEntity
        return response
    }

    /// The store speaks of `postIds`; the page of slots: a problem naming a post goes by the
    /// slot that holds it, any other by the first slot, so the summary's link leads somewhere.
    static func onSlot(_ problem: FieldError, _ slots: [String]) -> FieldError {
        guard problem.field == "postIds" else { return problem }
        let text = problem.reasonEn.uppercased()
        let slot = slots.firstIndex { !$0.isEmpty && text.contains($0.uppercased()) } ?? 0
        return FieldError(field: InternshipChoicesPage.field(slot), zh: problem.reasonZh, en: problem.reasonEn)
    }

    /// The learner's store and student id; other roles enter choices through the API or not at all.
    static func learnerChoices(_ req: Request) async throws -> (InternshipChoiceStore, UUID) {
        let caller = try req.requireCaller()
        guard AccessPolicy.mayChooseOwnInternships(caller: caller.scope), let student = caller.scope.studentID else { throw AppError.forbidden }
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let store = InternshipChoiceStore(sql: sql, caller: caller.scope)
        try await store.requireStudent(student, forWriting: true)
        return (store, student)
    }

    static func choicesPage(_ req: Request, _ store: InternshipChoiceStore, _ student: UUID, slots: [String], errors: [FieldError], confirmation: String?) async throws -> Response {
        let l = Language(req)
        let layout = PageLayout(title: l.t("实习志愿", "Internship choices"), language: l, caller: try req.requireCaller())
        let count = InternshipChoiceStore.maxChoices
        let padded = Array((slots + Array(repeating: "", count: count)).prefix(count))
        let page = InternshipChoicesPage(layout: layout, posts: try await store.posts(), slots: padded, errors: errors,
                                         outcome: try await store.latestOutcome(of: student), confirmation: confirmation)
        return .html(page.render())
    }
}
