@testable import App
import Fluent
import Foundation
import Registry
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Courses from cmi5 packages (issue 16, items 2 and 3): CATAPULT's valid packages import as
/// courses, every invalid one is refused with its reason in both languages, and a course is
/// seen only by those it is for (anyone else: 404). On SQLite, and on PostgreSQL when
/// `DATABASE_URL` is set.
@Suite("Courses: cmi5 packages imported or refused with the reason; who sees a course", .enabled(if: CourseCatapult.available, "needs ../shared/reference/cmi5-catapult"))
struct CourseImportTests {
    @Test func catapultsValidPackagesImportAsCourses() async throws {
        try await withFixture { app, f in
            let teacher = f.token(.teacher)
            let names = ["001-essentials", "002-allowed", "003-launchMethod-OwnWindow", "004-1-moveOn-Completed", "004-2-moveOn-CompletedOrPassed",
                         "004-3-moveOn-Passed", "004-4-moveOn-CompletedOrPassed", "004-5-moveOn-NotApplicable", "005-1-invalid-au", "005-2-invalid-au",
                         "006-launchMode", "007-1-multi-session", "007-2-multi-session", "008-1-abandoned", "009-1-waived"]
            for name in names {
                let (status, body, id) = try await CourseRequests.importCourse(app, teacher, try CourseCatapult.zip(name), query: "fileName=\(name).zip")
                #expect(status == .created, "\(name): \(body)")
                #expect(id != nil, "\(name)")
                #expect(CourseRequests.object(body)["course"]?["publisherId"]?.stringValue == "https://w3id.org/xapi/cmi5/catapult/lts/course/\(name)", "\(name)")
            }
            // 101: a structure XML of 1,001 AUs with absolute urls.
            let (status, body, id) = try await CourseRequests.importCourse(app, teacher, try CourseCatapult.file("101-one-thousand-aus.xml"), contentType: "application/xml")
            #expect(status == .created, "\(body.prefix(300))")
            let course = try #require(id)
            #expect(try await app.sql.raw("SELECT COUNT(*) AS n FROM course_aus a JOIN courses c ON c.current_version_id = a.version_id WHERE c.id = \(bind: UUID(uuidString: course))")
                .first()?.decode(column: "n", as: Int.self) == 1001)
            #expect(try await app.sql.raw("SELECT COUNT(*) AS n FROM courses").first()?.decode(column: "n", as: Int.self) == names.count + 1)
            // Each import audited.
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "courses").filter(\.$action == "import").count() == names.count + 1)
        }
    }

    @Test func catapultsInvalidPackagesAreRefusedWithTheReason() async throws {
        try await withFixture { app, f in
            let teacher = f.token(.teacher)
            var cases: [(String, Data, String)] = []
            for name in ["201-1-iris-course-id.xml", "201-2-iris-block-id.xml", "201-3-iris-au-id.xml", "201-4-iris-objective-id.xml",
                         "202-1-relative-url-no-zip.xml", "202-2-relative-url-no-zip.xml", "202-3-relative-url-no-zip.xml", "202-4-relative-url-no-zip.xml",
                         "202-5-relative-url-no-zip.xml", "204-query-string-conflict-endpoint.xml", "205-1-duplicated-block.xml", "205-2-duplicated-objective.xml",
                         "205-3-duplicated-au.xml", "206-1-invalid-au-url.xml", "207-1-invalid-courseStructure.xml"] {
                cases.append((name, try CourseCatapult.file(name), "application/xml"))
            }
            cases.append(("203-1-relative-url-no-reference", try CourseCatapult.zip("203-1-relative-url-no-reference"), "application/zip"))
            cases.append(("210-1-no-cmi5-xml", try CourseCatapult.zip("210-1-no-cmi5-xml"), "application/zip"))
            cases.append(("208-1-invalid-package.md", try CourseCatapult.file("208-1-invalid-package.md"), "text/markdown"))
            cases.append(("209-1-not-a-zip.zip", try CourseCatapult.file("209-1-not-a-zip.zip"), "application/zip"))
            for (name, data, type) in cases {
                let (status, body, _) = try await CourseRequests.importCourse(app, teacher, data, contentType: type)
                #expect(status == .unprocessableEntity, "\(name): \(body.prefix(300))")
                // The reason, naming the package field, in Chinese and English.
                #expect(body.contains("\"package\""), "\(name): \(body.prefix(300))")
                #expect(body.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(name) has a Chinese reason")
            }
            #expect(try await app.sql.raw("SELECT COUNT(*) AS n FROM courses").first()?.decode(column: "n", as: Int.self) == 0)
            // The reasons differ by package: a duplicated AU names its id.
            let (_, duplicated, _) = try await CourseRequests.importCourse(app, teacher, try CourseCatapult.file("205-3-duplicated-au.xml"), contentType: "application/xml")
            #expect(duplicated.contains("13.1.4.0-1") || duplicated.lowercased().contains("duplicate"), "\(duplicated.prefix(400))")
        }
    }

    /// The import page refused: what was typed comes back with each reason by its field, in the
    /// page's language, and nothing is imported.
    @Test func theImportPageKeepsWhatWasTypedWhenRefused() async throws {
        try await withFixture { app, _ in
            var teacher = try await PageBrowser.signIn(app, "test-teacher")
            _ = try await teacher.get("courses/import")
            let (status, page) = try await teacher.upload("courses/import", field: "package", fileName: "essentials.zip", data: try CourseCatapult.zip("001-essentials"),
                                                          ["title": "数控加工（班级课）", "kind": "class", "programCode": "460103", "enrolmentYear": "明年"])
            #expect(status == .unprocessableEntity)
            #expect(page.contains(##"href="#course-year""##) && page.contains("入学年份应为 2000–2100 之间的年份") && !page.contains("must be a year"))
            #expect(page.contains(#"value="明年""#) && page.contains(#"value="数控加工（班级课）""#) && page.contains(#"value="460103""#))
            #expect(page.contains(#"<option value="class" label="班级课（本校班级）" selected"#))
            #expect(!page.contains("enrolmentYear："))
            let (refused, notAPackage) = try await teacher.upload("courses/import", field: "package", fileName: "notes.zip", data: Data("not a zip".utf8), ["title": "笔记"])
            #expect(refused == .unprocessableEntity)
            #expect(notAPackage.contains(##"href="#course-package""##) && notAPackage.contains(#"value="笔记""#) && !notAPackage.contains("package："))
            #expect(try await app.count("courses") == 0)
        }
    }

    @Test func aCourseIsSeenOnlyByThoseItIsFor() async throws {
        try await withFixture { app, f in
            let teacher = f.token(.teacher), learner = f.token(.learner), enterprise = f.token(.enterprise)
            let zip = try CourseCatapult.zip("004-1-moveOn-Completed")
            // A learner, an enterprise may not import.
            #expect(try await CourseRequests.importCourse(app, learner, zip).0 == .forbidden)
            #expect(try await CourseRequests.importCourse(app, enterprise, zip).0 == .forbidden)
            let (s1, _, open) = try await CourseRequests.importCourse(app, teacher, zip, query: "title=%E5%85%AC%E5%BC%80%E8%AF%BE")
            let (s2, _, mine) = try await CourseRequests.importCourse(app, teacher, zip, query: "kind=class&programCode=\(f.programA)&enrolmentYear=2024")
            let (s3, _, other) = try await CourseRequests.importCourse(app, teacher, zip, query: "kind=class&programCode=999999&enrolmentYear=2024")
            #expect([s1, s2, s3] == [.created, .created, .created])
            let openID = try #require(open), mineID = try #require(mine), otherID = try #require(other)
            // The learner sees the open course and their class's, not another class's.
            let (_, list) = try await CourseRequests.api(app, .GET, "courses", learner)
            #expect(list.contains(openID) && list.contains(mineID))
            #expect(!list.contains(otherID))
            #expect(try await CourseRequests.api(app, .GET, "courses/\(otherID)", learner).0 == .notFound)
            #expect(try await CourseRequests.api(app, .POST, "courses/\(otherID)/enrolment", learner).0 == .notFound)
            #expect(try await CourseRequests.api(app, .POST, "courses/\(mineID)/enrolment", learner).0 == .created)
            #expect(try await CourseRequests.api(app, .POST, "courses/\(mineID)/enrolment", learner).0 == .ok)
            // An enterprise sees none; a teacher may not enrol.
            #expect(try await CourseRequests.api(app, .GET, "courses/\(openID)", enterprise).0 == .notFound)
            #expect(try await CourseRequests.api(app, .POST, "courses/\(openID)/enrolment", teacher).0 == .forbidden)
            // A teacher adds a version; the learner may not.
            #expect(try await CourseRequests.send(app, .POST, "api/v1/courses/\(mineID)/versions", headers: .bearer(learner), body: zip, contentType: "application/zip").0 == .forbidden)
            let (sv, version) = try await CourseRequests.send(app, .POST, "api/v1/courses/\(mineID)/versions", headers: .bearer(teacher), body: zip, contentType: "application/zip")
            #expect(sv == .created, "\(version)")
            #expect(version.contains(#""version":2"#))
        }
    }
}
