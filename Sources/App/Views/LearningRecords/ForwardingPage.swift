import Foundation
import Plot

/// 学习记录转发: the other learning record stores the city forwards statements to, how far
/// each is behind, its last error and dead letters; a form to add one.
struct ForwardingPage {
    let layout: PageLayout
    let targets: [LearningRecordForwarding.TargetStatus]
    let schools: [UUID: String]
    let now: Date

    static func age(_ seconds: TimeInterval, _ l: Language) -> String {
        switch seconds {
        case ..<60: l.t("不到 1 分钟", "under a minute")
        case ..<3600: l.t("\(Int(seconds / 60)) 分钟", "\(Int(seconds / 60)) min")
        case ..<86_400: l.t("\(Int(seconds / 3600)) 小时", "\(Int(seconds / 3600)) h")
        default: l.t("\(Int(seconds / 86_400)) 天", "\(Int(seconds / 86_400)) days")
        }
    }

    func render() -> String {
        let l = layout.language
        return layout.render(.div(
            .p(.text(safe: l.t("本平台收到的学习记录可转发到其他学习记录库（如国家平台）。失败的自动重试（间隔加倍，最长 1 小时）；连续 8 次失败或被对方拒收的进入死信，可在此重新投递。",
                               "Statements stored here can be forwarded to other learning record stores (such as a national one). Failures are retried (doubling waits, at most an hour); after 8 failures, or when the remote refuses one, it becomes a dead letter, which can be sent again here."))),
            .if(targets.isEmpty, .p(.id("no-targets"), .text(safe: l.t("尚未设置转发。", "Nothing is forwarded yet.")))),
            .div(.class("table-scroll"), .table(.id("forwarding"),
                .thead(.tr(.th(.text(safe: l.t("名称", "Name"))), .th(.text(safe: l.t("地址", "Endpoint"))), .th(.text(safe: l.t("范围", "Statements of"))),
                           .th(.text(safe: l.t("待发送", "Waiting"))), .th(.text(safe: l.t("已发送", "Sent"))), .th(.text(safe: l.t("死信", "Dead letters"))),
                           .th(.text(safe: l.t("滞后", "Behind by"))), .th(.text(safe: l.t("最近错误", "Last error"))), .th())),
                .tbody(.forEach(targets) { t in
                    .tr(.td(.a(.href(safe: "/learning-records/forwarding/\(t.target.id.uuidString.lowercased())"), .text(safe: t.target.name))),
                        .td(.code(.text(safe: t.target.endpoint))),
                        .td(.text(safe: t.target.institutionID.flatMap { schools[$0] } ?? l.t("全市", "the whole city"))),
                        .td(.text(safe: String(t.pending))), .td(.text(safe: String(t.sent))),
                        .td(.span(.class(safe: t.dead > 0 ? "status status-overdue" : ""), .text(safe: String(t.dead)))),
                        .td(.text(safe: t.oldestPendingStored.map { Self.age(now.timeIntervalSince($0), l) } ?? "—")),
                        .td(.text(safe: t.lastError ?? "")),
                        .td(.text(safe: t.target.active ? l.t("转发中", "active") : l.t("已停用", "stopped"))))
                }))),
            .h2(.text(safe: l.t("新增转发", "Forward to another LRS"))),
            .form(.method(.post), .action("/learning-records/forwarding"),
                  .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                  .label(.for("target-name"), .text(safe: l.t("名称", "Name"))),
                  .input(.type(.text), .id("target-name"), .name("name"), .attribute(named: "required", value: "required")),
                  .label(.for("target-endpoint"), .text(safe: l.t("对方 xAPI 地址", "Remote xAPI endpoint"))),
                  .input(.type(.url), .id("target-endpoint"), .name("endpoint"), .placeholder(safe: "https://lrs.example.cn/xapi"), .attribute(named: "required", value: "required")),
                  .label(.for("target-credentials"), .text(safe: l.t("对方凭据 KEY:SECRET（加密保存）", "Remote credentials KEY:SECRET (stored encrypted)"))),
                  .input(.type(.password), .id("target-credentials"), .name("credentials"), .attribute(named: "required", value: "required")),
                  .label(.for("target-school"), .text(safe: l.t("转发哪所学校的记录", "Whose statements"))),
                  .select(.id("target-school"), .attribute(named: "name", value: "institution"),
                          .option(.value(""), .label(safe: l.t("全市", "the whole city"))),
                          .forEach(schools.sorted { $0.value < $1.value }) { id, name in .option(.value(safe: id.uuidString.lowercased()), .label(safe: name)) }),
                  .label(.for("target-version"), .text(safe: l.t("xAPI 版本", "xAPI version"))),
                  .select(.id("target-version"), .attribute(named: "name", value: "xapiVersion"),
                          .forEach(LearningRecordForwarding.versions.reversed()) { v in .option(.value(safe: v), .label(safe: v)) }),
                  .button(.type(.submit), .id("add-target"), .text(safe: l.t("开始转发", "Start forwarding"))))
        ))
    }
}

/// One forwarding target: its dead letters, with a button to send them again, and its stop.
struct ForwardingTargetPage {
    let layout: PageLayout
    let target: LearningRecordForwarding.Target
    let page: LearningRecordForwarding.DeadLetterPage

    func render() -> String {
        let l = layout.language
        let base = "/learning-records/forwarding/\(target.id.uuidString.lowercased())"
        return layout.render(.div(
            .p(.code(.text(safe: target.endpoint)), .text(safe: " · xAPI \(target.xapiVersion) · ") ,
               .text(safe: target.active ? l.t("转发中", "active") : l.t("已停用", "stopped"))),
            .if(!page.letters.isEmpty, .form(.method(.post), .action(safe: base + "/retry"),
                  .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                  .button(.type(.submit), .id("retry-all"), .text(safe: l.t("全部重新投递", "Send all again"))))),
            .if(target.active, .form(.method(.post), .action(safe: base + "/deactivate"),
                  .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                  .button(.type(.submit), .id("deactivate"), .text(safe: l.t("停止转发", "Stop forwarding"))))),
            .h2(.text(safe: l.t("死信", "Dead letters"))),
            .if(page.letters.isEmpty, .p(.id("no-dead-letters"), .text(safe: l.t("没有死信。", "No dead letters.")))),
            .div(.class("table-scroll"), .table(.id("dead-letters"),
                .thead(.tr(.th(.text(safe: l.t("语句", "Statement"))), .th(.text(safe: l.t("尝试次数", "Attempts"))), .th(.text(safe: l.t("最近错误", "Last error"))))),
                .tbody(.forEach(page.letters) { d in
                    .tr(.td(.code(.text(safe: d.statementID.uuidString.lowercased()))), .td(.text(safe: String(d.attempts))), .td(.text(safe: d.lastError ?? "")))
                }))),
            .unwrap(page.next) { next in .p(.a(.href(safe: base + "?after=\(next)"), .text(safe: l.t("更多 →", "More →")))) }
        ))
    }
}
