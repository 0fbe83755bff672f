/// 多语言文本 (cmi5 `langstring`): one text in one language, as a course structure gives titles
/// and descriptions.
public struct LangString: Sendable, Equatable, Codable {
    /// The `lang` attribute (an xs:language tag such as "zh-CN" or "en"); absent when not given.
    public var lang: String?
    public var text: String

    public init(lang: String?, text: String) {
        self.lang = lang
        self.text = text
    }
}

/// 本地化文本: the langstrings of one `title` or `description`, at least one.
public struct LocalizedText: Sendable, Equatable, Codable {
    public var strings: [LangString]

    public init(_ strings: [LangString]) {
        self.strings = strings
    }

    /// The text in `language` (exact tag, then the same primary subtag), else the first one.
    public func text(preferring language: String) -> String {
        let wanted = language.lowercased()
        if let exact = strings.first(where: { $0.lang?.lowercased() == wanted }) { return exact.text }
        let primary = wanted.split(separator: "-").first.map(String.init) ?? wanted
        if let near = strings.first(where: { $0.lang?.lowercased().split(separator: "-").first.map(String.init) == primary }) {
            return near.text
        }
        return strings.first?.text ?? ""
    }
}
