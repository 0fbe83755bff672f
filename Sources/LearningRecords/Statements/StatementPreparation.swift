import Credentials
import Foundation
import JSON

/// Turns a statement as received into the statement as stored (入库): the LRS-set properties
/// (`id` if absent, `stored`, `authority`, `version`, `timestamp` if absent) and the 1.0.3
/// normal form of context activities (always arrays), so that every stored statement reads alike.
public enum StatementPreparation {
    public static func prepare(_ statement: JSONValue, id: UUID, stored: Date, authority: JSONValue, version: XAPIVersion) -> JSONValue {
        guard case .object(var o) = statement else { return statement }
        let storedText = StoredTime.format(stored)
        o["id"] = .string(id.uuidString.lowercased())
        o["stored"] = .string(storedText)
        o["authority"] = authority
        if o["version"] == nil { o["version"] = .string(version.statementVersion) }
        if o["timestamp"] == nil { o["timestamp"] = .string(storedText) }
        if let context = o["context"] { o["context"] = normalised(context) }
        if case .object(var sub) = o["object"], sub["objectType"]?.stringValue == "SubStatement", let context = sub["context"] {
            sub["context"] = normalised(context)
            o["object"] = .object(sub)
        }
        return .object(o)
    }

    /// The statement id a client gave, if any (already validated as a UUID).
    public static func givenID(_ statement: JSONValue) -> UUID? {
        statement["id"]?.stringValue.flatMap(UUID.init(uuidString:))
    }

    private static func normalised(_ context: JSONValue) -> JSONValue {
        guard case .object(var c) = context, case .object(var activities) = c["contextActivities"] else { return context }
        for (key, value) in activities where value.arrayValue == nil { activities[key] = .array([value]) }
        c["contextActivities"] = .object(activities)
        return .object(c)
    }
}

/// The `stored` timestamp: UTC with milliseconds, the precision statements are ordered by.
public enum StoredTime {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    public static func format(_ date: Date) -> String { date.formatted(style) }
}
