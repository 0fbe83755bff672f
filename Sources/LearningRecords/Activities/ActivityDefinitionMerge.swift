import Credentials
import Foundation
import JSON

/// The LRS's canonical definition of an activity (活动定义): the latest definition a
/// statement carried, with the languages of earlier name and description maps kept, so a
/// course announced in Chinese and later in English is known in both.
public enum ActivityDefinitionMerge {
    public static func merge(_ known: JSONValue?, _ incoming: JSONValue) -> JSONValue {
        guard case .object(let old)? = known, case .object(var new) = incoming else { return incoming }
        for key in ["name", "description"] {
            if case .object(let oldMap)? = old[key] {
                var map = oldMap
                if case .object(let newMap)? = new[key] { for (language, text) in newMap { map[language] = text } }
                new[key] = .object(map)
            }
        }
        for (key, value) in old where new[key] == nil { new[key] = value }
        return .object(new)
    }
}
