import Vapor

/// The page language: Simplified Chinese by default, English on request (a cookie set by /lang/en).
enum Language: String, Sendable {
    case zh, en

    init(_ request: Request) {
        self = request.cookies["lang"]?.string == "en" ? .en : .zh
    }

    /// Picks the text for this language.
    func t(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }

    var htmlCode: String { self == .zh ? "zh-Hans" : "en" }
}
