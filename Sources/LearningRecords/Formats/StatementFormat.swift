import Credentials
import Foundation
import JSON

/// The `format` of a statements response (返回格式): `exact` as stored, `ids` with Agents,
/// Groups, Activities and Verbs reduced to what identifies them, `canonical` with every
/// language map reduced to the one language the client prefers.
public enum StatementFormat {
    public static func apply(_ format: StatementQuery.Format, to statement: JSONValue, languages: [String]) -> JSONValue {
        switch format {
        case .exact: statement
        case .ids: ids(statement)
        case .canonical: canonical(statement, languages: languages)
        }
    }

    // MARK: ids

    static func ids(_ statement: JSONValue) -> JSONValue {
        guard case .object(var o) = statement else { return statement }
        if let actor = o["actor"] { o["actor"] = idsActor(actor) }
        if let authority = o["authority"] { o["authority"] = idsActor(authority) }
        if let verb = o["verb"]?["id"] { o["verb"] = .object(["id": verb]) }
        if let object = o["object"] { o["object"] = idsObject(object) }
        if case .object(var context) = o["context"] {
            if let instructor = context["instructor"] { context["instructor"] = idsActor(instructor) }
            if let team = context["team"] { context["team"] = idsActor(team) }
            if case .object(var activities) = context["contextActivities"] {
                for (key, list) in activities {
                    activities[key] = .array((list.arrayValue ?? [list]).map(idsActivity))
                }
                context["contextActivities"] = .object(activities)
            }
            if case .array(let agents) = context["contextAgents"] {
                context["contextAgents"] = .array(agents.map { entry in
                    guard case .object(var e) = entry, let agent = e["agent"] else { return entry }
                    e["agent"] = idsActor(agent)
                    return .object(e)
                })
            }
            if case .array(let groups) = context["contextGroups"] {
                context["contextGroups"] = .array(groups.map { entry in
                    guard case .object(var e) = entry, let group = e["group"] else { return entry }
                    e["group"] = idsActor(group)
                    return .object(e)
                })
            }
            o["context"] = .object(context)
        }
        return .object(o)
    }

    private static let identifiers = ["mbox", "mbox_sha1sum", "openid", "account"]

    private static func idsActor(_ actor: JSONValue) -> JSONValue {
        guard case .object(let a) = actor else { return actor }
        var out: [String: JSONValue] = [:]
        if let type = a["objectType"] { out["objectType"] = type }
        for key in identifiers { if let value = a[key] { out[key] = value } }
        // An anonymous Group is known only by its members.
        if a["objectType"]?.stringValue == "Group", let members = a["member"]?.arrayValue, identifiers.allSatisfy({ a[$0] == nil }) {
            out["member"] = .array(members.map(idsActor))
        }
        return .object(out)
    }

    private static func idsActivity(_ activity: JSONValue) -> JSONValue {
        guard case .object(let a) = activity else { return activity }
        return .object(["id": a["id"] ?? .null])
    }

    private static func idsObject(_ object: JSONValue) -> JSONValue {
        switch object["objectType"]?.stringValue ?? "Activity" {
        case "Agent", "Group": idsActor(object)
        case "StatementRef": object
        case "SubStatement": ids(object)
        default: idsActivity(object)
        }
    }

    // MARK: canonical

    /// Properties that hold language maps; extensions are opaque and left alone.
    private static let languageMaps: Set<String> = ["display", "name", "description"]

    static func canonical(_ value: JSONValue, languages: [String]) -> JSONValue {
        switch value {
        case .array(let list): return .array(list.map { canonical($0, languages: languages) })
        case .object(let o):
            var out: [String: JSONValue] = [:]
            for (key, child) in o {
                if key == "extensions" {
                    out[key] = child
                } else if languageMaps.contains(key), case .object(let map) = child {
                    out[key] = .object(LanguageMapChoice.pick(map, languages: languages))
                } else {
                    out[key] = canonical(child, languages: languages)
                }
            }
            return .object(out)
        default: return value
        }
    }
}

/// Picks one entry of a language map for a client's `Accept-Language` preferences.
public enum LanguageMapChoice {
    /// The preferred languages of an `Accept-Language` header, best first.
    public static func preferences(_ header: String?) -> [String] {
        guard let header else { return [] }
        let ranked: [(String, Double)] = header.split(separator: ",").compactMap { part in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, !tag.isEmpty else { return nil }
            var q = 1.0
            for piece in pieces.dropFirst() where piece.hasPrefix("q=") { q = Double(piece.dropFirst(2)) ?? 0 }
            return q > 0 ? (tag, q) : nil
        }
        return ranked.enumerated().sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }.map(\.element.0)
    }

    public static func pick(_ map: [String: JSONValue], languages: [String]) -> [String: JSONValue] {
        guard map.count > 1 else { return map }
        for wanted in languages {
            if wanted == "*" { break }
            let lower = wanted.lowercased()
            if let hit = map.first(where: { $0.key.lowercased() == lower }) { return [hit.key: hit.value] }
            if let hit = map.first(where: { $0.key.lowercased().hasPrefix(lower + "-") || lower.hasPrefix($0.key.lowercased() + "-") }) {
                return [hit.key: hit.value]
            }
        }
        // No preference matched: a stable choice (en-US, then the first tag in order).
        if let english = map.first(where: { $0.key.lowercased() == "en-us" }) { return [english.key: english.value] }
        guard let first = map.keys.sorted().first, let value = map[first] else { return map }
        return [first: value]
    }
}
