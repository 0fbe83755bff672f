import Credentials
import Foundation
import JSON

/// POST to a document resource (文档合并): two JSON objects merge, the new one's top-level
/// properties replacing the old one's; anything else cannot be merged and is refused.
public enum DocumentMerge {
    public enum Failure: Error, Equatable, Sendable {
        /// The posted body is not a JSON object.
        case postedNotJSONObject
        /// The stored document is not a JSON object.
        case storedNotJSONObject
    }

    public static func merge(stored: Data, storedType: String, posted: Data) throws(Failure) -> Data {
        guard case .object(let new)? = try? JSONValue.parse(posted) else { throw .postedNotJSONObject }
        guard isJSON(storedType), case .object(var old)? = try? JSONValue.parse(stored) else { throw .storedNotJSONObject }
        for (key, value) in new { old[key] = value }
        return JSONValue.object(old).serialized()
    }

    /// Whether a Content-Type names JSON (parameters such as charset ignored).
    public static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        return contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() == "application/json"
    }
}
