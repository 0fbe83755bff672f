import Plot
import Registry

/// A form's problems as people expect them (the GOV.UK pattern): a summary at the top that says
/// how many there are and links to each field, and each message again by its field — one
/// language at a time, the page's.
enum FormErrors {
    /// The summary box, or nothing when there are no errors. `labels` names the fields for people.
    static func summary(_ errors: [FieldError], labels: [String: String], _ l: Language) -> Node<HTML.BodyContext> {
        .if(!errors.isEmpty, .div(
            .class("error-summary"), .id("error-summary"), .attribute(named: "role", value: "alert"),
            .h2(.text(safe: l.t("有 \(errors.count) 处需要修改", errors.count == 1 ? "There is a problem" : "There are \(errors.count) problems"))),
            .ul(.forEach(errors) { e in
                .li(.a(.href(safe: "#\(e.field)"), .text(safe: "\(labels[e.field] ?? e.field)：\(l.t(e.reasonZh, e.reasonEn))")))
            })
        ))
    }

    /// The messages for one field, placed by it.
    static func message<C: HTML.BodyContext>(_ errors: [FieldError], field: String, _ l: Language) -> Node<C> {
        .forEach(errors.filter { $0.field == field }) { e in
            .p(.class("error"), .id(safe: "error-\(field)"), .text(safe: l.t(e.reasonZh, e.reasonEn)))
        }
    }

    /// A confirmation of what the last action did, or nothing.
    static func confirmation(_ text: String?) -> Node<HTML.BodyContext> {
        .unwrap(text) { .div(.class("confirmation"), .id("confirmation"), .attribute(named: "role", value: "status"), .text(safe: $0)) }
    }
}
