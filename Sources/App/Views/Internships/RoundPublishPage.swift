import Plot

/// 发布确认: what publishing a round does, before it is done — it cannot be undone.
struct RoundPublishPage {
    let layout: PageLayout
    let round: InternshipAllocation.Summary

    func render() -> String {
        let l = layout.language
        let path = "/internships/rounds/\(round.id.uuidString)"
        return layout.render(.div(
            .p(.id("publish-what"), .text(safe: l.t(
                "将发布「\(round.name)」：\(round.students) 名学生中 \(round.placed) 名获得岗位（共 \(round.places) 个名额）。",
                "You are about to publish “\(round.name)”: \(round.placed) of \(round.students) students placed (\(round.places) places)."))),
            .ul(
                .li(.text(safe: l.t("发布后，学生、学校和企业即可看到各自的分配结果及更高志愿未录取的原因。",
                                    "Once published, students, schools and enterprises see their placements and why higher choices were not given."))),
                .li(.strong(.text(safe: l.t("发布不可撤销，也不能修改；如需调整，须另行运行新的轮次。",
                                            "Publishing cannot be undone or edited; a change needs a new round.")))),
                .li(.text(safe: l.t("发布人和时间将记入审计日志，并显示在轮次页面上。", "Who published and when go into the audit log and onto the round's page.")))
            ),
            .form(
                .method(.post), .action(safe: "\(path)/publish"), .id("confirm-publish"),
                .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                .button(.type(.submit), .id("confirm"), .text(safe: l.t("确认发布", "Publish"))),
                .text(" "),
                .a(.href(safe: path), .id("cancel"), .text(safe: l.t("取消，返回轮次", "Cancel and go back")))
            )
        ))
    }
}
