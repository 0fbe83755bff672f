import Foundation

/// The `LMS.LaunchData` State document (cmi5 §10) the LMS writes before each launch, for the
/// AU's activity id, the learner's agent and the registration.
public struct LaunchData: Sendable, Equatable, Encodable {
    public static let stateId = "LMS.LaunchData"
    public static let sessionIDExtension = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"

    /// 上下文模板: the AU copies it into every statement's context (§10.2.1).
    public struct ContextTemplate: Sendable, Equatable, Encodable {
        public struct Activity: Sendable, Equatable, Encodable {
            public var objectType = "Activity"
            public var id: String
        }

        public struct ContextActivities: Sendable, Equatable, Encodable {
            /// The AU's publisher id, unaltered (§9.6.2.3).
            public var grouping: [Activity]
        }

        public var contextActivities: ContextActivities
        /// The session id (§9.6.3.1).
        public var extensions: [String: String]
        public var registration: String
    }

    /// 授权密钥 (§10.2.7).
    public struct EntitlementKey: Sendable, Equatable, Encodable {
        public var courseStructure: String
        public var alternate: String?
    }

    public var contextTemplate: ContextTemplate
    public var launchMode: LaunchMode
    public var launchMethod: LaunchMethod
    public var launchParameters: String?
    public var masteryScore: Decimal?
    public var moveOn: MoveOn
    public var returnURL: String?
    public var entitlementKey: EntitlementKey?

    /// The document for launching `au`; `masteryScore`, `moveOn` and `launchParameters` come
    /// from the course structure unless the LMS overrides them (§10.2.3–10.2.5 allow it).
    public static func make(
        au: AssignableUnit, sessionID: String, registration: UUID, launchMode: LaunchMode = .normal,
        returnURL: String? = nil, alternateEntitlement: String? = nil,
        moveOn: MoveOn? = nil, masteryScore: Decimal? = nil, launchParameters: String? = nil
    ) -> LaunchData {
        LaunchData(
            contextTemplate: ContextTemplate(
                contextActivities: .init(grouping: [.init(id: au.id)]),
                extensions: [sessionIDExtension: sessionID],
                registration: registration.uuidString.lowercased()
            ),
            launchMode: launchMode,
            launchMethod: au.launchMethod,
            launchParameters: launchParameters ?? au.launchParameters,
            masteryScore: masteryScore ?? au.masteryScore,
            moveOn: moveOn ?? au.moveOn,
            returnURL: returnURL,
            entitlementKey: au.entitlementKey.map { EntitlementKey(courseStructure: $0, alternate: alternateEntitlement) }
        )
    }

    /// The JSON document, keys sorted, optional members left out when absent.
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}
