import Credentials
import Foundation
import Testing
@testable import LearningRecords

/// Statement comparison (xAPI Data 2.3.1, "Statement Comparison Requirements"): what a re-sent
/// statement may differ in and still be the stored statement (a no-op), and what makes it a
/// conflict (409).
@Suite struct StatementEquivalenceTests {
    static let agent: JSONValue = ["objectType": "Agent", "name": "Ada", "mbox": "mailto:ada@example.com"]

    /// A statement as a client sends it.
    static let sent: [String: JSONValue] = [
        "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
        "actor": agent,
        "verb": ["id": "http://adlnet.gov/expapi/verbs/answered", "display": ["en-US": "answered"]],
        "object": ["objectType": "Activity", "id": "http://example.com/q1", "definition": ["name": ["en-US": "Q1"]]],
        "result": ["score": ["scaled": .double(0.5), "raw": 5, "min": 0, "max": 10], "success": true, "duration": "PT1M0.12S",
                   "extensions": ["http://example.com/ext": ["n": 1]]],
        "context": ["registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7",
                    "contextActivities": ["parent": [["id": "http://example.com/course"]]], "language": "en-US"],
        "timestamp": "2024-05-04T12:00:00.000-05:00",
        "attachments": [["usageType": "http://example.com/usage", "display": ["en-US": "A"], "contentType": "text/plain",
                         "length": 27, "sha2": "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a"]],
    ]

    /// The same statement as the LRS stored it: authority, stored and version set, timestamp in UTC.
    static var stored: JSONValue {
        var o = sent
        o["authority"] = ["objectType": "Agent", "account": ["homePage": "https://lrs.example.com", "name": "client"]]
        o["stored"] = "2024-05-04T17:00:01.000Z"
        o["version"] = "2.0.0"
        o["timestamp"] = "2024-05-04T17:00:00Z"
        return .object(o)
    }

    static func incoming(_ change: (inout [String: JSONValue]) -> Void) -> JSONValue {
        var o = sent
        change(&o)
        return .object(o)
    }

    @Test func theSameStatementIsTheSame() {
        #expect(StatementEquivalence.same(Self.stored, .object(Self.sent)))
        #expect(StatementEquivalence.same(.object(Self.sent), .object(Self.sent)))
    }

    /// Differences the exceptions to immutability could have caused are ignored.
    static let ignored: [(String, @Sendable (inout [String: JSONValue]) -> Void)] = [
        ("no id on the incoming side", { $0["id"] = nil }),
        ("id in upper case", { $0["id"] = "6690E6C9-3EF0-4ED3-8B37-7F3964730BEE" }),
        ("no timestamp on the incoming side", { $0["timestamp"] = nil }),
        ("timestamp in another zone", { $0["timestamp"] = "2024-05-04T18:00:00+01:00" }),
        ("a different authority", { $0["authority"] = ["mbox": "mailto:someone@example.com"] }),
        ("a different version", { $0["version"] = "1.0.3" }),
        ("a different stored", { $0["stored"] = "2030-01-01T00:00:00Z" }),
        ("integer written as a decimal", { $0["result"] = ["score": ["scaled": .double(0.5), "raw": .double(5.0), "min": 0, "max": .double(10)],
                                                           "success": true, "duration": "PT1M0.12S", "extensions": ["http://example.com/ext": ["n": .double(1)]]] }),
        ("duration beyond hundredths", { $0["result"] = ["score": ["scaled": .double(0.5), "raw": 5, "min": 0, "max": 10], "success": true,
                                                         "duration": "PT1M0.1237S", "extensions": ["http://example.com/ext": ["n": 1]]] }),
        ("another verb display", { $0["verb"] = ["id": "http://adlnet.gov/expapi/verbs/answered", "display": ["zh-CN": "回答了"]] }),
        ("another activity definition", { $0["object"] = ["id": "http://example.com/q1"] }),
        ("actor without objectType", { $0["actor"] = ["name": "Ada", "mbox": "mailto:ada@example.com"] }),
        ("mbox domain in upper case", { $0["actor"] = ["objectType": "Agent", "name": "Ada", "mbox": "MAILTO:ada@EXAMPLE.COM"] }),
        ("IRI scheme and host in upper case", { $0["verb"] = ["id": "HTTP://ADLNET.GOV/expapi/verbs/answered"] }),
        ("a single parent activity, registration and language in upper case", {
            $0["context"] = ["registration": "EC531277-B57B-4C15-8D91-D292C5B2B8F7",
                             "contextActivities": ["parent": ["objectType": "Activity", "id": "http://example.com/course"]], "language": "EN-us"]
        }),
        ("attachment display tag and hash case", { $0["attachments"] = [["usageType": "http://example.com/usage", "display": ["EN-US": "A"],
            "contentType": "Text/Plain", "length": 27, "sha2": "495395E777CD98DA653DF9615D09C0FD6BB2F8D4788394CD53C56A3BFDCD848A"]] }),
    ]

    @Test(arguments: ignored.indices)
    func differenceIsIgnored(_ index: Int) {
        let (name, change) = Self.ignored[index]
        #expect(StatementEquivalence.same(Self.stored, Self.incoming(change)), "\(name)")
    }

    /// Anything else is a different statement.
    static let conflicting: [(String, @Sendable (inout [String: JSONValue]) -> Void)] = [
        ("another id", { $0["id"] = "7690e6c9-3ef0-4ed3-8b37-7f3964730bee" }),
        ("another instant", { $0["timestamp"] = "2024-05-04T12:00:01-05:00" }),
        ("another actor", { $0["actor"] = ["mbox": "mailto:bob@example.com"] }),
        ("mbox local part in another case", { $0["actor"] = ["objectType": "Agent", "name": "Ada", "mbox": "mailto:Ada@example.com"] }),
        ("actor name", { $0["actor"] = ["objectType": "Agent", "name": "Ada L.", "mbox": "mailto:ada@example.com"] }),
        ("another verb", { $0["verb"] = ["id": "http://adlnet.gov/expapi/verbs/attempted"] }),
        ("IRI path in another case", { $0["verb"] = ["id": "http://adlnet.gov/expapi/verbs/Answered"] }),
        ("another object", { $0["object"] = ["id": "http://example.com/q2"] }),
        ("no result", { $0["result"] = nil }),
        ("another score", { $0["result"] = ["score": ["scaled": .double(0.6), "raw": 5, "min": 0, "max": 10], "success": true,
                                            "duration": "PT1M0.12S", "extensions": ["http://example.com/ext": ["n": 1]]] }),
        ("duration at hundredths", { $0["result"] = ["score": ["scaled": .double(0.5), "raw": 5, "min": 0, "max": 10], "success": true,
                                                     "duration": "PT1M0.13S", "extensions": ["http://example.com/ext": ["n": 1]]] }),
        ("extension value", { $0["result"] = ["score": ["scaled": .double(0.5), "raw": 5, "min": 0, "max": 10], "success": true,
                                              "duration": "PT1M0.12S", "extensions": ["http://example.com/ext": ["n": "1"]]] }),
        ("another registration", { $0["context"] = ["registration": "fc531277-b57b-4c15-8d91-d292c5b2b8f7",
                                                    "contextActivities": ["parent": [["id": "http://example.com/course"]]], "language": "en-US"] }),
        ("another attachment hash", { $0["attachments"] = [["usageType": "http://example.com/usage", "display": ["en-US": "A"], "contentType": "text/plain",
                                                             "length": 27, "sha2": "595395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a"]] }),
        ("no attachments", { $0["attachments"] = nil }),
        ("an extra context property", { $0["context"] = ["registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7",
                                                          "contextActivities": ["parent": [["id": "http://example.com/course"]]], "language": "en-US",
                                                          "platform": "web"] }),
    ]

    @Test(arguments: conflicting.indices)
    func differenceConflicts(_ index: Int) {
        let (name, change) = Self.conflicting[index]
        #expect(!StatementEquivalence.same(Self.stored, Self.incoming(change)), "\(name)")
    }

    @Test func groupMembersAreUnordered() {
        let bob: JSONValue = ["mbox": "mailto:bob@example.com"]
        let a = Self.incoming { $0["actor"] = ["objectType": "Group", "member": [Self.agent, bob]] }
        let b = Self.incoming { $0["actor"] = ["objectType": "Group", "member": [bob, Self.agent]] }
        let c = Self.incoming { $0["actor"] = ["objectType": "Group", "member": [bob]] }
        #expect(StatementEquivalence.same(a, b))
        #expect(!StatementEquivalence.same(a, c))
    }

    @Test func timestampIsOnlyFilledInOnTheStoredSide() {
        // The LRS fills in a missing timestamp, so an absent one on the incoming side matches any;
        // a stored statement without one cannot match an incoming statement that has one.
        let withoutTimestamp = Self.incoming { $0["timestamp"] = nil }
        #expect(StatementEquivalence.same(Self.stored, withoutTimestamp))
        #expect(!StatementEquivalence.same(withoutTimestamp, Self.stored))
    }

    @Test func subStatementsCompareTheirOwnTimestampsAsInstants() {
        func sub(_ timestamp: String) -> JSONValue {
            Self.incoming {
                $0["object"] = ["objectType": "SubStatement", "actor": Self.agent, "verb": ["id": "http://example.com/v"],
                                "object": ["id": "http://example.com/a", "definition": ["name": ["en": "x"]]], "timestamp": .string(timestamp)]
            }
        }
        #expect(StatementEquivalence.same(sub("2024-01-01T00:00:00Z"), sub("2024-01-01T08:00:00.000+08:00")))
        #expect(!StatementEquivalence.same(sub("2024-01-01T00:00:00Z"), sub("2024-01-01T00:00:01Z")))
        // Precision beyond the milliseconds the LRS must keep does not count.
        #expect(StatementEquivalence.same(sub("2024-05-04T17:00:00.123Z"), sub("2024-05-04T17:00:00.1239Z")))
        #expect(StatementEquivalence.same(sub("2024-05-04T17:00:00.123Z"), sub("2024-05-04T17:00:00.123000001Z")))
        #expect(!StatementEquivalence.same(sub("2024-05-04T17:00:00.123Z"), sub("2024-05-04T17:00:00.124Z")))
    }

    @Test func irisCompareAfterSyntaxBasedNormalisation() {
        #expect(IRI.normalized("HTTP://Example.COM/a/./b/../c") == "http://example.com/a/c")
        #expect(IRI.normalized("http://example.com/%7euser/%3f") == "http://example.com/~user/%3F")
        #expect(IRI.normalized("urn:Example:A") == "urn:Example:A")
        #expect(ISODuration.comparisonForm("P1DT12H36M0.12567S") == "P1DT12H36M0.12S")
        #expect(ISODuration.comparisonForm("PT1.10S") == "PT1.1S")
        #expect(ISODuration.comparisonForm("PT5M") == "PT5M")
    }

    @Test func numbersCompareByValue() {
        #expect(StatementEquivalence.equal(.int(1), .double(1.0)))
        #expect(!StatementEquivalence.equal(.int(1), .string("1")))
        #expect(StatementEquivalence.equal(["a": [1, 2]], ["a": [.double(1), .double(2)]]))
        #expect(!StatementEquivalence.equal(["a": [1, 2]], ["a": [2, 1]]))
    }
}
