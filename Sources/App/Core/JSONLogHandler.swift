import Foundation
import Logging

/// One JSON object per line on standard error, for a production server's log collector:
/// `{"ts":…,"level":…,"label":…,"msg":…, metadata…}`. Messages never carry personal data
/// (request lines are logged by route pattern, without query strings).
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    let label: String

    public init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var object: [String: String] = [
            "ts": Self.timestamp(Date()), "level": event.level.rawValue, "label": label, "msg": event.message.description,
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) { object[key] = value.description }
        let line = Self.encode(object) + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    static func encode(_ object: [String: String]) -> String {
        // Sorted keys with "ts" first keep lines easy to scan by eye as well as by machine.
        let keys = ["ts"] + object.keys.filter { $0 != "ts" }.sorted()
        return "{" + keys.compactMap { key in object[key].map { "\(quote(key)):\(quote($0))" } }.joined(separator: ",") + "}"
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
