import Courses
import Foundation
import JSON
import LearningRecords
import SQLKit

/// The LMS's own cmi5 statements (launched, abandoned, satisfied) into the platform's LRS,
/// inside the transaction of the change they record, as the platform's authority.
enum CourseRecords {
    static let launchModeExtension = "https://w3id.org/xapi/cmi5/context/extensions/launchmode"
    static let launchURLExtension = "https://w3id.org/xapi/cmi5/context/extensions/launchurl"
    static let moveOnExtension = "https://w3id.org/xapi/cmi5/context/extensions/moveon"
    static let launchParametersExtension = "https://w3id.org/xapi/cmi5/context/extensions/launchparameters"

    /// The learner's agent as a launch names it: the platform's address and the student's id.
    static func actor(_ launch: LaunchActor) -> JSONValue {
        ["objectType": "Agent", "account": ["homePage": .string(launch.homePage), "name": .string(launch.name)]]
    }

    static func verbObject(_ verb: CMI5Verb) -> JSONValue {
        let name: String = switch verb {
        case .launched: "Launched"
        case .abandoned: "Abandoned"
        case .satisfied: "Satisfied"
        case .waived: "Waived"
        default: verb.rawValue
        }
        return ["id": .string(verb.id), "display": ["en-US": .string(name)]]
    }

    /// A cmi5 defined statement by the LMS.
    static func statement(_ verb: CMI5Verb, actor: JSONValue, object: JSONValue, registration: UUID, sessionID: UUID, at time: Date,
                          grouping: String? = nil, extensions: [String: JSONValue] = [:], result: JSONValue? = nil) -> JSONValue {
        var activities: [String: JSONValue] = ["category": [["id": .string(CMI5Verb.cmi5Category), "objectType": "Activity"]]]
        if let grouping { activities["grouping"] = [["id": .string(grouping), "objectType": "Activity"]] }
        var ext = extensions
        ext[LaunchData.sessionIDExtension] = .string(sessionID.uuidString.lowercased())
        var s: [String: JSONValue] = [
            "id": .string(UUID().uuidString.lowercased()), "actor": actor, "verb": verbObject(verb), "object": object,
            "timestamp": .string(CourseTime.xapi(time)),
            "context": ["registration": .string(registration.uuidString.lowercased()), "contextActivities": .object(activities), "extensions": .object(ext)],
        ]
        if let result { s["result"] = result }
        return .object(s)
    }

    static func activity(_ id: String, type: String? = nil) -> JSONValue {
        var a: [String: JSONValue] = ["objectType": "Activity", "id": .string(id)]
        if let type { a["definition"] = ["type": .string(type)] }
        return .object(a)
    }

    /// Stores the statements (validated as any client's would be) in the caller's transaction.
    static func record(_ statements: [JSONValue], institutionID: UUID?, publicURL: String, on sql: any SQLDatabase) async throws {
        guard !statements.isEmpty else { return }
        for statement in statements { try StatementValidator.validate(statement, version: .v1_0) }
        try await sql.advisoryLock(LearningRecordService.advisoryKey)
        let now = Date()
        var rows: [StatementRow] = []
        for statement in statements {
            let id = StatementPreparation.givenID(statement) ?? UUID()
            rows.append(StatementRow(id: id, stored: now, document: StatementPreparation.prepare(statement, id: id, stored: now, authority: PlatformRecords.authority(publicURL), version: .v1_0),
                                     clientID: PlatformRecords.clientID, institutionID: institutionID, attachmentHashes: []))
        }
        let links = try await LearningRecordService.linkedLearners(rows.map { ($0.id, $0.document["actor"]) }, publicURL: publicURL, sql: sql)
        for i in rows.indices { rows[i].link(links) }
        try await LearningRecordService.insertNew(rows, store: StatementStore(sql: sql))
    }
}
