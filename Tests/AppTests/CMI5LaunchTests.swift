@testable import App
import Foundation
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

/// cmi5 launches against the platform's own LRS (issue 16, item 3): the launch URL's
/// parameters, the fetch URL's one-time token, LMS.LaunchData in the State document, the AU's
/// statements held to the session rules under that token only, moveOn settled into the LMS's
/// satisfied statement and the learner's completed course; abandoned sessions. On SQLite, and
/// on PostgreSQL when `DATABASE_URL` is set.
@Suite("cmi5: launch, fetch, LMS.LaunchData, the AU's statements, moveOn", .enabled(if: CourseCatapult.available, "needs ../shared/reference/cmi5-catapult"))
struct CMI5LaunchTests {
    struct Launched {
        var course: String
        var url: String
        var parameters: [String: String]
        var authToken: String
        var session: String
    }

    static let verbs = (initialized: "http://adlnet.gov/expapi/verbs/initialized", completed: "http://adlnet.gov/expapi/verbs/completed",
                        passed: "http://adlnet.gov/expapi/verbs/passed", terminated: "http://adlnet.gov/expapi/verbs/terminated")

    func importAndEnrol(_ app: Application, _ f: Fixture, package: String) async throws -> String {
        let (status, body, id) = try await CourseRequests.importCourse(app, f.token(.teacher), try CourseCatapult.zip(package))
        #expect(status == .created, "\(body)")
        let course = try #require(id)
        #expect(try await CourseRequests.api(app, .POST, "courses/\(course)/enrolment", f.token(.learner)).0 == .created)
        return course
    }

    func launch(_ app: Application, _ f: Fixture, course: String, fetch: Bool = true) async throws -> Launched {
        let (status, body) = try await CourseRequests.api(app, .POST, "courses/\(course)/aus/1/launch", f.token(.learner), json: #"{"launchMode":"Normal"}"#)
        #expect(status == .ok, "\(body)")
        let launch = CourseRequests.object(body)
        let url = try #require(launch["launchUrl"]?.stringValue)
        let parameters = CourseRequests.parameters(url)
        var token = ""
        if fetch {
            let (fs, fb) = try await CourseRequests.send(app, .POST, CourseRequests.path(try #require(parameters["fetch"])))
            #expect(fs == .ok, "\(fb)")
            token = try #require(CourseRequests.object(fb)["auth-token"]?.stringValue)
        }
        return Launched(course: course, url: url, parameters: parameters, authToken: token, session: try #require(launch["sessionId"]?.stringValue).lowercased())
    }

    func post(_ app: Application, _ l: Launched, _ statement: String) async throws -> (HTTPStatus, String) {
        try await CourseRequests.send(app, .POST, "xapi/statements", headers: CourseRequests.xapiHeaders(l.authToken), body: Data(statement.utf8), contentType: "application/json")
    }

    func statement(_ l: Launched, _ verb: String, result: String? = nil, moveOn: Bool = false, actor: String? = nil, auID: String) -> String {
        CourseRequests.statement(verb, actor: actor ?? l.parameters["actor"] ?? "", activityID: l.parameters["activityId"] ?? "", registration: l.parameters["registration"] ?? "",
                                 session: l.session, auID: auID, result: result, moveOn: moveOn)
    }

    func lrsVerbs(_ app: Application, registration: String) async throws -> [String] {
        try await app.sql.raw("SELECT verb_id FROM lrs_statements WHERE registration = \(bind: UUID(uuidString: registration)) ORDER BY seq").all()
            .map { try $0.decode(column: "verb_id", as: String.self) }
    }

    @Test func aLearnerLaunchesAnAUCompletesItAndTheCourseIsSatisfied() async throws {
        try await withFixture { app, f in
            let au = "https://w3id.org/xapi/cmi5/catapult/lts/au/004-1-moveOn-Completed"
            let course = try await importAndEnrol(app, f, package: "004-1-moveOn-Completed")
            let l = try await launch(app, f, course: course)
            // The launch URL: the package's file, then the five cmi5 parameters.
            #expect(l.url.contains("/cmi5/content/") && l.url.contains("/index.html?"))
            #expect(Set(l.parameters.keys) == ["endpoint", "fetch", "actor", "registration", "activityId"])
            #expect(l.parameters["endpoint"]?.hasSuffix("/xapi/") == true)
            #expect(l.parameters["activityId"] != au)
            let actor = CourseRequests.object(l.parameters["actor"] ?? "")
            #expect(actor["account"]?["name"]?.stringValue == f.studentsA[0].uuidString.lowercased())
            let registration = try #require(l.parameters["registration"])

            // The fetch URL answers once (cmi5 8.2.3: a second POST is an error).
            let (again, againBody) = try await CourseRequests.send(app, .POST, CourseRequests.path(l.parameters["fetch"] ?? ""))
            #expect(again == .badRequest)
            #expect(CourseRequests.object(againBody)["error-code"]?.stringValue == "1")

            // LMS.LaunchData, read with the session's token.
            let agent = l.parameters["actor"]?.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let activity = l.parameters["activityId"]?.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let (ss, state) = try await CourseRequests.send(app, .GET, "xapi/activities/state?stateId=LMS.LaunchData&activityId=\(activity)&agent=\(agent)&registration=\(registration)",
                                                            headers: CourseRequests.xapiHeaders(l.authToken))
            #expect(ss == .ok, "\(state)")
            let data = CourseRequests.object(state)
            #expect(data["launchMode"]?.stringValue == "Normal")
            #expect(data["moveOn"]?.stringValue == "Completed")
            #expect(data["returnURL"]?.stringValue?.hasSuffix("/courses/\(course.lowercased())") == true)
            #expect(data["contextTemplate"]?["extensions"]?["https://w3id.org/xapi/cmi5/context/extensions/sessionid"]?.stringValue == l.session)
            #expect(data["contextTemplate"]?["contextActivities"]?["grouping"]?.arrayValue?.first?["id"]?.stringValue == au)
            // Another agent's state is not this session's.
            let stranger = #"{"objectType":"Agent","account":{"homePage":"https://example.org","name":"x"}}"#.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            #expect(try await CourseRequests.send(app, .GET, "xapi/activities/state?stateId=LMS.LaunchData&activityId=\(activity)&agent=\(stranger)&registration=\(registration)",
                                                  headers: CourseRequests.xapiHeaders(l.authToken)).0 == .badRequest)

            // The session rules: completed before initialized is refused; another actor too.
            let early = try await post(app, l, statement(l, Self.verbs.completed, result: #"{"completion":true,"duration":"PT1M"}"#, moveOn: true, auID: au))
            #expect(early.0 == .badRequest)
            #expect(early.1.contains("initialized"))
            let other = #"{"objectType":"Agent","account":{"homePage":"https://example.org","name":"someone"}}"#
            #expect(try await post(app, l, statement(l, Self.verbs.initialized, actor: other, auID: au)).0 == .badRequest)
            // A wrong token is 401.
            #expect(try await CourseRequests.send(app, .POST, "xapi/statements", headers: CourseRequests.xapiHeaders(Data("cmi5-nothing:nothing".utf8).base64EncodedString()),
                                                  body: Data(statement(l, Self.verbs.initialized, auID: au).utf8), contentType: "application/json").0 == .unauthorized)

            // As an AU: initialized, completed, terminated.
            #expect(try await post(app, l, statement(l, Self.verbs.initialized, auID: au)).0 == .ok)
            let (cs, cb) = try await post(app, l, statement(l, Self.verbs.completed, result: #"{"completion":true,"duration":"PT2M"}"#, moveOn: true, auID: au))
            #expect(cs == .ok, "\(cb)")
            // completed twice in a registration is refused (cmi5 9.3).
            #expect(try await post(app, l, statement(l, Self.verbs.completed, result: #"{"completion":true,"duration":"PT2M"}"#, moveOn: true, auID: au)).0 == .badRequest)
            #expect(try await post(app, l, statement(l, Self.verbs.terminated, result: #"{"duration":"PT3M"}"#, auID: au)).0 == .ok)

            // The LRS holds the LMS's launched and satisfied statements with the AU's.
            let verbs = try await lrsVerbs(app, registration: registration)
            #expect(verbs.first == "http://adlnet.gov/expapi/verbs/launched")
            #expect(verbs.filter { $0 == "https://w3id.org/xapi/adl/verbs/satisfied" }.count == 2, "block and course: \(verbs)")
            #expect(verbs.contains(Self.verbs.completed) && verbs.contains(Self.verbs.terminated))
            // The course shows satisfied to the learner.
            let (_, detail) = try await CourseRequests.api(app, .GET, "courses/\(course)", f.token(.learner))
            let shown = CourseRequests.object(detail)
            #expect(shown["enrolment"]?["satisfied"] == .bool(true), "\(detail)")
            #expect(shown["aus"]?.arrayValue?.first?["satisfied"] == .bool(true))
            let (_, page) = try await CourseRequests.send(app, .GET, "courses/\(course)", headers: .bearer(f.token(.learner)))
            #expect(page.contains("course-status") && page.contains("课程已完成"))
        }
    }

    @Test func passedBelowTheMasteryScoreIsRefusedAndPassedAtItSatisfies() async throws {
        try await withFixture { app, f in
            let course = try await importAndEnrol(app, f, package: "001-essentials")
            let au = "https://w3id.org/xapi/cmi5/catapult/lts/au/001-essentials"
            let l = try await launch(app, f, course: course)
            #expect(try await post(app, l, statement(l, Self.verbs.initialized, auID: au)).0 == .ok)
            // masteryScore 0.9: passed at 0.5 breaks 9.3.4.
            let low = try await post(app, l, statement(l, Self.verbs.passed, result: #"{"success":true,"score":{"scaled":0.5},"duration":"PT1M"}"#, moveOn: true, auID: au))
            #expect(low.0 == .badRequest)
            #expect(low.1.contains("9.3.4"))
            #expect(try await post(app, l, statement(l, Self.verbs.passed, result: #"{"success":true,"score":{"scaled":0.95},"duration":"PT1M"}"#, moveOn: true, auID: au)).0 == .ok)
            // CompletedAndPassed: passed alone does not satisfy.
            var (_, detail) = try await CourseRequests.api(app, .GET, "courses/\(course)", f.token(.learner))
            #expect(CourseRequests.object(detail)["enrolment"]?["satisfied"] == .bool(false))
            #expect(try await post(app, l, statement(l, Self.verbs.completed, result: #"{"completion":true,"duration":"PT1M"}"#, moveOn: true, auID: au)).0 == .ok)
            (_, detail) = try await CourseRequests.api(app, .GET, "courses/\(course)", f.token(.learner))
            #expect(CourseRequests.object(detail)["enrolment"]?["satisfied"] == .bool(true))
        }
    }

    @Test func launchingAgainAbandonsTheOpenSessionAndItsTokenStopsWorking() async throws {
        try await withFixture { app, f in
            let course = try await importAndEnrol(app, f, package: "008-1-abandoned")
            let au = "https://w3id.org/xapi/cmi5/catapult/lts/au/008-1-abandoned"
            let first = try await launch(app, f, course: course)
            #expect(try await post(app, first, statement(first, Self.verbs.initialized, auID: au)).0 == .ok)
            let unused = try await launch(app, f, course: course, fetch: false)
            // The first session is abandoned: the LMS wrote it, and the AU may send nothing more.
            let verbs = try await lrsVerbs(app, registration: first.parameters["registration"] ?? "")
            #expect(verbs.contains("https://w3id.org/xapi/adl/verbs/abandoned"), "\(verbs)")
            #expect(try await post(app, first, statement(first, Self.verbs.terminated, result: #"{"duration":"PT1M"}"#, auID: au)).0 == .badRequest)
            // The second launch's fetch URL is refused once a third launch abandons it.
            _ = try await launch(app, f, course: course, fetch: false)
            let (status, body) = try await CourseRequests.send(app, .POST, CourseRequests.path(unused.parameters["fetch"] ?? ""))
            #expect(status == .badRequest)
            #expect(CourseRequests.object(body)["error-code"]?.stringValue == "2")
            // Someone not enrolled cannot launch.
            #expect(try await CourseRequests.api(app, .POST, "courses/\(course)/aus/1/launch", f.token(.teacher)).0 == .conflict)
        }
    }
}
