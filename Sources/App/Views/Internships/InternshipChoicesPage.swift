import Foundation
import Plot
import Registry

/// 实习志愿: a learner's ranked choices, entered and changed here before a round, and the latest
/// published round's answer with why higher choices were not given.
struct InternshipChoicesPage {
    let layout: PageLayout
    let posts: [InternshipChoiceStore.PostOption]
    /// What each slot holds: the saved choices, or what was typed when the form came back.
    let slots: [String]
    let errors: [FieldError]
    let outcome: InternshipChoiceStore.Outcome?
    let confirmation: String?

    static func field(_ slot: Int) -> String { "choice\(slot + 1)" }

    func render() -> String {
        let l = layout.language
        let titles = Dictionary(posts.map { ($0.id.uuidString, "\($0.enterprise) · \($0.title)") }, uniquingKeysWith: { a, _ in a })
        let labels = Dictionary(uniqueKeysWithValues: slots.indices.map { (Self.field($0), l.t("第\($0 + 1)志愿", "Choice \($0 + 1)")) })
        return layout.render(.div(
            FormErrors.confirmation(confirmation),
            FormErrors.summary(errors, labels: labels, l),
            .h2(.text(safe: l.t("分配结果", "Allocation result"))),
            outcomeNode(titles, l),
            .h2(.text(safe: l.t("填报志愿", "Your choices"))),
            .p(.class("note"), .text(safe: l.t(
                "按想去的顺序填写，最多 \(slots.count) 个；空着的志愿会跳过。保存后可随时修改，下一轮分配按保存的志愿进行。",
                "List posts in the order you want them, at most \(slots.count); empty slots are skipped. You can change them until the next round runs."))),
            .if(posts.isEmpty, .p(.id("no-posts"), .text(safe: l.t("目前没有可填报的实习岗位。", "There are no internship posts to choose yet.")))),
            .form(
                .method(.post), .action("/internships/choices"), .id("choices-form"),
                .input(.type(.hidden), .name("csrf"), .value(safe: layout.csrf ?? "")),
                .ol(.class("choices"), .forEach(Array(slots.enumerated())) { slot, value in
                    let name = Self.field(slot)
                    return .li(
                        .label(.for(name), .text(safe: l.t("第\(slot + 1)志愿", "Choice \(slot + 1)"))), .text(" "),
                        .select(
                            .attribute(named: "name", safe: name), .id(safe: name), .class(errors.contains { $0.field == name } ? "field-error" : "choice"),
                            .option(.value(""), .label(safe: l.t("（不填）", "(none)")), .isSelected(value.isEmpty)),
                            .forEach(posts) { p in option(p, selected: p.id.uuidString == value.uppercased(), l) }
                        ),
                        FormErrors.message(errors, field: name, l)
                    )
                }),
                .button(.type(.submit), .id("save-choices"), .text(safe: l.t("保存志愿", "Save choices")))
            )
        ))
    }

    func option(_ p: InternshipChoiceStore.PostOption, selected: Bool, _ l: Language) -> Node<HTML.SelectContext> {
        let places = l.t("名额", "places")
        let label = "\(p.enterprise) · \(p.title)（\(places) \(p.capacity)，\(p.periodStart)–\(p.periodEnd)）"
        return .option(.value(p.id.uuidString), .label(safe: label), .isSelected(selected))
    }

    func outcomeNode(_ titles: [String: String], _ l: Language) -> Node<HTML.BodyContext> {
        guard let o = outcome else {
            return .p(.id("outcome"), .text(safe: l.t("还没有发布分配结果。", "No allocation has been published yet.")))
        }
        let when = o.publishedAt.map { " \(l.t("发布于", "published")) \(DisplayTime.minute($0))" } ?? ""
        let placed: String
        if let post = o.postId, let rank = o.choiceRank {
            placed = l.t("你获得了第\(rank)志愿：\(titles[post.uuidString] ?? l.t("（岗位已撤下）", "(post withdrawn)"))。",
                         "You were placed in choice \(rank): \(titles[post.uuidString] ?? "(post withdrawn)").")
        } else if o.higherChoices.isEmpty {
            placed = l.t("你没有获得岗位：这一轮你没有填报志愿。", "You were not placed: you listed no choices in this round.")
        } else {
            placed = l.t("你没有获得岗位：你填报的每个岗位都已由企业排序更靠前的学生填满，或企业不接受。",
                         "You were not placed: every post you listed was filled by students its enterprise ranked higher, or did not accept you.")
        }
        return .div(
            .id("outcome"),
            .p(.text(safe: "\(o.round)\(when)：\(placed)")),
            .if(!o.higherChoices.isEmpty, .ul(.id("higher-choices"), .forEach(o.higherChoices) { h in
                .li(.text(safe: "\(titles[h.postId.uppercased()] ?? h.postId)：\(RoundPage.reason(h.reason, l))"))
            }))
        )
    }
}
