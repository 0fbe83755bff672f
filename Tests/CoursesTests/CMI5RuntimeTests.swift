import Courses
import Foundation
import Testing

@Suite("cmi5 runtime rules")
struct CMI5RuntimeTests {
    static let au = AssignableUnit(
        id: "https://example.cn/au/1", title: LocalizedText([LangString(lang: "zh-CN", text: "单元")]), description: LocalizedText([]),
        url: "index.html?paramA=1&paramB=2", moveOn: .completedAndPassed, masteryScore: Decimal(string: "0.8"),
        launchParameters: "sample string", entitlementKey: "xyz-123"
    )
    static let registration = UUID(uuidString: "760E3480-BA55-4991-94B0-01820DBD23A2") ?? UUID()

    @Test func launchURL() throws {
        let url = try LaunchURL.make(
            au: Self.au, contentBase: "https://zhijiao.example.cn/cmi5/p/42/", endpoint: "https://zhijiao.example.cn/xapi/",
            fetch: "https://zhijiao.example.cn/cmi5/fetch?k=2390289x0", actor: LaunchActor(homePage: "https://zhijiao.example.cn", name: "S0001"),
            registration: Self.registration, activityId: "https://zhijiao.example.cn/cmi5/au/7"
        )
        #expect(url == "https://zhijiao.example.cn/cmi5/p/42/index.html?paramA=1&paramB=2"
            + "&endpoint=https%3A%2F%2Fzhijiao.example.cn%2Fxapi%2F"
            + "&fetch=https%3A%2F%2Fzhijiao.example.cn%2Fcmi5%2Ffetch%3Fk%3D2390289x0"
            + "&actor=%7B%22account%22%3A%7B%22homePage%22%3A%22https%3A%2F%2Fzhijiao.example.cn%22%2C%22name%22%3A%22S0001%22%7D%2C%22objectType%22%3A%22Agent%22%7D"
            + "&registration=760e3480-ba55-4991-94b0-01820dbd23a2"
            + "&activityId=https%3A%2F%2Fzhijiao.example.cn%2Fcmi5%2Fau%2F7")
        // What an AU reads back is what was put in.
        let items = URLComponents(string: url)?.queryItems ?? []
        #expect(items.first { $0.name == "actor" }?.value == #"{"account":{"homePage":"https://zhijiao.example.cn","name":"S0001"},"objectType":"Agent"}"#)
        #expect(items.first { $0.name == "fetch" }?.value == "https://zhijiao.example.cn/cmi5/fetch?k=2390289x0")
    }

    @Test func launchURLRefusesThePublisherIDAsActivityID() {
        #expect(throws: CMI5Error.self) {
            try LaunchURL.make(au: Self.au, contentBase: "https://x.cn/", endpoint: "e", fetch: "f", actor: LaunchActor(homePage: "h", name: "n"), registration: Self.registration, activityId: Self.au.id)
        }
    }

    @Test func launchData() throws {
        let data = LaunchData.make(au: Self.au, sessionID: "s-1", registration: Self.registration, returnURL: "https://zhijiao.example.cn/courses/3")
        let json = try #require(try JSONSerialization.jsonObject(with: data.json()) as? [String: Any])
        #expect(json["launchMode"] as? String == "Normal")
        #expect(json["launchMethod"] as? String == "AnyWindow")
        #expect(json["moveOn"] as? String == "CompletedAndPassed")
        #expect((json["masteryScore"] as? NSNumber)?.doubleValue == 0.8)
        #expect(json["launchParameters"] as? String == "sample string")
        #expect(json["returnURL"] as? String == "https://zhijiao.example.cn/courses/3")
        #expect((json["entitlementKey"] as? [String: String]) == ["courseStructure": "xyz-123"])
        let template = try #require(json["contextTemplate"] as? [String: Any])
        #expect((template["extensions"] as? [String: String])?[LaunchData.sessionIDExtension] == "s-1")
        #expect(template["registration"] as? String == "760e3480-ba55-4991-94b0-01820dbd23a2")
        let grouping = (template["contextActivities"] as? [String: Any])?["grouping"] as? [[String: String]]
        #expect(grouping?.first?["id"] == Self.au.id)
        // Absent optional members are left out.
        let plain = AssignableUnit(id: "https://x.cn/au", title: LocalizedText([]), description: LocalizedText([]), url: "https://x.cn/a")
        let plainJSON = try #require(try JSONSerialization.jsonObject(with: LaunchData.make(au: plain, sessionID: "s", registration: Self.registration).json()) as? [String: Any])
        #expect(plainJSON["masteryScore"] == nil && plainJSON["entitlementKey"] == nil && plainJSON["moveOn"] as? String == "NotApplicable")
    }

    // MARK: - Session rules

    static let launch = SessionRules.Launch(activityID: "https://zhijiao.example.cn/cmi5/au/7", sessionID: "s-1", masteryScore: Decimal(string: "0.8"))
    static func at(_ s: Double) -> Date { Date(timeIntervalSince1970: 1_800_000_000 + s) }
    static func st(_ verb: CMI5Verb, _ t: Double, result: SessionStatement.Result? = nil, moveOn: Bool = false) -> SessionStatement {
        SessionStatement(verb, at: at(t), object: launch.activityID, session: "s-1", moveOnCategory: moveOn, result: result)
    }

    @Test func aCleanSession() {
        let session = [
            Self.st(.launched, 0), Self.st(.initialized, 1),
            SessionStatement(verbID: "http://adlnet.gov/expapi/verbs/answered", timestamp: Self.at(2), objectID: Self.launch.activityID, isCMI5Defined: false, sessionID: "s-1"),
            Self.st(.completed, 3, result: .init(completion: true, duration: "PT2S"), moveOn: true),
            Self.st(.passed, 4, result: .init(success: true, score: .init(scaled: 0.9), duration: "PT3S"), moveOn: true),
            Self.st(.terminated, 5, result: .init(duration: "PT4S")),
        ]
        #expect(SessionRules.check(session, launch: Self.launch) == [])
    }

    @Test func orderRules() {
        let rules = { (session: [SessionStatement]) in SessionRules.check(session, launch: Self.launch).map(\.rule) }
        #expect(rules([Self.st(.completed, 0, result: .init(completion: true, duration: "PT1S"), moveOn: true)]) == [.initializedFirst])
        #expect(rules([Self.st(.initialized, 0), Self.st(.terminated, 1, result: .init(duration: "PT1S")), Self.st(.completed, 2, result: .init(completion: true, duration: "PT1S"), moveOn: true)]) == [.terminatedLast])
        #expect(rules([Self.st(.initialized, 0), Self.st(.initialized, 1)]) == [.duplicateVerbInSession])
        #expect(rules([Self.st(.launched, 0), Self.st(.launched, 1)]) == [.launchedTwice])
        #expect(rules([
            Self.st(.initialized, 0),
            Self.st(.failed, 1, result: .init(success: false, score: .init(scaled: 0.5), duration: "PT1S"), moveOn: true),
            Self.st(.passed, 2, result: .init(success: true, score: .init(scaled: 0.9), duration: "PT1S"), moveOn: true),
        ]) == [.passedAndFailedInSession])
        #expect(rules([Self.st(.launched, 0), Self.st(.abandoned, 1, result: .init(duration: "PT1S")), Self.st(.initialized, 2)]) == [.afterAbandoned])
        // Given in any order, judged by timestamp.
        #expect(rules([Self.st(.terminated, 5, result: .init(duration: "PT4S")), Self.st(.initialized, 1)]) == [])
    }

    @Test func registrationRules() {
        let earlier = [Self.st(.passed, -10, result: .init(success: true, duration: "PT1S"), moveOn: true), Self.st(.completed, -9, result: .init(completion: true, duration: "PT1S"), moveOn: true)]
        let session = [
            Self.st(.initialized, 0),
            Self.st(.completed, 1, result: .init(completion: true, duration: "PT1S"), moveOn: true),
            Self.st(.failed, 2, result: .init(success: false, duration: "PT1S"), moveOn: true),
        ]
        #expect(SessionRules.check(session, launch: Self.launch, earlierInRegistration: earlier).map(\.rule) == [.completedTwiceInRegistration, .failedAfterPassed])
    }

    @Test func resultRules() {
        let rules = { (s: SessionStatement) in SessionRules.check([Self.st(.initialized, 0), s], launch: Self.launch).map(\.rule) }
        #expect(rules(Self.st(.passed, 1, result: .init(success: true, score: .init(scaled: 0.7), duration: "PT1S"), moveOn: true)) == [.passedBelowMastery])
        #expect(rules(Self.st(.failed, 1, result: .init(success: false, score: .init(scaled: 0.8), duration: "PT1S"), moveOn: true)) == [.failedAtOrAboveMastery])
        #expect(rules(Self.st(.completed, 1, result: .init(completion: true, score: .init(scaled: 1), duration: "PT1S"), moveOn: true)) == [.scoreNotAllowed])
        #expect(rules(Self.st(.passed, 1, result: .init(success: true, score: .init(raw: 9), duration: "PT1S"), moveOn: true)) == [.scoreInvalid])
        #expect(rules(Self.st(.passed, 1, result: .init(duration: "PT1S"), moveOn: true)) == [.successRequired, .moveOnCategory])
        #expect(rules(Self.st(.completed, 1, result: .init(success: true, completion: true, duration: "PT1S"), moveOn: true)) == [.successNotAllowed])
        #expect(rules(Self.st(.terminated, 1, result: .init(completion: true, duration: "PT1S"), moveOn: true)) == [.completionNotAllowed])
        #expect(rules(Self.st(.completed, 1, result: .init(completion: true), moveOn: true)) == [.durationRequired])
        #expect(rules(Self.st(.terminated, 1, result: .init(duration: "1 hour"))) == [.durationInvalid])
        #expect(rules(Self.st(.completed, 1, result: .init(completion: true, duration: "PT1S"), moveOn: false)) == [.moveOnCategory])
        #expect(rules(Self.st(.terminated, 1, result: .init(duration: "PT1S"), moveOn: true)) == [.moveOnCategory])
    }

    @Test func browseModeAllowsOnlyInitializedAndTerminated() {
        var launch = Self.launch
        launch.launchMode = .browse
        let session = [Self.st(.initialized, 0), Self.st(.completed, 1, result: .init(completion: true, duration: "PT1S"), moveOn: true), Self.st(.terminated, 2, result: .init(duration: "PT2S"))]
        #expect(SessionRules.check(session, launch: launch).map(\.rule) == [.notNormalLaunchMode])
    }

    @Test func waivedRules() {
        let waived = SessionStatement(.waived, at: Self.at(0), object: Self.launch.activityID, session: "s-1", moveOnCategory: true, result: .init(success: true, completion: true, reason: "Tested Out"))
        #expect(SessionRules.check([waived], launch: Self.launch) == [])
        var noReason = waived
        noReason.result?.reason = nil
        #expect(SessionRules.check([noReason], launch: Self.launch).map(\.rule) == [.waivedWithoutReason])
        #expect(SessionRules.check([waived], launch: Self.launch, earlierInRegistration: [waived]).map(\.rule) == [.waivedTwiceInRegistration])
        #expect(SessionRules.check([waived, Self.st(.initialized, 1)], launch: Self.launch).map(\.rule) == [.waivedSessionNotAlone])
    }

    @Test func objectAndSessionMustMatch() {
        let other = SessionStatement(.initialized, at: Self.at(0), object: "https://example.cn/au/1", session: "s-2")
        let violations = SessionRules.check([other], launch: Self.launch)
        #expect(violations.map(\.rule) == [.sessionIDMismatch, .objectNotActivityID])
        #expect(violations[0].messageEn.contains("9.6.3.1") && violations[0].messageZh.contains("session ID"))
    }

    @Test func isoDurations() {
        #expect(ISODuration.seconds("PT1H2M3.5S") == 3723.5)
        #expect(ISODuration.seconds("P1DT1S") == 86_401)
        #expect(ISODuration.seconds("P2W") == 1_209_600)
        for bad in ["P", "PT", "1S", "PT1S2M", "P1S", "PTS", "P1.5"] { #expect(ISODuration.seconds(bad) == nil, "\(bad)") }
    }

    // MARK: - moveOn

    @Test func moveOnTable() {
        let cases: [(MoveOn, Bool, Bool, Bool)] = [
            (.passed, false, true, true), (.passed, true, false, false),
            (.completed, true, false, true), (.completed, false, true, false),
            (.completedAndPassed, true, true, true), (.completedAndPassed, true, false, false), (.completedAndPassed, false, true, false),
            (.completedOrPassed, true, false, true), (.completedOrPassed, false, true, true), (.completedOrPassed, false, false, false),
            (.notApplicable, false, false, true),
        ]
        for (moveOn, completed, passed, satisfied) in cases {
            #expect(moveOn.isSatisfied(completed: completed, passed: passed) == satisfied, "\(moveOn) \(completed) \(passed)")
            #expect(moveOn.isSatisfied(completed: false, passed: false, waived: true))
        }
    }

    @Test func satisfactionOfBlocksAndCourse() {
        func au(_ id: String, _ moveOn: MoveOn) -> CourseNode {
            .au(AssignableUnit(id: id, title: LocalizedText([]), description: LocalizedText([]), url: "https://x.cn/\(id)", moveOn: moveOn))
        }
        let inner = Block(id: "https://x.cn/b2", title: LocalizedText([]), description: LocalizedText([]), children: [au("https://x.cn/a3", .notApplicable)])
        let outer = Block(id: "https://x.cn/b1", title: LocalizedText([]), description: LocalizedText([]), children: [au("https://x.cn/a1", .passed), .block(inner)])
        let structure = CourseStructure(
            course: CourseInfo(id: "https://x.cn/c", title: LocalizedText([]), description: LocalizedText([])), objectives: [],
            children: [.block(outer), au("https://x.cn/a2", .completedOrPassed)]
        )
        // At registration, NotApplicable AUs (and the block holding only them) are satisfied.
        let start = Satisfaction.evaluate(structure, progress: [:])
        #expect(start.satisfiedBlocks == ["https://x.cn/b2"])
        #expect(start.pendingAUs == ["https://x.cn/a1", "https://x.cn/a2"])
        #expect(!start.courseSatisfied)
        let passed = Satisfaction.evaluate(structure, progress: ["https://x.cn/a1": AUProgress(passed: true)])
        #expect(passed.newlySatisfied(since: start).blocks == ["https://x.cn/b1"])
        #expect(!passed.courseSatisfied)
        let done = Satisfaction.evaluate(structure, progress: ["https://x.cn/a1": AUProgress(passed: true), "https://x.cn/a2": AUProgress(waived: true)])
        #expect(done.courseSatisfied)
        #expect(done.newlySatisfied(since: passed) == (blocks: [], course: true))
    }

    @Test func progressFromStatements() {
        let statements = [Self.st(.initialized, 0), Self.st(.completed, 1)]
        #expect(AUProgress(statements: statements) == AUProgress(completed: true))
    }
}

@Suite("cmi5 statements from JSON")
struct SessionStatementJSONTests {
    @Test func readsAPassedStatement() throws {
        let json = Data(#"""
        {"actor":{"objectType":"Agent","account":{"homePage":"https://zhijiao.example.cn","name":"S0001"}},
         "verb":{"id":"http://adlnet.gov/expapi/verbs/passed"},
         "object":{"id":"https://zhijiao.example.cn/cmi5/au/7"},
         "timestamp":"2027-01-15T08:00:01.250Z",
         "result":{"success":true,"duration":"PT30S","score":{"scaled":0.9}},
         "context":{"registration":"760e3480-ba55-4991-94b0-01820dbd23a2",
           "contextActivities":{"category":[{"id":"https://w3id.org/xapi/cmi5/context/categories/cmi5"},{"id":"https://w3id.org/xapi/cmi5/context/categories/moveon"}]},
           "extensions":{"https://w3id.org/xapi/cmi5/context/extensions/sessionid":"s-1"}}}
        """#.utf8)
        let statement = try SessionStatement(json: json)
        #expect(statement.verb == .passed && statement.hasMoveOnCategory && statement.sessionID == "s-1")
        #expect(statement.result?.score?.scaled == 0.9 && statement.result?.duration == "PT30S")
        let launch = SessionRules.Launch(activityID: "https://zhijiao.example.cn/cmi5/au/7", sessionID: "s-1", masteryScore: Decimal(string: "0.8"))
        let initialized = SessionStatement(.initialized, at: statement.timestamp.addingTimeInterval(-1), object: launch.activityID, session: "s-1")
        #expect(SessionRules.check([initialized, statement], launch: launch) == [])
    }

    @Test func namesWhatIsMissing() {
        #expect(throws: CMI5Error.missingAttribute(attribute: "timestamp", element: "statement")) {
            try SessionStatement(json: Data(#"{"verb":{"id":"x"},"object":{"id":"y"}}"#.utf8))
        }
    }
}
