import Indicators
import Plot

/// 工作任务清单: the tasks the caller may see, with where each stands.
struct WorkTasksPage {
    let layout: PageLayout
    let tasks: [WorkListAPIController.TaskBody]
    let list: String?
    let standing: String?

    func render() -> String {
        let l = layout.language
        let counts = Dictionary(grouping: tasks, by: \.standing).mapValues(\.count)
        let standings: [TaskStanding] = [.overdue, .stalled, .inProgress, .notStarted, .done]
        return layout.render(.div(
            .p(.text(safe: l.t("附件1—3的全部任务，责任单位按原文排列（牵头单位在前）。责任单位只看到并填报本单位的任务；逾期与停滞（90天未报送）的任务标出。",
                         "Every task of annexes 1–3 with its units, lead first. A unit sees and reports on its own tasks; overdue and stalled (no report in 90 days) tasks are marked."))),
            .form(.method(.get), .action("/work-tasks"),
                  .select(.attribute(named: "name", value: "list"), .attribute(named: "aria-label", safe: l.t("清单", "List")),
                          .option(.value(""), .label(safe: l.t("全部清单", "All lists")), .isSelected(list == nil)),
                          .forEach(PolicyList.allCases) { p in .option(.value(safe: p.rawValue), .label(safe: l.t(p.labelZh, p.labelEn)), .isSelected(list == p.rawValue)) }),
                  .select(.attribute(named: "name", value: "standing"), .attribute(named: "aria-label", safe: l.t("进展状态", "Standing")),
                          .option(.value(""), .label(safe: l.t("全部状态", "Any standing")), .isSelected(standing == nil)),
                          .forEach(standings) { s in .option(.value(safe: s.rawValue), .label(safe: l.t(s.labelZh, s.labelEn)), .isSelected(standing == s.rawValue)) }),
                  .button(.type(.submit), .text(safe: l.t("筛选", "Filter")))),
            .p(.id("task-summary"), .text(safe: l.t("共 \(tasks.count) 项：", "\(tasks.count) tasks: ")
                + standings.map { "\(l.t($0.labelZh, $0.labelEn)) \(counts[$0.rawValue] ?? 0)" }.joined(separator: " · "))),
            .table(.id("tasks"),
                   .thead(.tr(.th(.text(safe: l.t("编号", "No."))), .th(.text(safe: l.t("任务", "Task"))), .th(.text(safe: l.t("责任单位", "Units"))),
                              .th(.text(safe: l.t("期限", "Due"))), .th(.text(safe: l.t("状态", "Standing"))), .th(.text(safe: l.t("已认可进度", "Accepted"))),
                              .th(.text(safe: l.t("待审核", "To review"))))),
                   .tbody(.forEach(tasks) { t in
                       let s = TaskStanding(rawValue: t.standing) ?? .notStarted
                       return .tr(
                           .td(.a(.href(safe: "/work-tasks/\(t.id)"), .text(safe: t.id))),
                           .td(.text(safe: t.content)),
                           .td(.text(safe: t.units.joined(separator: "、"))),
                           .td(.text(safe: t.yearly ? l.t("每年", "yearly") : t.deadline)),
                           .td(.span(.class(safe: "status status-\(s.rawValue)"), .text(safe: l.t(s.labelZh, s.labelEn)))),
                           .td(.text(safe: t.acceptedPercent.map { "\($0)%" } ?? "—")),
                           .td(.text(safe: t.pendingReviews > 0 ? String(t.pendingReviews) : ""))
                       )
                   }))
        ))
    }
}
