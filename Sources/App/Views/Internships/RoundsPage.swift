import Foundation
import Plot
import Registry

/// 实习分配轮次: the rounds the caller may see; the city runs new ones here.
struct RoundsPage {
    let layout: PageLayout
    let rounds: [InternshipAllocation.Summary]
    let canRun: Bool

    func render() -> String {
        let l = layout.language
        return layout.render(
            .div(
                .if(canRun, .form(
                    .method(.post), .action("/internships/rounds"), .id("run-round"),
                    .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                    .label(.for("round-name"), .text(safe: l.t("轮次名称", "Round name"))),
                    .input(.type(.text), .name("name"), .id("round-name"), .required(true)),
                    .label(.for("round-seed"), .text(safe: l.t("随机种子（决定同分排序）", "Seed (decides ties)"))),
                    .input(.type(.number), .name("seed"), .id("round-seed"), .value("2020")),
                    .button(.type(.submit), .id("run"), .text(safe: l.t("运行分配", "Run allocation")))
                )),
                .table(
                    .id("rounds"),
                    .thead(.tr(
                        .th(.text(safe: l.t("轮次", "Round"))), .th(.text(safe: l.t("状态", "Status"))), .th(.text(safe: l.t("学生", "Students"))),
                        .th(.text(safe: l.t("已安置", "Placed"))), .th(.text(safe: l.t("岗位名额", "Places"))), .th(.text(safe: l.t("种子", "Seed")))
                    )),
                    .tbody(.forEach(rounds) { r in
                        .tr(
                            .td(.a(.href(safe: "/internships/rounds/\(r.id.uuidString)"), .text(safe: r.name))),
                            .td(.text(safe: r.status == "published" ? l.t("已发布", "published") : l.t("草稿", "draft"))),
                            .td(.text(safe: String(r.students))), .td(.text(safe: String(r.placed))), .td(.text(safe: String(r.places))), .td(.text(safe: String(r.seed)))
                        )
                    })
                )
            )
        )
    }
}

/// One round's placements in the caller's scope, each with why higher choices were not given.
struct RoundPage {
    /// Who ran the round and when, and who published it and when.
    static func history(_ round: InternshipAllocation.Summary, _ l: Language) -> String {
        var text = l.t("运行：\(round.createdBy ?? "—")，\(DisplayTime.minute(round.createdAt))", "Run by \(round.createdBy ?? "—") on \(DisplayTime.minute(round.createdAt))")
        if let at = round.publishedAt {
            text += l.t("；发布：\(round.publishedBy ?? "—")，\(DisplayTime.minute(at))", "; published by \(round.publishedBy ?? "—") on \(DisplayTime.minute(at))")
        }
        return text + l.t("（北京时间）", " (Beijing time)")
    }

    /// Why a higher choice was not given, in words (`PlacementExplanation`'s reason codes).
    static func reason(_ code: String, _ l: Language) -> String {
        code == "not_acceptable" ? l.t("企业不接受该学生", "not acceptable to the enterprise") : l.t("名额已满，录取者排名更高", "full with better-ranked students")
    }

    let layout: PageLayout
    let round: InternshipAllocation.Summary
    let placements: [InternshipRoundAPIController.Placement]
    let names: [UUID: String]
    let posts: [UUID: String]
    let canPublish: Bool
    /// What the last action did (run, published), shown as a confirmation.
    var message: String?

    func render() -> String {
        let l = layout.language
        return layout.render(
            .div(
                FormErrors.confirmation(message),
                .p(.id("round-summary"), .text(safe: l.t(
                    "\(round.status == "published" ? "已发布" : "草稿")：\(round.students) 名学生中 \(round.placed) 名获得岗位，共 \(round.places) 个名额。",
                    "\(round.status): \(round.placed) of \(round.students) students placed in \(round.places) places."))),
                .p(.id("round-history"), .text(safe: Self.history(round, l))),
                .if(canPublish && round.status == "draft", .p(
                    .a(.class("button"), .id("publish"), .href(safe: "/internships/rounds/\(round.id.uuidString)/publish"), .text(safe: l.t("发布本轮…", "Publish this round…")))
                )),
                .table(
                    .id("placements"),
                    .thead(.tr(.th(.text(safe: l.t("学生", "Student"))), .th(.text(safe: l.t("岗位", "Post"))), .th(.text(safe: l.t("第几志愿", "Choice"))), .th(.text(safe: l.t("更高志愿未录取原因", "Why not higher choices"))))),
                    .tbody(.forEach(placements) { p in
                        .tr(
                            .td(.text(safe: names[p.studentId] ?? p.studentId.uuidString)),
                            .td(.text(safe: p.postId.flatMap { posts[$0] } ?? l.t("未安置", "not placed"))),
                            .td(.text(safe: p.choiceRank.map(String.init) ?? "—")),
                            .td(.text(safe: p.higherChoices.map { "\(UUID(uuidString: $0.postId).flatMap { posts[$0] } ?? $0.postId)：\(Self.reason($0.reason, l))" }.joined(separator: "；")))
                        )
                    })
                )
            )
        )
    }
}
