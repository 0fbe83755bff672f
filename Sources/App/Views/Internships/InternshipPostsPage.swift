import Foundation
import Plot
import Registry

/// 岗位申请者: the posts the caller may rank, each with how many applied and how many are ranked.
struct InternshipPostsPage {
    let layout: PageLayout
    let posts: [ApplicantRankingStore.PostLine]

    func render() -> String {
        let l = layout.language
        return layout.render(.div(
            .p(.class("note"), .text(safe: l.t(
                "学生把岗位填进志愿后出现在这里。给申请者排序后，下一轮分配只按你的排序录取你排了序的学生；不排序则按默认规则（专业对口优先、同区优先）。",
                "Students appear here once they list a post among their choices. Once you rank them, the next round takes only those you ranked, in your order; without a ranking the default rule applies (matching program first, same district next)."))),
            posts.isEmpty
                ? .p(.id("no-posts"), .text(safe: l.t("没有你可以管理的实习岗位。", "There are no posts for you to manage.")))
                : .div(.class("table-scroll"), .table(
                    .id("posts"),
                    .thead(.tr(.th(.text(safe: l.t("岗位", "Post"))), .th(.text(safe: l.t("企业", "Enterprise"))), .th(.text(safe: l.t("名额", "Places"))),
                               .th(.text(safe: l.t("开始", "Starts"))), .th(.text(safe: l.t("申请人数", "Applicants"))), .th(.text(safe: l.t("已排序", "Ranked"))))),
                    .tbody(.forEach(posts) { p in
                        .tr(.td(.a(.href(safe: "/internships/posts/\(p.id.uuidString)/applicants"), .text(safe: p.title))), .td(.text(safe: p.enterprise)),
                            .td(.class("num"), .text(safe: String(p.capacity))), .td(.text(safe: p.periodStart)),
                            .td(.class("num"), .text(safe: String(p.applicants))), .td(.class("num"), .text(safe: String(p.ranked))))
                    })
                ))
        ))
    }
}

/// One post's applicants and the enterprise's ranking of them, entered as a position per
/// applicant (1 = most wanted; once any is ranked, a blank one is not acceptable to the post).
struct InternshipApplicantsPage {
    let layout: PageLayout
    let post: UUID
    let applicants: [ApplicantRankingStore.Applicant]
    let schools: [String: String]
    let programs: [String: String]
    /// What each applicant's position box holds: the saved position, or what was typed.
    let positions: [UUID: String]
    let errors: [FieldError]
    let confirmation: String?

    static func field(_ student: UUID) -> String { "position-\(student.uuidString.lowercased())" }

    func render() -> String {
        let l = layout.language
        let labels = Dictionary(uniqueKeysWithValues: applicants.map { (Self.field($0.studentId), l.t("\($0.name)的排序", "\($0.name)'s position")) })
        return layout.render(.div(
            FormErrors.confirmation(confirmation),
            FormErrors.summary(errors, labels: labels, l),
            .p(.a(.href("/internships/posts"), .text(safe: l.t("← 全部岗位", "← All posts")))),
            applicants.isEmpty
                ? .p(.id("no-applicants"), .text(safe: l.t("还没有学生把这个岗位填进志愿。", "No student has listed this post yet.")))
                : .form(
                    .method(.post), .action(safe: "/internships/posts/\(post.uuidString)/applicants"), .id("ranking-form"),
                    .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                    .p(.class("note"), .text(safe: l.t("在“你的排序”填 1、2、3……（1 为最想要）。排了序之后，留空的申请者不予录取；全部留空再保存，则恢复默认规则。",
                                                        "Enter 1, 2, 3… under “Your order” (1 = most wanted). Once you rank, applicants left blank are not accepted; save with every box blank to go back to the default rule."))),
                    .div(.class("table-scroll"), .table(
                        .id("applicants"),
                        .thead(.tr(.th(.text(safe: l.t("学生", "Student"))), .th(.text(safe: l.t("学校", "School"))), .th(.text(safe: l.t("专业", "Program"))),
                                   .th(.text(safe: l.t("学生的第几志愿", "Student's choice"))), .th(.text(safe: l.t("你的排序", "Your order"))))),
                        .tbody(.forEach(applicants) { a in
                            let name = Self.field(a.studentId)
                            return .tr(
                                .td(.text(safe: a.name)), .td(.text(safe: schools[a.institutionCode] ?? a.institutionCode)),
                                .td(.text(safe: programs[a.programCode] ?? a.programCode)), .td(.class("num"), .text(safe: String(a.choiceRank))),
                                .td(.input(.type(.text), .attribute(named: "inputmode", value: "numeric"), .class(errors.contains { $0.field == name } ? "position field-error" : "position"),
                                           .name(safe: name), .id(safe: name), .value(safe: positions[a.studentId] ?? ""),
                                           .attribute(named: "aria-label", safe: labels[name] ?? name)),
                                    FormErrors.message(errors, field: name, l))
                            )
                        })
                    )),
                    .button(.type(.submit), .id("save-ranking"), .text(safe: l.t("保存排序", "Save order")))
                )
        ))
    }
}
