import Crypto
import Foundation

/// The concurrency rules of the document resources (文档并发控制): ETags, `If-Match`,
/// `If-None-Match`, and the 409 for an unconditional overwrite of an existing document.
public enum DocumentPrecondition: Equatable, Sendable {
    case proceed
    /// 412: the client's condition does not hold.
    case failed
    /// 409: the document exists and the client sent neither header with a PUT.
    case conflictWithoutCondition

    /// The strong ETag of a document's bytes (quoted, as the header carries it).
    public static func etag(of content: Data) -> String {
        "\"" + Insecure.SHA1.hash(data: content).map { String(format: "%02x", $0) }.joined() + "\""
    }

    /// - Parameters:
    ///   - current: the stored document's ETag, nil when there is none.
    ///   - requireCondition: a PUT over an existing document must carry a condition.
    public static func evaluate(ifMatch: String?, ifNoneMatch: String?, current: String?, requireCondition: Bool) -> DocumentPrecondition {
        if let ifMatch {
            guard let current else { return .failed }
            let tags = tagList(ifMatch)
            guard tags.contains("*") || tags.contains(current) else { return .failed }
        }
        if let ifNoneMatch {
            let tags = tagList(ifNoneMatch)
            if let current, tags.contains("*") || tags.contains(current) { return .failed }
        }
        if requireCondition, current != nil, ifMatch == nil, ifNoneMatch == nil { return .conflictWithoutCondition }
        return .proceed
    }

    /// The entity tags of a header; weak tags compare by their opaque part, unquoted ones are
    /// taken as sent (some clients omit the quotes).
    static func tagList(_ header: String) -> [String] {
        header.split(separator: ",").map { part in
            var tag = part.trimmingCharacters(in: .whitespaces)
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            if tag != "*", !tag.hasPrefix("\"") { tag = "\"" + tag + "\"" }
            return tag
        }
    }
}
