import Courses
import Foundation
import Testing

/// CATAPULT's LMS test suite, package import: 001–009, 101 and 102 import; every 2xx is refused
/// with its reason (lts/procedure.md, "Package Import Verification").
@Suite("CATAPULT packages", .enabled(if: Catapult.available, "needs ../shared/reference/cmi5-catapult"))
struct CatapultPackageTests {
    // MARK: - Valid packages (001–009)

    @Test func c001_essentials() throws {
        let package = try CoursePackage.read(Catapult.zip("001-essentials"), contentType: "application/zip")
        #expect(package.isZip)
        #expect(package.structure.course.id == "https://w3id.org/xapi/cmi5/catapult/lts/course/001-essentials")
        #expect(package.structure.course.title.text(preferring: "en") == "CATAPULT LMS Test Course: 001 Essentials")
        #expect(package.structure.blocks.map(\.id) == ["https://w3id.org/xapi/cmi5/catapult/lts/block/001-essentials"])
        let au = try #require(package.structure.assignableUnits.first)
        #expect(package.structure.assignableUnits.count == 1)
        #expect(au.id == "https://w3id.org/xapi/cmi5/catapult/lts/au/001-essentials")
        #expect(au.moveOn == .completedAndPassed)
        #expect(au.masteryScore == Decimal(string: "0.9"))
        #expect(au.launchMethod == .anyWindow)
        // The CDATA url and the other values are trimmed (§13.1).
        #expect(au.url == "index.html?paramA=1&paramB=2")
        #expect(au.launchParameters == "sample string")
        #expect(au.entitlementKey == "sample value")
        #expect(package.files.contains("index.html"))
    }

    @Test func c002_allowed() throws {
        let structure = try CoursePackage.read(Catapult.zip("002-allowed")).structure
        #expect(structure.blocks.isEmpty)
        #expect(structure.assignableUnits.map(\.moveOn) == [.completedOrPassed])
        #expect(structure.assignableUnits.first?.masteryScore == nil)
        #expect(structure.assignableUnits.first?.launchMethod == .anyWindow)
    }

    @Test func c003_launchMethodOwnWindow() throws {
        let au = try #require(CoursePackage.read(Catapult.zip("003-launchMethod-OwnWindow")).structure.assignableUnits.first)
        #expect(au.launchMethod == .ownWindow)
    }

    @Test(arguments: [
        ("004-1-moveOn-Completed", MoveOn.completed),
        ("004-2-moveOn-CompletedOrPassed", .completedOrPassed),
        ("004-3-moveOn-Passed", .passed),
        ("004-4-moveOn-CompletedOrPassed", .completedOrPassed),
        ("004-5-moveOn-NotApplicable", .notApplicable),
    ])
    func c004_moveOn(name: String, moveOn: MoveOn) throws {
        let structure = try CoursePackage.read(Catapult.zip(name)).structure
        #expect(structure.assignableUnits.map(\.moveOn) == [moveOn])
        #expect(structure.blocks.count == 1)
    }

    @Test(arguments: ["005-1-invalid-au", "005-2-invalid-au", "006-launchMode", "007-1-multi-session", "007-2-multi-session", "008-1-abandoned", "009-1-waived"])
    func c005to009_runtimePackagesImport(name: String) throws {
        let package = try CoursePackage.read(Catapult.zip(name))
        #expect(package.structure.assignableUnits.count == 1)
        #expect(package.structure.assignableUnits.allSatisfy { !$0.hasAbsoluteURL })
    }

    // MARK: - Large and ZIP64 (101, 102)

    @Test func c101_oneThousandAUs() throws {
        let package = try CoursePackage.read(Catapult.file("101-one-thousand-aus.xml"), contentType: "application/xml")
        #expect(!package.isZip)
        // "More than 1000 AUs" (§6.1): the file holds 1,001.
        #expect(package.structure.assignableUnits.count == 1001)
        #expect(Set(package.structure.assignableUnits.map(\.id)).count == 1001)
    }

    @Test func c102_zip64() throws {
        let data = try Catapult.zip("102-zip64", zip64: true)
        let package = try CoursePackage.read(data, contentType: "application/zip")
        #expect(package.structure.course.id == "https://w3id.org/xapi/cmi5/catapult/lts/course/102-zip64")
        #expect(package.structure.assignableUnits.map(\.url) == ["index.html"])
    }

    // MARK: - Refused packages (2xx)

    @Test(arguments: [
        ("201-1-iris-course-id.xml", "course"),
        ("201-2-iris-block-id.xml", "block"),
        ("201-3-iris-au-id.xml", "au"),
    ])
    func c201_idsMustBeIRIs(file: String, element: String) throws {
        let error = try refused(Catapult.file(file))
        #expect(error.issues.contains { if case .notAnIRI("id", element, _, _) = $0 { true } else { false } })
        // The url is relative too; zipped with its index.html only the id is left to refuse.
        let zipped = try refused(TestZip.make([("cmi5.xml", Catapult.file(file)), ("index.html", Data())]))
        #expect(zipped.issues.count == 1)
        #expect(zipped.requirement == "3.0.0.0-1")
    }

    @Test func c201_4_objectiveIDMustBeAnIRI() throws {
        let error = try refused(Catapult.file("201-4-iris-objective-id.xml"))
        #expect(error.issues.contains { if case .notAnIRI("id", "objective", _, _) = $0 { true } else { false } })
        #expect(error.issues.contains { if case .notAnIRI("idref", _, _, _) = $0 { true } else { false } })
    }

    @Test(arguments: [
        ("202-1-relative-url-no-zip.xml", "index.html"),
        ("202-2-relative-url-no-zip.xml", "path/1/index.html"),
        ("202-3-relative-url-no-zip.xml", "index.html?abc=def"),
        ("202-4-relative-url-no-zip.xml", "path/1/index.html?abc=def"),
        ("202-5-relative-url-no-zip.xml", "/index.html"),
    ])
    func c202_relativeURLWithoutZip(file: String, url: String) throws {
        let error = try refused(Catapult.file(file))
        #expect(error.issues == [.relativeURLWithoutPackage(au: "https://w3id.org/xapi/cmi5/catapult/lts/au/\(file.dropLast(4))", url: url)])
        #expect(error.requirement == "14.2.0.0-1")
    }

    @Test func c203_1_relativeURLNamesNoFileInTheZip() throws {
        let error = try refused(Catapult.zip("203-1-relative-url-no-reference"))
        #expect(error == .urlNotInPackage(au: "https://w3id.org/xapi/cmi5/catapult/lts/au/203-1-relative-url-no-reference", path: "not-found.html"))
        #expect(error.requirement == "14.1.0.0-4")
    }

    @Test func c204_queryStringConflictEndpoint() throws {
        let xml = try Catapult.file("204-query-string-conflict-endpoint.xml")
        let error = try refused(xml)
        #expect(error.issues.contains(.reservedLaunchParameter(au: "https://w3id.org/xapi/cmi5/catapult/lts/au/204-query-string-conflict-endpoint", name: "endpoint")))
        // The same structure in a ZIP with its index.html is refused for the conflict alone.
        let zipped = TestZip.make([("cmi5.xml", xml), ("index.html", Data("<html></html>".utf8))])
        let inZip = try refused(zipped)
        #expect(inZip.issues.count == 1)
        #expect(inZip.requirement == "8.1.0.0-5")
    }

    @Test func c205_1_duplicatedBlock() throws {
        let error = try refused(Catapult.file("205-1-duplicated-block.xml"))
        #expect(error.issues == [.duplicateID(element: "block", id: "https://w3id.org/xapi/cmi5/catapult/lts/block/205-1-duplicated-block")])
    }

    @Test func c205_2_duplicatedObjective() throws {
        let error = try refused(Catapult.file("205-2-duplicated-objective.xml"))
        #expect(error.issues.first == .duplicateID(element: "objective", id: "http://w3id.org/xapi/cmi5/catapult/lts/objective/205-2-duplicated-objective"))
    }

    @Test func c205_3_duplicatedAU() throws {
        let error = try refused(Catapult.file("205-3-duplicated-au.xml"))
        #expect(error.issues == [.duplicateID(element: "au", id: "https://w3id.org/xapi/cmi5/catapult/lts/au/205-3-duplicated-au")])
    }

    @Test func c206_1_invalidAUURL() throws {
        let error = try refused(Catapult.file("206-1-invalid-au-url.xml"))
        guard case let .invalidURL(_, url, _) = error else { Issue.record("expected invalidURL, got \(error)"); return }
        #expect(url == "http://example.com index.html")
        #expect(error.requirement == "13.1.4.0-2")
    }

    @Test func c207_1_invalidCourseStructure() throws {
        let error = try refused(Catapult.file("207-1-invalid-courseStructure.xml"))
        #expect(error == .unexpectedElement(element: "url", inside: "au", expected: "<title>"))
    }

    @Test func c208_1_markdownIsNotAPackage() throws {
        let markdown = try Catapult.file("208-1-invalid-package.md")
        guard case .notAPackage = try refused(markdown, contentType: "text/markdown") else { Issue.record("expected notAPackage"); return }
        guard case .notAPackage = try refused(markdown) else { Issue.record("expected notAPackage"); return }
    }

    @Test func c209_1_notAZip() throws {
        let error = try refused(Catapult.file("209-1-not-a-zip.zip"), contentType: "application/zip")
        guard case .notAPackage = error else { Issue.record("expected notAPackage, got \(error)"); return }
        // Bytes that start like a ZIP but are not one.
        let fake = Data([0x50, 0x4B, 0x03, 0x04]) + Data(repeating: 0, count: 40)
        guard case .notAPackage = try refused(fake) else { Issue.record("expected notAPackage"); return }
    }

    @Test func c210_1_noCmi5XML() throws {
        #expect(try refused(Catapult.zip("210-1-no-cmi5-xml")) == .missingCourseStructure)
    }

    func refused(_ data: Data, contentType: String? = nil) throws -> CMI5Error {
        do {
            _ = try CoursePackage.read(data, contentType: contentType)
        } catch {
            #expect(!error.messageZh.isEmpty && !error.messageEn.isEmpty)
            return error
        }
        Issue.record("the package was imported")
        throw CancellationError()
    }
}
