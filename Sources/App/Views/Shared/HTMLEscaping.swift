import Plot

/// The one escaping rule for everything a page shows from data or input.
///
/// Plot 0.14 writes attribute values verbatim (`name="value"`), and its text escaping leaves
/// sequences that look like entities (`&lt;`) alone, so stored `&lt;b&gt;` would show as `<b>`.
/// Every value that comes from the database, a form or a query string therefore goes through
/// `HTMLEscaping.escape` — through the `safe:` forms below — and reaches the browser as
/// character references, which it decodes back to exactly what was stored.
///
/// In views: `.text(safe: x)` for every text node (Plot's `.text` is not used), and
/// `.value(safe:)`, `.href(safe:)`, `.action(safe:)`, `.label(safe:)`, `.placeholder(safe:)`,
/// `.title(safe:)`, `.id(safe:)`, `.class(safe:)`, `.name(safe:)`, `.data(named:safe:)`,
/// `.attribute(named:safe:)` for any attribute that is not a string literal; the head's
/// `.title(safe:)` for the page title. Hand-built markup (`SVGChart`) calls `escape` itself.
enum HTMLEscaping {
    /// `&`, `<`, `>`, `"` and `'` as character references: safe in a text node and in a quoted
    /// attribute value (either quote), and displayed literally.
    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: needsEscaping) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 32)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}

// MARK: - Text

extension Node {
    /// Text shown exactly as stored: every `&`, `<`, `>`, `"` and `'` escaped (Plot's `.text`
    /// would pass `&lt;` through as an entity).
    static func text(safe text: String) -> Node { .raw(HTMLEscaping.escape(text)) }

    /// A custom attribute whose value may come from data.
    static func attribute(named name: String, safe value: String) -> Node {
        .attribute(named: name, value: HTMLEscaping.escape(value))
    }
}

extension Attribute {
    /// A custom attribute whose value may come from data.
    static func attribute(named name: String, safe value: String) -> Attribute {
        .attribute(named: name, value: HTMLEscaping.escape(value))
    }
}

// MARK: - Global attributes

extension Node where Context: HTMLContext {
    static func id(safe id: String) -> Node { .id(HTMLEscaping.escape(id)) }
    static func `class`(safe className: String) -> Node { .class(HTMLEscaping.escape(className)) }
    static func title(safe title: String) -> Node { .title(HTMLEscaping.escape(title)) }
    static func data(named name: String, safe value: String) -> Node { .data(named: name, value: HTMLEscaping.escape(value)) }
}

extension Attribute where Context: HTMLContext {
    static func id(safe id: String) -> Attribute { .id(HTMLEscaping.escape(id)) }
    static func `class`(safe className: String) -> Attribute { .class(HTMLEscaping.escape(className)) }
    static func title(safe title: String) -> Attribute { .title(HTMLEscaping.escape(title)) }
}

// MARK: - Names, values, links and forms

extension Node where Context: HTMLNamableContext {
    static func name(safe name: String) -> Node { .name(HTMLEscaping.escape(name)) }
}

extension Attribute where Context: HTMLNamableContext {
    static func name(safe name: String) -> Attribute { .name(HTMLEscaping.escape(name)) }
}

extension Node where Context: HTMLValueContext {
    static func value(safe value: String) -> Node { .value(HTMLEscaping.escape(value)) }
}

extension Attribute where Context: HTMLValueContext {
    static func value(safe value: String) -> Attribute { .value(HTMLEscaping.escape(value)) }
}

extension Node where Context: HTMLLinkableContext {
    /// A link built from data; the caller builds the URL (a fixed path with codes or a
    /// percent-encoded query), this makes it safe inside the attribute.
    static func href(safe url: String) -> Node { .href(HTMLEscaping.escape(url)) }
}

extension Attribute where Context: HTMLLinkableContext {
    static func href(safe url: String) -> Attribute { .href(HTMLEscaping.escape(url)) }
}

extension Node where Context == HTML.FormContext {
    static func action(safe url: String) -> Node { .action(HTMLEscaping.escape(url)) }
}

extension Attribute where Context == HTML.InputContext {
    static func placeholder(safe placeholder: String) -> Attribute { .placeholder(HTMLEscaping.escape(placeholder)) }
}

extension Node where Context == HTML.TextAreaContext {
    static func placeholder(safe placeholder: String) -> Node { .placeholder(HTMLEscaping.escape(placeholder)) }
}

extension Attribute where Context == HTML.OptionContext {
    static func label(safe label: String) -> Attribute { .label(HTMLEscaping.escape(label)) }
}

// MARK: - Head

extension Attribute where Context == HTML.MetaContext {
    static func content(safe content: String) -> Attribute { .content(HTMLEscaping.escape(content)) }
}

extension Node where Context == HTML.HeadContext {
    /// The page title (Plot's `.title` also writes it raw into two `<meta content>` attributes).
    static func title(safe title: String) -> Node {
        .group([
            .element(named: "title", nodes: [Node.text(safe: title)]),
            .meta(.name("twitter:title"), .content(safe: title)),
            .meta(.property("og:title"), .content(safe: title)),
        ])
    }
}
