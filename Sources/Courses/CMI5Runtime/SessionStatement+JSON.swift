import Foundation

extension SessionStatement {
    /// Reads what the session rules need from an xAPI statement's JSON, as an AU sends it.
    public init(json: Data) throws(CMI5Error) {
        guard let object = try? JSONSerialization.jsonObject(with: json), let statement = object as? [String: Any] else {
            throw .invalidValue(attribute: "body", element: "statement", value: "", allowed: "a JSON object / JSON 对象")
        }
        guard let verbID = (statement["verb"] as? [String: Any])?["id"] as? String else {
            throw .missingAttribute(attribute: "verb.id", element: "statement")
        }
        guard let objectID = (statement["object"] as? [String: Any])?["id"] as? String else {
            throw .missingAttribute(attribute: "object.id", element: "statement")
        }
        guard let stamp = statement["timestamp"] as? String else { throw .missingAttribute(attribute: "timestamp", element: "statement") }
        guard let timestamp = Self.date(stamp) else {
            throw .invalidValue(attribute: "timestamp", element: "statement", value: stamp, allowed: "an ISO 8601 timestamp / ISO 8601 时间")
        }
        let context = statement["context"] as? [String: Any]
        let categories = ((context?["contextActivities"] as? [String: Any])?["category"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        let sessionID = (context?["extensions"] as? [String: Any])?[LaunchData.sessionIDExtension] as? String
        var result: Result?
        if let r = statement["result"] as? [String: Any] {
            let score = (r["score"] as? [String: Any]).map { s in
                Score(scaled: (s["scaled"] as? NSNumber)?.doubleValue, raw: (s["raw"] as? NSNumber)?.doubleValue,
                      min: (s["min"] as? NSNumber)?.doubleValue, max: (s["max"] as? NSNumber)?.doubleValue)
            }
            let extensions = r["extensions"] as? [String: Any]
            result = Result(
                success: r["success"] as? Bool, completion: r["completion"] as? Bool, score: score,
                duration: r["duration"] as? String, reason: extensions?[CMI5Verb.reasonExtension] as? String,
                progress: (extensions?[CMI5Verb.progressExtension] as? NSNumber)?.intValue
            )
        }
        self.init(
            verbID: verbID, timestamp: timestamp, objectID: objectID,
            isCMI5Defined: categories.contains(CMI5Verb.cmi5Category), hasMoveOnCategory: categories.contains(CMI5Verb.moveOnCategory),
            sessionID: sessionID, result: result
        )
    }

    static func date(_ text: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: text) { return date }
        return ISO8601DateFormatter().date(from: text)
    }
}
