import Plot
import Registry

/// A form's problems as people expect them (the GOV.UK pattern): a summary at the top that says
/// how many there are and links to each field, and each message again by its field — one
/// language at a time, the page's.
enum FormErrors {
    /// The summary box, or nothing when there are no errors. `labels` names the fields for people;
    /// `controls` gives the id of the control that holds a field when it is not the field's name
    /// (each keyed by the field's base name: `evidence` for `evidence.contentType`).
    static func summary(_ errors: [FieldError], labels: [String: String], _ l: Language, controls: [String: String] = [:]) -> Node<HTML.BodyContext> {
        .if(!errors.isEmpty, .div(
            .class("error-summary"), .id("error-summary"), .attribute(named: "role", value: "alert"),
            .h2(.text(safe: l.t("有 \(errors.count) 处需要修改", errors.count == 1 ? "There is a problem" : "There are \(errors.count) problems"))),
            .ul(.forEach(errors) { e in
                let base = baseName(e.field)
                return .li(.a(.href(safe: "#\(controls[base] ?? e.field)"), .text(safe: "\(labels[e.field] ?? labels[base] ?? e.field)：\(l.t(e.reasonZh, e.reasonEn))")))
            })
        ))
    }

    /// The messages for one field (and its parts: `evidence` shows `evidence.contentType`), placed by it.
    static func message<C: HTML.BodyContext>(_ errors: [FieldError], field: String, _ l: Language) -> Node<C> {
        .forEach(errors.filter { $0.field == field || baseName($0.field) == field }) { e in
            .p(.class("error"), .id(safe: "error-\(e.field)"), .text(safe: l.t(e.reasonZh, e.reasonEn)))
        }
    }

    /// `aria-invalid="true"` for a control whose fields (or their parts) have an error; nothing
    /// otherwise (Plot leaves out an attribute whose value is empty).
    static func invalid<C>(_ errors: [FieldError], _ fields: String...) -> Attribute<C> {
        Attribute(name: "aria-invalid", value: errors.contains { fields.contains(baseName($0.field)) } ? "true" : "")
    }

    /// A field's name without its parts: `units` for `units[0].credits`, `evidence` for `evidence.contentType`.
    static func baseName(_ field: String) -> String {
        String(field.prefix { $0 != "." && $0 != "[" })
    }

    /// A confirmation of what the last action did, or nothing.
    static func confirmation(_ text: String?) -> Node<HTML.BodyContext> {
        .unwrap(text) { .div(.class("confirmation"), .id("confirmation"), .attribute(named: "role", value: "status"), .text(safe: $0)) }
    }
}
