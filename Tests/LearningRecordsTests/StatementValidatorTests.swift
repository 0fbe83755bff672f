import Credentials
import Foundation
import Testing
@testable import LearningRecords

/// The validator against the xAPI data rules: every shape of valid statement passes, and each
/// rule refuses at the path of the offending property. Most of the refusals come from the ADL
/// LRS Conformance Test Suite's own configs and templates, read from the reference copy.
@Suite struct StatementValidatorTests {
    // MARK: Helpers

    static func json(_ text: String) -> JSONValue {
        (try? JSONValue.parse(Data(text.utf8))) ?? .null
    }

    static let agent: JSONValue = ["objectType": "Agent", "name": "Ada", "mbox": "mailto:ada@example.com"]
    static let verb: JSONValue = ["id": "http://adlnet.gov/expapi/verbs/attended", "display": ["en-US": "attended", "zh-CN": "参加了"]]
    static let activity: JSONValue = ["objectType": "Activity", "id": "http://www.example.com/meetings/34534"]

    static func statement(_ changes: [String: JSONValue] = [:]) -> JSONValue {
        var o: [String: JSONValue] = ["actor": agent, "verb": verb, "object": activity]
        for (key, value) in changes { o[key] = value }
        return .object(o)
    }

    /// The violation a statement raises, or nil when it is valid.
    static func violation(_ statement: JSONValue, _ version: XAPIVersion = .v2_0) -> StatementViolation? {
        do {
            try StatementValidator.validate(statement, version: version)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Valid statements of every shape

    static let validStatements: [(String, JSONValue)] = [
        ("minimal", statement()),
        ("id, timestamp, stored, version, authority", statement([
            "id": "AA97B177-9383-4934-8543-0F91A7A02836", "timestamp": "2024-05-04T12:00:00.123-05:00",
            "stored": "anything at all", "version": "1.0.3",
            "authority": ["objectType": "Agent", "account": ["homePage": "https://lrs.example.com", "name": "client-1"]],
        ])),
        ("OAuth authority group", statement(["authority": ["objectType": "Group", "member": [
            ["account": ["homePage": "http://example.com/xAPI/OAuth/Token", "name": "oauth_consumer_x75db"]],
            ["mbox": "mailto:bob@example.com"],
        ]]])),
        ("agent identified by each IFI", statement(["actor": ["mbox_sha1sum": "cd9b00a5611f94eaa7b1661edab976068e364975"],
                                                     "object": ["objectType": "Agent", "openid": "http://openid.example.org/12345"]])),
        ("anonymous group actor", statement(["actor": ["objectType": "Group", "member": [agent, ["openid": "https://id.example.org/b"]]]])),
        ("identified group without members", statement(["actor": ["objectType": "Group", "account": ["homePage": "https://example.com", "name": "class-1"]]])),
        ("activity without objectType", statement(["object": ["id": "urn:uuid:7d4e0c8a-5d7b-4a8f-9a5e-000000000001"]])),
        ("statement ref object", statement(["object": ["objectType": "StatementRef", "id": "8f87ccde-bb56-4c2e-ab83-44982ef22df0"]])),
        ("voiding statement", statement(["verb": ["id": "http://adlnet.gov/expapi/verbs/voided"],
                                         "object": ["objectType": "StatementRef", "id": "8f87ccde-bb56-4c2e-ab83-44982ef22df0"]])),
        ("group as object", statement(["object": ["objectType": "Group", "mbox": "mailto:team@example.com", "member": [agent]]])),
        ("substatement", statement(["object": [
            "objectType": "SubStatement", "actor": agent, "verb": verb, "object": activity,
            "result": ["success": true], "context": ["platform": "web", "language": "en-US"],
            "timestamp": "2024-01-01T00:00:00Z",
        ]])),
        ("full result", statement(["result": [
            "score": ["scaled": .double(0.95), "raw": 95, "min": 0, "max": 100], "success": true, "completion": false,
            "response": "We agreed.", "duration": "P1DT12H36M0.12567S",
            "extensions": ["http://example.com/ext": .null],
        ]])),
        ("full context", statement(["context": [
            "registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7", "instructor": agent,
            "team": ["objectType": "Group", "member": [agent]],
            "contextActivities": ["parent": activity, "grouping": [activity], "category": [], "other": [activity, activity]],
            "revision": "r2", "platform": "Example", "language": "zh-Hans-CN",
            "statement": ["objectType": "StatementRef", "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"],
            "extensions": ["http://example.com/ext": ["nested": [1, 2]]],
        ]])),
        ("2.0 context agents and groups", statement(["context": [
            "contextAgents": [["objectType": "contextAgent", "agent": agent, "relevantTypes": ["https://example.com/types/mentor"]],
                              ["objectType": "contextAgent", "agent": agent]],
            "contextGroups": [["objectType": "contextGroup", "group": ["objectType": "Group", "member": [agent]],
                               "relevantTypes": ["https://example.com/types/cohort"]]],
        ]])),
        ("attachments", statement(["attachments": [[
            "usageType": "http://adlnet.gov/expapi/attachments/signature", "display": ["en-US": "Signature"],
            "description": ["en-US": "A JWS"], "contentType": "application/octet-stream", "length": 4235,
            "sha2": "672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634",
            "fileUrl": "https://files.example.com/a.bin",
        ]]])),
        ("interaction activity", statement(["object": ["id": "http://example.com/q1", "definition": [
            "name": ["en-US": "Q1"], "description": ["en-US": "Which?"], "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
            "moreInfo": "https://example.com/q1", "interactionType": "matching", "correctResponsesPattern": ["a[.]1[,]b[.]2"],
            "source": [["id": "a", "description": ["en-US": "A"]], ["id": "b"]], "target": [["id": "1"], ["id": "2"]],
            "extensions": ["http://example.com/ext": true],
        ]]])),
    ]

    @Test(arguments: validStatements.map(\.0))
    func validStatementPasses(_ name: String) throws {
        let statement = try #require(Self.validStatements.first { $0.0 == name }?.1)
        #expect(Self.violation(statement) == nil)
    }

    @Test func contextAgentsAreOnlyForVersion2() {
        let s = Self.statement(["context": ["contextAgents": [["objectType": "contextAgent", "agent": Self.agent]]]])
        #expect(Self.violation(s, .v2_0) == nil)
        #expect(Self.violation(s, .v1_0)?.path == "context.contextAgents")
    }

    // MARK: Each rule refuses, at the offending property

    static let sub: [String: JSONValue] = ["objectType": "SubStatement", "actor": agent, "verb": verb, "object": activity]
    static func subStatement(_ changes: [String: JSONValue]) -> JSONValue {
        var o = sub
        for (key, value) in changes { o[key] = value }
        return statement(["object": .object(o)])
    }

    static let refusals: [(statement: JSONValue, path: String)] = [
        // Statement level
        (.array([]), ""),
        (statement(["objectType": "Statement"]), "objectType"),
        (statement(["id": "AA97B177-9383-4934-8543-0F91A7A028368"]), "id"),
        (statement(["id": "MA97B177-9383-4934-8543-0F91A7A02836"]), "id"),
        (statement(["id": 12345]), "id"),
        (statement(["id": .null]), "id"),
        (json(#"{"verb":{"id":"http://example.com/v"},"object":{"id":"http://example.com/a"}}"#), "actor"),
        (json(#"{"actor":{"mbox":"mailto:a@example.com"},"object":{"id":"http://example.com/a"}}"#), "verb"),
        (json(#"{"actor":{"mbox":"mailto:a@example.com"},"verb":{"id":"http://example.com/v"}}"#), "object"),
        (statement(["version": "1.1.0"]), "version"),
        (statement(["version": "0.9.9"]), "version"),
        (statement(["timestamp": "01/011/2015"]), "timestamp"),
        (statement(["timestamp": "2008-09-15T15:53:00.601-00:00"]), "timestamp"),
        (statement(["timestamp": "2008-09-15T15:53:00.601-0000"]), "timestamp"),
        (statement(["timestamp": "2008-09-15T15:53:00"]), "timestamp"),
        (statement(["timestamp": "2008-02-30T15:53:00Z"]), "timestamp"),
        // Actors
        (statement(["actor": ["objectType": "agent", "mbox": "mailto:a@example.com"]]), "actor.objectType"),
        (statement(["actor": ["objectType": "Agent"]]), "actor"),
        (statement(["actor": ["mbox": "mailto:a@example.com", "openid": "http://openid.example.org/1"]]), "actor"),
        (statement(["actor": ["mbox": "http://should.fail.com"]]), "actor.mbox"),
        (statement(["actor": ["mbox": "mailto:should.fail.com"]]), "actor.mbox"),
        (statement(["actor": ["mbox_sha1sum": "cd9b00a5611f94eaa7b1661edab976068e36497"]]), "actor.mbox_sha1sum"),
        (statement(["actor": ["openid": "ab=c://should.fail.com"]]), "actor.openid"),
        (statement(["actor": ["account": ["homePage": "ab=c://should.fail.com", "name": "n"]]]), "actor.account.homePage"),
        (statement(["actor": ["account": ["homePage": "http://www.example.com"]]]), "actor.account.name"),
        (statement(["actor": ["account": ["homePage": "http://www.example.com", "name": "n", "id": "x"]]]), "actor.account.id"),
        (statement(["actor": ["mbox": "mailto:a@example.com", "name": 123]]), "actor.name"),
        (statement(["actor": ["mbox": "mailto:a@example.com", "member": [agent]]]), "actor.member"),
        (statement(["actor": ["objectType": "Group", "name": "anonymous"]]), "actor.member"),
        (statement(["actor": ["objectType": "Group", "member": [["objectType": "Group", "member": [agent]]]]]), "actor.member[0].objectType"),
        (statement(["actor": ["objectType": "Group", "member": [agent, ["name": "no ifi"]]]]), "actor.member[1]"),
        (statement(["authority": ["objectType": "Group", "mbox": "mailto:g@example.com", "member": [agent, agent]]]), "authority"),
        (statement(["authority": ["objectType": "Group", "member": [agent]]]), "authority.member"),
        (statement(["authority": ["objectType": "Group", "member": [agent, agent, agent]]]), "authority.member"),
        // Verb
        (statement(["verb": ["display": ["en-US": "x"]]]), "verb.id"),
        (statement(["verb": ["id": "adlnet.gov/expapi/verbs/attended"]]), "verb.id"),
        (statement(["verb": ["id": "http://example.com/v", "display": "attended"]]), "verb.display"),
        (statement(["verb": ["id": "http://example.com/v", "display": ["a12345678": "x"]]]), "verb.display.a12345678"),
        (statement(["verb": ["id": "http://example.com/v", "display": ["en-US": 1]]]), "verb.display[\"en-US\"]"),
        (statement(["verb": ["id": "http://adlnet.gov/expapi/verbs/voided"]]), "object.objectType"),
        // Objects
        (statement(["object": ["objectType": "activity", "id": "http://example.com/a"]]), "object.objectType"),
        (statement(["object": ["objectType": "Activity"]]), "object.id"),
        (statement(["object": ["id": "http://example.com/a", "definition": "x"]]), "object.definition"),
        (statement(["object": ["id": "http://example.com/a", "definition": ["type": "should fail"]]]), "object.definition.type"),
        (statement(["object": ["id": "http://example.com/a", "definition": ["moreInfo": "should fail"]]]), "object.definition.moreInfo"),
        (statement(["object": ["id": "http://example.com/a", "definition": ["name": ["en-US": 1]]]]), "object.definition.name[\"en-US\"]"),
        (statement(["object": ["id": "http://example.com/a", "definition": ["extensions": ["should fail": true]]]]), "object.definition.extensions[\"should fail\"]"),
        (statement(["object": ["id": "http://example.com/a", "definition": ["interactionType": "essay"]]]), "object.definition.interactionType"),
        (statement(["object": ["id": "http://example.com/a", "definition": ["interactionType": "true-false", "choices": []]]]), "object.definition.choices"),
        (statement(["object": ["id": "http://example.com/a", "definition": ["scale": [["id": "1"]]]]]), "object.definition.scale"),
        (statement(["object": ["id": "http://example.com/a", "definition": ["interactionType": "choice", "correctResponsesPattern": "a"]]]), "object.definition.correctResponsesPattern"),
        (statement(["object": ["id": "http://example.com/a", "definition": ["interactionType": "choice", "choices": [["id": "a"], ["id": "a"]]]]]), "object.definition.choices[1].id"),
        (statement(["object": ["id": "http://example.com/a", "definition": ["interactionType": "likert", "scale": [["description": ["en-US": "x"]]]]]]), "object.definition.scale[0].id"),
        (statement(["object": ["id": "http://example.com/a", "definition": ["interactionType": "performance", "steps": [["id": "1", "description": ["bad tag": "x"]]]]]]), "object.definition.steps[0].description[\"bad tag\"]"),
        (statement(["object": ["objectType": "Agent", "mbox": "mailto:a@example.com", "id": "x"]]), "object.id"),
        (statement(["object": ["objectType": "StatementRef"]]), "object.id"),
        (statement(["object": ["objectType": "StatementRef", "id": "not-a-uuid"]]), "object.id"),
        (subStatement(["id": "8f87ccde-bb56-4c2e-ab83-44982ef22df0"]), "object.id"),
        (subStatement(["stored": "2024-01-01T00:00:00Z"]), "object.stored"),
        (subStatement(["version": "2.0.0"]), "object.version"),
        (subStatement(["authority": agent]), "object.authority"),
        (subStatement(["object": .object(sub)]), "object.object.objectType"),
        (subStatement(["verb": ["id": "nope"]]), "object.verb.id"),
        (subStatement(["timestamp": "2008-09-15T15:53:00.601-00"]), "object.timestamp"),
        // Result
        (statement(["result": ["score": 12345]]), "result.score"),
        (statement(["result": ["score": ["scaled": .double(1.01)]]]), "result.score.scaled"),
        (statement(["result": ["score": ["scaled": .double(-1.00001)]]]), "result.score.scaled"),
        (statement(["result": ["score": ["raw": 101, "max": 100]]]), "result.score.raw"),
        (statement(["result": ["score": ["raw": 1, "min": 2]]]), "result.score.raw"),
        (statement(["result": ["score": ["min": 5, "max": 4]]]), "result.score.min"),
        (statement(["result": ["success": "true"]]), "result.success"),
        (statement(["result": ["completion": 1]]), "result.completion"),
        (statement(["result": ["response": 1]]), "result.response"),
        (statement(["result": ["duration": "PA1H0M0S"]]), "result.duration"),
        (statement(["result": ["duration": "P4W1D"]]), "result.duration"),
        (statement(["result": ["extensions": "x"]]), "result.extensions"),
        (statement(["result": ["score": ["scaled": .null]]]), "result.score.scaled"),
        // Context
        (statement(["context": ["registration": "not-a-uuid"]]), "context.registration"),
        (statement(["context": ["instructor": "teacher"]]), "context.instructor"),
        (statement(["context": ["team": agent]]), "context.team.objectType"),
        (statement(["context": ["contextActivities": ["parent": ["id": "nope"]]]]), "context.contextActivities.parent.id"),
        (statement(["context": ["contextActivities": ["parent": [activity, ["id": "nope"]]]]]), "context.contextActivities.parent[1].id"),
        (statement(["context": ["contextActivities": ["siblings": [activity]]]]), "context.contextActivities.siblings"),
        (statement(["context": ["contextActivities": "x"]]), "context.contextActivities"),
        (statement(["object": ["objectType": "StatementRef", "id": "8f87ccde-bb56-4c2e-ab83-44982ef22df0"], "context": ["revision": "r"]]), "context.revision"),
        (statement(["object": ["objectType": "Agent", "mbox": "mailto:a@example.com"], "context": ["platform": "p"]]), "context.platform"),
        (statement(["context": ["language": "a12345"]]), "context.language"),
        (statement(["context": ["statement": ["objectType": "statementref", "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"]]]), "context.statement.objectType"),
        (statement(["context": ["extensions": ["should fail": 1]]]), "context.extensions[\"should fail\"]"),
        (statement(["context": ["contextAgents": [["objectType": "ContextAgent", "agent": agent]]]]), "context.contextAgents[0].objectType"),
        (statement(["context": ["contextAgents": [["objectType": "contextAgent", "agent": ["name": "x"]]]]]), "context.contextAgents[0].agent"),
        (statement(["context": ["contextAgents": [["objectType": "contextAgent", "agent": agent, "relevantTypes": []]]]]), "context.contextAgents[0].relevantTypes"),
        (statement(["context": ["contextAgents": [["objectType": "contextAgent", "agent": agent, "relevantTypes": ["nope"]]]]]), "context.contextAgents[0].relevantTypes[0]"),
        (statement(["context": ["contextGroups": [["objectType": "contextGroup", "group": agent]]]]), "context.contextGroups[0].group.objectType"),
        (statement(["context": ["contextGroups": [["objectType": "contextGroup", "group": ["objectType": "Group"]]]]]), "context.contextGroups[0].group.member"),
        // Attachments
        (statement(["attachments": ["usageType": "http://example.com/u"]]), "attachments"),
        (statement(["attachments": [12345]]), "attachments[0]"),
        (statement(["attachments": [attachment(["usageType": "should fail"])]]), "attachments[0].usageType"),
        (statement(["attachments": [attachment(["display": "x"])]]), "attachments[0].display"),
        (statement(["attachments": [attachment(["description": 1])]]), "attachments[0].description"),
        (statement(["attachments": [attachment(["contentType": "text"])]]), "attachments[0].contentType"),
        (statement(["attachments": [attachment(["length": -1])]]), "attachments[0].length"),
        (statement(["attachments": [attachment(["length": .double(1.5)])]]), "attachments[0].length"),
        (statement(["attachments": [attachment(["sha2": "zz"])]]), "attachments[0].sha2"),
        (statement(["attachments": [attachment(["fileUrl": "should fail"])]]), "attachments[0].fileUrl"),
        (statement(["attachments": [attachment(["extra": 1])]]), "attachments[0].extra"),
    ]

    static func attachment(_ changes: [String: JSONValue]) -> JSONValue {
        var o: [String: JSONValue] = [
            "usageType": "http://example.com/attachment-usage/test", "display": ["en-US": "A test attachment"],
            "contentType": "text/plain; charset=ascii", "length": 27,
            "sha2": "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a",
        ]
        for (key, value) in changes { o[key] = value }
        return .object(o)
    }

    @Test(arguments: refusals.indices)
    func ruleRefusesAtPath(_ index: Int) {
        let (statement, path) = Self.refusals[index]
        let violation = Self.violation(statement)
        #expect(violation != nil, "expected a refusal at \(path)")
        #expect(violation?.path == path, "\(violation?.description ?? "accepted")")
        #expect(violation?.rule.isEmpty == false)
    }

    @Test func nullIsRefusedButAllowedAsAnExtensionValue() {
        #expect(Self.violation(Self.statement(["result": .null]))?.rule == "must not be null")
        #expect(Self.violation(Self.statement(["context": ["extensions": ["http://example.com/e": .null]]])) == nil)
    }

    @Test func versionFamilies() {
        for v in ["1.0", "1.0.0", "1.0.3", "1.0.9", "2.0", "2.0.0"] {
            #expect(Self.violation(Self.statement(["version": .string(v)]), .v2_0) == nil, "\(v)")
        }
        #expect(Self.violation(Self.statement(["version": "2.0.0"]), .v1_0)?.path == "version")
        #expect(Self.violation(Self.statement(["version": "1.0.3"]), .v1_0) == nil)
    }

    @Test func timestampsByVersion() {
        // 1.0: ISO 8601, a missing zone read as UTC; 2.0: RFC 3339 only. Neither allows negative zero.
        #expect(XAPITimestamp.parse("2008-09-15T15:53:00", version: .v1_0) != nil)
        #expect(XAPITimestamp.parse("2008-09-15T15:53:00+0100", version: .v1_0) != nil)
        #expect(XAPITimestamp.parse("2008-09-15T15:53:00+0100", version: .v2_0) == nil)
        #expect(XAPITimestamp.parse("2008-09-15T15:53:00-00:00", version: .v1_0) == nil)
        #expect(XAPITimestamp.parse("2008-09-15T15:53:00+00:00", version: .v2_0) != nil)
        let utc = XAPITimestamp.parse("2023-05-04T17:00:00.000Z", version: .v2_0)
        #expect(utc != nil)
        #expect(XAPITimestamp.parse("2023-05-04T12:00:00-05:00", version: .v2_0) == utc)
        #expect(XAPITimestamp.parse("2024-02-29T00:00:00Z", version: .v2_0) != nil)
        #expect(XAPITimestamp.parse("2023-02-29T00:00:00Z", version: .v2_0) == nil)
    }

    @Test func values() {
        #expect(IRI.isValid("http://www.example.com/meetings/occurances/34534"))
        #expect(IRI.isValid("urn:uuid:6690e6c9-3ef0-4ed3-8b37-7f3964730bee"))
        #expect(IRI.isValid("http://例子.测试/学习"))
        #expect(!IRI.isValid("ab=c://should.fail.com"))
        #expect(!IRI.isValid("should fail"))
        #expect(!IRI.isValid("http://"))
        #expect(!IRI.isValid("http://example.com/%zz"))
        #expect(LanguageTag.isWellFormed("en-US"))
        #expect(LanguageTag.isWellFormed("zh-Hans-CN"))
        #expect(LanguageTag.isWellFormed("tlh"))
        #expect(LanguageTag.isWellFormed("de-CH-1996"))
        #expect(LanguageTag.isWellFormed("x-whatever"))
        #expect(LanguageTag.isWellFormed("i-klingon"))
        #expect(!LanguageTag.isWellFormed(""))
        #expect(!LanguageTag.isWellFormed("a12345"))
        #expect(!LanguageTag.isWellFormed("en-"))
        #expect(!LanguageTag.isWellFormed("en_US"))
        #expect(ISODuration.isValid("PT4H35M59.14S"))
        #expect(ISODuration.isValid("P3Y1M29DT4H35M59.14S"))
        #expect(ISODuration.isValid("P4W"))
        #expect(ISODuration.isValid("PT16559.14S"))
        #expect(!ISODuration.isValid("P"))
        #expect(!ISODuration.isValid("PT"))
        #expect(!ISODuration.isValid("P1DT"))
        #expect(!ISODuration.isValid("PT1.5H30M"))
        #expect(!ISODuration.isValid("P0003-01-29"))
        #expect(MediaType.isValid("text/plain; charset=ascii"))
        #expect(MediaType.isValid("application/vnd.example+json"))
        #expect(!MediaType.isValid("text"))
        #expect(!MediaType.isValid("text/plain; charset"))
        #expect(StatementValidator.isUUID("6690E6C9-3ef0-4ed3-8b37-7f3964730bee"))
        #expect(!StatementValidator.isUUID("6690e6c93ef04ed38b377f3964730bee"))
    }

    @Test func agentParameter() {
        #expect(throws: Never.self) { try StatementValidator.validateAgent(["mbox": "mailto:a@example.com"], path: "agent") }
        #expect(throws: Never.self) {
            try StatementValidator.validateAgent(["objectType": "Group", "openid": "https://id.example.org/g"], path: "agent")
        }
        #expect(throws: StatementViolation("agent", "an Agent must have exactly one of mbox, mbox_sha1sum, openid, account")) {
            try StatementValidator.validateAgent(["name": "nobody"], path: "agent")
        }
        #expect(throws: StatementViolation.self) {
            try StatementValidator.validateAgent(["objectType": "Group", "member": [Self.agent]], path: "agent")
        }
        #expect(throws: StatementViolation.self) { try StatementValidator.validateAgent("mailto:a@example.com", path: "agent") }
    }
}

// MARK: - The ADL suite's data-driven cases

@Suite(.enabled(if: ADLSuite.isAvailable, "the ADL conformance reference copy is not present"))
struct ADLConformanceConfigTests {
    /// Every statement the v2_0 configs build is accepted or refused as the suite expects (972 cases).
    @Test func everyDataDrivenCaseBehavesAsTheSuiteExpects() throws {
        let cases = try ADLSuite.allCases()
        #expect(cases.count > 900)
        var wrong: [String] = []
        for c in cases {
            let violation = StatementValidatorTests.violation(c.statement, .v2_0)
            if c.expectRejection != (violation != nil) {
                wrong.append("\(c) — \(violation.map { "refused: \($0)" } ?? "accepted") — \(String(decoding: c.statement.serialized(), as: UTF8.self))")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) cases differ:\n\(wrong.joined(separator: "\n"))")
    }

    /// The refusals of a few configs, each at the property the case is about.
    @Test(arguments: [
        ("uuids.js", "statement \"id\" invalid UUID with too many digits", "id"),
        ("contexts.js", "statement context \"revision\" is invalid with statementref", "context.revision"),
        ("scores.js", "statement result \"scaled\" should reject with value 1.01", "result.score.scaled"),
        ("authorities.js", "statement \"authority\" invalid one member", "authority.member"),
        ("timestamps.js", "statement \"template\" invalid date in timestamp: did not reject statement timestamp with -00:00 offset", "timestamp"),
        ("languages.js", "statement object \"name\" language map invalid", "object.definition.name.a12345678"),
    ])
    func refusalPath(_ file: String, _ name: String, _ path: String) throws {
        let c = try #require(try ADLSuite.cases(file).first { $0.name == name })
        #expect(StatementValidatorTests.violation(c.statement, .v2_0)?.path == path)
    }

    /// Removes a property at a path of object keys, as the suite's hand-written cases `delete` one.
    static func removing(_ keys: [String], from value: JSONValue) -> JSONValue {
        guard case .object(var o) = value, let first = keys.first else { return value }
        if keys.count == 1 { o[first] = nil } else if let inner = o[first] { o[first] = removing(Array(keys.dropFirst()), from: inner) }
        return .object(o)
    }

    static func replacing(_ keys: [String], in value: JSONValue, _ change: (JSONValue) -> JSONValue) -> JSONValue {
        guard case .object(var o) = value, let first = keys.first, let inner = o[first] else { return value }
        o[first] = keys.count == 1 ? change(inner) : replacing(Array(keys.dropFirst()), in: inner, change)
        return .object(o)
    }

    /// XAPI-00064 (4.2.2.3-Object-Requirements.js): interaction properties need an interactionType.
    @Test(arguments: ["choice", "fill_in", "likert", "long_fill_in", "matching", "numeric", "other", "performance", "sequencing", "true_false"])
    func interactionWithoutInteractionType(_ template: String) throws {
        let statement = try ADLSuite.build([["statement": "{{statements.default}}"], ["object": .string("{{activities.\(template)}}")]])
        #expect(StatementValidatorTests.violation(statement, .v2_0) == nil)
        let stripped = Self.removing(["object", "definition", "interactionType"], from: statement)
        #expect(StatementValidatorTests.violation(stripped, .v2_0)?.path.hasPrefix("object.definition.") == true)
    }

    /// XAPI-00065: an Agent or Group used as an object must say so.
    @Test(arguments: ["object_agent_default", "object_group_default"])
    func agentObjectWithoutObjectType(_ template: String) throws {
        let statement = try ADLSuite.build([["statement": .string("{{statements.\(template)}}")]])
        #expect(StatementValidatorTests.violation(statement, .v2_0) == nil)
        #expect(StatementValidatorTests.violation(Self.removing(["object", "objectType"], from: statement), .v2_0) != nil)
        let sub = try ADLSuite.build([["statement": "{{statements.object_substatement}}"], ["object": .string("{{statements.\(template)}}")]])
        #expect(StatementValidatorTests.violation(Self.removing(["object", "objectType"], from: sub), .v2_0) != nil)
    }

    /// XAPI-00011 (Data2.2-FormattingRequirements.js): IRIs and IRLs without a scheme.
    @Test func irisWithoutScheme() throws {
        let base = try ADLSuite.build([["statement": "{{statements.default}}"], ["object": "{{activities.default}}"]])
        let noScheme: (JSONValue) -> JSONValue = { .string(($0.stringValue ?? "").replacingOccurrences(of: "http://", with: "")) }
        for keys in [["verb", "id"], ["object", "id"], ["object", "definition", "type"], ["object", "definition", "moreInfo"]] {
            let violation = StatementValidatorTests.violation(Self.replacing(keys, in: base, noScheme), .v2_0)
            #expect(violation?.path == keys.joined(separator: "."))
        }
        let actor = try ADLSuite.build([["statement": "{{statements.actor}}"]])
        #expect(StatementValidatorTests.violation(Self.replacing(["actor"], in: actor) { _ in ["openid": "open.id.com/testUser"] }, .v2_0)?.path == "actor.openid")
        #expect(StatementValidatorTests.violation(Self.replacing(["actor"], in: actor) { _ in
            ["account": ["homePage": "homePage.com/testUser", "name": "123456"]]
        }, .v2_0)?.path == "actor.account.homePage")
    }

    /// XAPI-00100 (4.2.4.2-Authority-Requirements.js): an identified Group is no OAuth authority.
    @Test func identifiedGroupAuthority() throws {
        let statement = try ADLSuite.build([
            ["statement": "{{statements.default}}"],
            ["authority": ["objectType": "Group", "name": "xAPI Group", "mbox": "mailto:xapigroup@example.com",
                           "member": [["name": "agentA", "mbox": "mailto:agentA@example.com"], ["name": "agentB", "mbox": "mailto:agentB@example.com"]]]],
        ])
        #expect(StatementValidatorTests.violation(statement, .v2_0)?.path == "authority")
    }

    /// 4.1.6.1-Statement-Resource.js: a property the specification does not define.
    @Test func undefinedProperty() throws {
        let statement = Self.replacing(["actor"], in: try ADLSuite.build([["statement": "{{statements.default}}"]])) { $0 }
        guard case .object(var o) = statement else { Issue.record("not an object"); return }
        o["dummy"] = "dummy"
        #expect(StatementValidatorTests.violation(.object(o), .v2_0)?.path == "dummy")
    }
}
// MARK: - The ADL LRS Conformance Test Suite's data-driven cases

/// One data-driven case of the ADL suite: a statement built from `templates/` and the status
/// the LRS must answer (200 accepted, 400 refused).
struct SuiteCase: CustomStringConvertible, Sendable {
    let file: String
    let name: String
    let statement: JSONValue
    let expectRejection: Bool

    var description: String { "\(file): \(name)" }
}

/// Reads the suite's `configs/*.js` and `templates/**.json` and builds every case the way its
/// `helper.createTestObject` does (jQuery deep `extend`, innermost template first). The configs
/// are JavaScript, but only object literals, `var` constants and two expressions (a generated
/// UUID and a future date), so a literal reader is enough and node is not needed.
enum ADLSuite {
    static let root: URL = {
        if let dir = ProcessInfo.processInfo.environment["XAPI_CONFORMANCE_DIR"] { return URL(fileURLWithPath: dir) }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/reference/xapi-conformance")
    }()

    static var v2: URL { root.appendingPathComponent("test/v2_0") }
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: v2.appendingPathComponent("configs").path) }

    static func cases(_ file: String) throws -> [SuiteCase] {
        let source = try String(contentsOf: v2.appendingPathComponent("configs/\(file)"), encoding: .utf8)
        var reader = JSLiteralReader(source)
        guard case .array(let groups) = try reader.configValue() else { throw SuiteError("\(file): no config array") }
        var out: [SuiteCase] = []
        for group in groups {
            for test in group["config"]?.arrayValue ?? [] {
                guard let name = test["name"]?.stringValue, let templates = test["templates"]?.arrayValue,
                      let status = test["expect"]?.arrayValue?.first?.intValue else { throw SuiteError("\(file): malformed case") }
                out.append(SuiteCase(file: file, name: name, statement: try build(templates), expectRejection: status == 400))
            }
        }
        return out
    }

    static func allCases() throws -> [SuiteCase] {
        let files = try FileManager.default.contentsOfDirectory(atPath: v2.appendingPathComponent("configs").path).filter { $0.hasSuffix(".js") }.sorted()
        return try files.flatMap { try cases($0) }
    }

    /// `{{statements.default}}` → `templates/statements/default.json`.
    static func template(_ reference: String) throws -> JSONValue {
        let inner = reference.dropFirst(2).dropLast(2).split(separator: ".")
        guard inner.count == 2 else { throw SuiteError("bad template \(reference)") }
        let data = try Data(contentsOf: v2.appendingPathComponent("templates/\(inner[0])/\(inner[1]).json"))
        return try JSONValue.parse(data)
    }

    /// `helper.convertTemplate` then `helper.createTestObject`: the innermost item is merged
    /// whole into the value of the one before it, and so on outwards.
    static func build(_ templates: [JSONValue]) throws -> JSONValue {
        let converted: [JSONValue] = try templates.map { item in
            guard case .object(let o) = item else { throw SuiteError("template items are objects") }
            if o.count == 1, let (key, value) = o.first, let s = value.stringValue, s.hasPrefix("{{"), s.hasSuffix("}}") {
                return .object([key: try template(s)])
            }
            return item
        }
        guard var from = converted.last else { throw SuiteError("no templates") }
        for to in converted.dropLast().reversed() {
            guard case .object(let o) = to, o.count == 1, let (key, value) = o.first else { throw SuiteError("outer template items have one key") }
            from = .object([key: extend(value, with: from)])
        }
        guard case .object(let o) = from, o.count == 1, let value = o.values.first else { throw SuiteError("the first template names the statement") }
        return value
    }

    /// jQuery's `extend(true, target, source)`: objects and arrays merge key by key (arrays by
    /// index), anything else replaces.
    static func extend(_ target: JSONValue, with source: JSONValue) -> JSONValue {
        switch source {
        case .object(let s):
            // Named keys merged into a JavaScript array do not survive JSON serialisation.
            if case .array = target { return target }
            var t = target.objectValue ?? [:]
            for (key, value) in s {
                switch value {
                case .object: t[key] = extend(t[key]?.objectValue.map(JSONValue.object) ?? .object([:]), with: value)
                case .array: t[key] = extend(t[key]?.arrayValue.map(JSONValue.array) ?? .array([]), with: value)
                default: t[key] = value
                }
            }
            return .object(t)
        case .array(let s):
            var t = target.arrayValue ?? []
            for (index, value) in s.enumerated() {
                let merged: JSONValue
                switch value {
                case .object: merged = extend(index < t.count ? (t[index].objectValue.map(JSONValue.object) ?? .object([:])) : .object([:]), with: value)
                case .array: merged = extend(index < t.count ? (t[index].arrayValue.map(JSONValue.array) ?? .array([])) : .array([]), with: value)
                default: merged = value
                }
                if index < t.count { t[index] = merged } else { t.append(merged) }
            }
            return .array(t)
        default:
            return source
        }
    }
}

struct SuiteError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A reader for the JavaScript object literals of the suite's configs: comments, `var NAME =
/// value;` constants, quoted or bare keys, trailing commas, and the `return [...]` of
/// `module.exports.config`. The two computed values it meets become a fresh UUID and a date
/// five years ahead, as in the suite.
struct JSLiteralReader {
    private let s: [Unicode.Scalar]
    private var i = 0
    private var constants: [String: JSONValue] = [:]

    init(_ source: String) { s = Array(source.unicodeScalars) }

    /// Reads constants up to `module.exports.config` and returns the array its function returns.
    mutating func configValue() throws -> JSONValue {
        while i < s.count {
            skipSpace()
            guard i < s.count else { break }
            if let word = peekWord() {
                if word == "var" {
                    i += 3
                    skipSpace()
                    let name = try identifier()
                    skipSpace()
                    try expect("=")
                    constants[name] = try value()
                    continue
                }
                if word == "return" {
                    i += 6
                    return try value()
                }
                i += word.unicodeScalars.count
                continue
            }
            if s[i] == "'" || s[i] == "\"" { _ = try string(); continue }
            i += 1
        }
        throw SuiteError("no return")
    }

    private func peekWord() -> String? {
        guard i < s.count, isIdentifierStart(s[i]) else { return nil }
        var j = i
        var out = ""
        while j < s.count, isIdentifierPart(s[j]) { out.unicodeScalars.append(s[j]); j += 1 }
        return out
    }

    private func isIdentifierStart(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || c == "_" || c == "$" }
    private func isIdentifierPart(_ c: Unicode.Scalar) -> Bool { isIdentifierStart(c) || ("0"..."9").contains(c) }

    private mutating func skipSpace() {
        while i < s.count {
            if s[i].properties.isWhitespace { i += 1; continue }
            if s[i] == "/", i + 1 < s.count, s[i + 1] == "/" {
                while i < s.count, s[i] != "\n" { i += 1 }
                continue
            }
            if s[i] == "/", i + 1 < s.count, s[i + 1] == "*" {
                i += 2
                while i + 1 < s.count, !(s[i] == "*" && s[i + 1] == "/") { i += 1 }
                i += 2
                continue
            }
            break
        }
    }

    private mutating func expect(_ c: Unicode.Scalar) throws {
        skipSpace()
        guard i < s.count, s[i] == c else { throw SuiteError("expected \(c) at \(i)") }
        i += 1
    }

    private mutating func identifier() throws -> String {
        guard let word = peekWord() else { throw SuiteError("expected identifier at \(i)") }
        i += word.unicodeScalars.count
        return word
    }

    private mutating func string() throws -> String {
        let quote = s[i]
        i += 1
        var out = String.UnicodeScalarView()
        while i < s.count, s[i] != quote {
            if s[i] == "\\", i + 1 < s.count {
                i += 1
                switch s[i] {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "u":
                    let hex = String(String.UnicodeScalarView(s[(i + 1)..<(i + 5)]))
                    if let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) { out.append(u) }
                    i += 4
                default: out.append(s[i])
                }
            } else {
                out.append(s[i])
            }
            i += 1
        }
        i += 1
        return String(out)
    }

    /// A primary value, then any `+ n` / `- n` arithmetic on numbers (the scores config computes
    /// its bounds from a constant).
    private mutating func value() throws -> JSONValue {
        var result = try primary()
        while true {
            skipSpace()
            guard i < s.count, s[i] == "+" || s[i] == "-", let left = Self.number(result) else { return result }
            let minus = s[i] == "-"
            i += 1
            guard let right = Self.number(try primary()) else { throw SuiteError("arithmetic on a non-number at \(i)") }
            result = .double(minus ? left - right : left + right)
        }
    }

    private static func number(_ v: JSONValue) -> Double? {
        switch v {
        case .int(let n): Double(n)
        case .double(let d): d
        default: nil
        }
    }

    private mutating func primary() throws -> JSONValue {
        skipSpace()
        guard i < s.count else { throw SuiteError("unexpected end") }
        let c = s[i]
        if c == "{" {
            i += 1
            var o: [String: JSONValue] = [:]
            while true {
                skipSpace()
                if s[i] == "}" { i += 1; break }
                let key = (s[i] == "'" || s[i] == "\"") ? try string() : try identifier()
                try expect(":")
                o[key] = try value()
                skipSpace()
                if s[i] == "," { i += 1 }
            }
            return .object(o)
        }
        if c == "[" {
            i += 1
            var a: [JSONValue] = []
            while true {
                skipSpace()
                if s[i] == "]" { i += 1; break }
                a.append(try value())
                skipSpace()
                if s[i] == "," { i += 1 }
            }
            return .array(a)
        }
        if c == "'" || c == "\"" { return .string(try string()) }
        if c == "-" || c == "." || ("0"..."9").contains(c) {
            var text = ""
            while i < s.count, (s[i] == "-" && text.isEmpty) || s[i] == "." || s[i] == "e" || ((s[i] == "+" || s[i] == "-") && text.hasSuffix("e")) || ("0"..."9").contains(s[i]) {
                text.unicodeScalars.append(s[i])
                i += 1
            }
            if text.hasPrefix(".") { text = "0" + text }
            if text.hasPrefix("-.") { text = "-0" + text.dropFirst() }
            if let n = Int(text) { return .int(n) }
            guard let d = Double(text) else { throw SuiteError("bad number \(text)") }
            return .double(d)
        }
        let word = try identifier()
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: break
        }
        skipSpace()
        if i < s.count, s[i] == "." || s[i] == "(" || word == "new" {
            // A computed value: skip the expression to the end of the property or statement.
            var depth = 0
            var text = word
            while i < s.count {
                let d = s[i]
                if depth == 0, d == "," || d == ";" || d == "}" || d == "]" { break }
                if d == "(" || d == "[" || d == "{" { depth += 1 }
                if d == ")" || d == "]" || d == "}" { depth -= 1 }
                text.unicodeScalars.append(d)
                i += 1
            }
            if text.contains("generateUUID") { return .string(UUID().uuidString.lowercased()) }
            return .string("2031-01-01T00:00:00.000Z")
        }
        guard let constant = constants[word] else { throw SuiteError("unknown constant \(word)") }
        return constant
    }
}
