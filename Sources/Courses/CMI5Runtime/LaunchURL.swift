import Foundation

/// 学习者身份 (the cmi5 launch `actor`, §8.1.3, §9.2): an Agent named by an account — the
/// platform's public address and the learner's registry id, never an ID number.
public struct LaunchActor: Sendable, Equatable, Codable {
    public var homePage: String
    public var name: String

    public init(homePage: String, name: String) {
        self.homePage = homePage
        self.name = name
    }

    /// `{"account":{"homePage":…,"name":…},"objectType":"Agent"}` with sorted keys.
    public var json: String {
        struct Account: Encodable { let homePage: String; let name: String }
        struct Agent: Encodable { let objectType = "Agent"; let account: Account }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Agent(account: Account(homePage: homePage, name: name)))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

/// 启动地址 (cmi5 §8.1): the AU's url with the launch parameters appended — endpoint, fetch,
/// actor, registration, activityId — each value percent-encoded, after any query the AU's own
/// url has (whose names may not collide with them).
public enum LaunchURL {
    /// - Parameters:
    ///   - auURL: the AU's `url` from the course structure.
    ///   - contentBase: where the package's files are served (ending in "/"), for a relative url.
    ///   - activityId: the LMS-generated activity id, which must differ from the AU's publisher id (§8.1.5).
    public static func make(
        au: AssignableUnit, contentBase: String?, endpoint: String, fetch: String,
        actor: LaunchActor, registration: UUID, activityId: String
    ) throws(CMI5Error) -> String {
        guard activityId != au.id else {
            throw .invalidValue(attribute: "activityId", element: "launch", value: activityId, allowed: "an id other than the AU's publisher id / 不同于 AU 发布者 id 的 id")
        }
        let (path, query) = CourseStructureRules.split(au.url)
        for name in CourseStructureRules.queryNames(query) where CourseStructureRules.reservedLaunchParameters.contains(name) {
            throw .reservedLaunchParameter(au: au.id, name: name)
        }
        var base: String
        if au.hasAbsoluteURL {
            base = String(path)
        } else {
            guard let contentBase, let file = CourseStructureRules.packagePath(path) else {
                throw .relativeURLWithoutPackage(au: au.id, url: au.url)
            }
            base = (contentBase.hasSuffix("/") ? contentBase : contentBase + "/") + (file.addingPercentEncoding(withAllowedCharacters: pathAllowed) ?? file)
        }
        let fragment = au.url.firstIndex(of: "#").map { String(au.url[$0...]) } ?? ""
        let parameters = [
            ("endpoint", endpoint), ("fetch", fetch), ("actor", actor.json),
            ("registration", registration.uuidString.lowercased()), ("activityId", activityId),
        ].map { "\($0.0)=\(encode($0.1))" }
        let own = query.isEmpty ? [] : [String(query)]
        base += "?" + (own + parameters).joined(separator: "&")
        return base + fragment
    }

    /// RFC 3986 unreserved characters only: everything else is percent-encoded (UTF-8).
    public static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    static let pathAllowed = unreserved.union(CharacterSet(charactersIn: "/!$&'()*+,;=:@"))
}
