import Crypto
import Credentials
import Foundation
import JSON

/// What happens on the platform itself, written to the learning record store as statements
/// (平台事件), so that a learner's record holds the credits, credentials and placements the
/// platform gave them beside what their courses reported.
public struct PlatformEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A credit-bank outcome recognised: its title, the credits it brought, how it was decided.
        case outcomeRecognised(outcomeID: UUID, title: String, credits: Double, automatic: Bool)
        /// A verifiable credential issued.
        case credentialIssued(credentialID: UUID, title: String, kind: String)
        /// An internship placement published.
        case placementPublished(roundID: UUID, postID: UUID, postTitle: String, enterprise: String)
        /// A skill assessment on the platform passed (理论/实操 scores out of 100).
        case assessmentPassed(sessionID: UUID, title: String, theory: Int, practical: Int)
    }

    public var kind: Kind
    /// The learner's opaque platform id (the account name in the statement's actor).
    public var learner: String
    public var at: Date

    public init(kind: Kind, learner: String, at: Date) {
        self.kind = kind
        self.learner = learner
        self.at = at
    }
}

public enum PlatformStatement {
    /// The statement for an event. Its id derives from the event, so recording it twice stores it once.
    public static func statement(for event: PlatformEvent, homePage: String) -> JSONValue {
        let actor: JSONValue = ["objectType": "Agent", "account": ["homePage": .string(homePage), "name": .string(event.learner)]]
        let verb: JSONValue
        let object: JSONValue
        var result: JSONValue?
        let key: String
        switch event.kind {
        case .outcomeRecognised(let id, let title, let credits, let automatic):
            key = "outcome-recognised:\(id)"
            verb = ["id": "http://id.tincanapi.com/verb/earned", "display": ["zh-CN": "获得学分认定", "en-US": "earned"]]
            object = activity("\(homePage)/credit-bank/outcomes/\(id.uuidString.lowercased())", type: "http://adlnet.gov/expapi/activities/performance", name: title)
            result = ["success": true, "extensions": [
                "\(homePage)/xapi/extensions/credits": .double(credits),
                "\(homePage)/xapi/extensions/decided": .string(automatic ? "rule" : "reviewer"),
            ]]
        case .credentialIssued(let id, let title, let kind):
            key = "credential-issued:\(id)"
            verb = ["id": "http://activitystrea.ms/schema/1.0/receive", "display": ["zh-CN": "获颁", "en-US": "received"]]
            object = activity("\(homePage)/verify/\(id.uuidString.lowercased())", type: "http://id.tincanapi.com/activitytype/badge", name: title,
                              extensions: ["\(homePage)/xapi/extensions/credential-kind": .string(kind)])
        case .placementPublished(let round, let post, let title, let enterprise):
            key = "placement-published:\(round):\(event.learner)"
            verb = ["id": "http://adlnet.gov/expapi/verbs/registered", "display": ["zh-CN": "获得实习岗位", "en-US": "was placed"]]
            object = activity("\(homePage)/internship-posts/\(post.uuidString.lowercased())", type: "http://id.tincanapi.com/activitytype/internship", name: "\(title)（\(enterprise)）")
        case .assessmentPassed(let session, let title, let theory, let practical):
            key = "assessment-passed:\(session):\(event.learner)"
            verb = ["id": "http://adlnet.gov/expapi/verbs/passed", "display": ["zh-CN": "通过", "en-US": "passed"]]
            object = activity("\(homePage)/credit-bank/assessments/\(session.uuidString.lowercased())", type: "http://adlnet.gov/expapi/activities/assessment", name: title)
            let lower = min(theory, practical)
            result = ["success": true, "score": ["raw": .int(lower), "min": 0, "max": 100, "scaled": .double(Double(lower) / 100)],
                      "extensions": ["\(homePage)/xapi/extensions/theory": .int(theory), "\(homePage)/xapi/extensions/practical": .int(practical)]]
        }
        var statement: [String: JSONValue] = [
            "id": .string(id(for: key).uuidString.lowercased()), "actor": actor, "verb": verb, "object": object,
            "timestamp": .string(StoredTime.format(event.at)),
            "context": ["platform": "职教 Zhijiao", "language": "zh-CN"],
        ]
        if let result { statement["result"] = result }
        return .object(statement)
    }

    private static func activity(_ id: String, type: String, name: String, extensions: [String: JSONValue] = [:]) -> JSONValue {
        var definition: [String: JSONValue] = ["type": .string(type), "name": ["zh-CN": .string(name)]]
        if !extensions.isEmpty { definition["extensions"] = .object(extensions) }
        return ["objectType": "Activity", "id": .string(id), "definition": .object(definition)]
    }

    /// A name-based UUID (RFC 9562 version 8 layout over SHA-256) of an event key.
    static func id(for key: String) -> UUID {
        var bytes = Array(SHA256.hash(data: Data(("zhijiao-platform-event:" + key).utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0f) | 0x80
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
