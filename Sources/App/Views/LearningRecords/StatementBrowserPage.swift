import Plot

/// 学习记录: the statements the caller may read, newest first, with filters and a link to the
/// next page; on a learner's timeline, that learner's alone.
struct StatementBrowserPage {
    let layout: PageLayout
    let lines: [StatementLine]
    /// The form's current values (kept as typed).
    let verb: String
    let activity: String
    let since: String
    /// The link to the next page, if there is one.
    let next: String?
    /// The timeline's learner, when this is one learner's record.
    let learner: String?
    let action: String
    let canManageClients: Bool
    var canForward = false

    func render() -> String {
        let l = layout.language
        return layout.render(.div(
            .p(.text(safe: learner.map { l.t("\($0) 的学习记录：课程、线上学习、实训与平台上的学分、证书和实习。", "The learning record of \($0): courses, online learning, training, and the credits, credentials and placements given on the platform.") }
                ?? l.t("各校学习平台、线上课程、虚拟仿真实训与本平台报送的学习记录（xAPI 语句），按存储时间倒序。只显示本账号可查看的范围。",
                       "Learning records (xAPI statements) reported by schools' platforms, online courses, simulations and this platform, newest first, within what this account may read."))),
            .if(canManageClients, .p(.a(.href("/learning-records/clients"), .text(safe: l.t("管理接入客户端（LMS、MOOC、VR 实训）", "Manage connected clients (LMS, MOOC, VR labs)"))))),
            .if(canForward, .p(.a(.href("/learning-records/forwarding"), .text(safe: l.t("转发到其他学习记录库", "Forwarding to other learning record stores"))))),
            .form(.method(.get), .action(safe: action), .class("filters"),
                  .label(.for("filter-verb"), .text(safe: l.t("动作（动词 IRI）", "Verb IRI"))), .input(.type(.url), .id("filter-verb"), .name("verb"), .value(safe: verb)),
                  .label(.for("filter-activity"), .text(safe: l.t("学习活动 IRI", "Activity IRI"))), .input(.type(.url), .id("filter-activity"), .name("activity"), .value(safe: activity)),
                  .label(.for("filter-since"), .text(safe: l.t("此后（UTC）", "Since (UTC)"))),
                  .input(.type(.text), .id("filter-since"), .name("since"), .value(safe: since), .placeholder(safe: "2026-09-01T00:00:00Z")),
                  .button(.type(.submit), .text(safe: l.t("筛选", "Filter")))),
            .if(lines.isEmpty, .p(.id("no-statements"), .text(safe: l.t("没有符合条件的学习记录。", "No learning records match.")))),
            .div(.class("table-scroll"), .table(.id("statements"),
                .thead(.tr(.th(.text(safe: l.t("时间", "When"))), .th(.text(safe: l.t("学习者", "Learner"))), .th(.text(safe: l.t("动作", "Did"))),
                           .th(.text(safe: l.t("学习活动", "Activity"))), .th(.text(safe: l.t("结果", "Result"))), .th(.text(safe: l.t("报送方", "Reported by"))))),
                .tbody(.forEach(lines) { line in
                    .tr(.td(.text(safe: line.timestamp)),
                        .td(line.studentID.map { id in .a(.href(safe: "/learning-records/learners/\(id.uuidString.lowercased())"), .text(safe: line.learner)) } ?? .text(safe: line.learner)),
                        .td(.text(safe: line.verb)), .td(.text(safe: line.activity)), .td(.text(safe: line.result)), .td(.text(safe: line.reportedBy)))
                }))),
            .unwrap(next) { link in .p(.a(.id("more"), .href(safe: link), .text(safe: l.t("更早的记录 →", "Older records →")))) }
        ))
    }
}
