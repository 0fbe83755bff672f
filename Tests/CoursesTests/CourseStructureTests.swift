import Courses
import Foundation
import Testing

@Suite("cmi5 course structure rules")
struct CourseStructureTests {
    static func xml(au: String = #"<au id="https://example.cn/au/1"><title><langstring lang="zh-CN">第一单元</langstring></title><description><langstring>说明</langstring></description><url>https://content.example.cn/1.html</url></au>"#, objectives: String = "") -> Data {
        Data("""
        <?xml version="1.0" encoding="utf-8"?>
        <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd" xmlns:ext="https://example.cn/ext">
          <course id="https://example.cn/course/1"><title><langstring lang="zh-CN">课程</langstring><langstring lang="en">Course</langstring></title><description><langstring>描述</langstring></description><ext:note>vendor</ext:note></course>
          \(objectives)
          \(au)
        </courseStructure>
        """.utf8)
    }

    static func refusal(_ data: Data) -> CMI5Error? {
        do { _ = try CoursePackage.read(data); return nil } catch { return error }
    }

    @Test func parsesLangstringsAndSkipsVendorElements() throws {
        let structure = try CoursePackage.read(Self.xml()).structure
        #expect(structure.course.title.text(preferring: "en-US") == "Course")
        #expect(structure.course.title.text(preferring: "zh") == "课程")
        #expect(structure.assignableUnits.first?.title.strings == [LangString(lang: "zh-CN", text: "第一单元")])
    }

    @Test(arguments: ["1.5", "-0.1", "abc", "0.12345", ""])
    func masteryScoreOutsideItsValueSpace(value: String) {
        let au = #"<au id="https://example.cn/au/1" masteryScore="\#(value)"><title><langstring>a</langstring></title><description><langstring>b</langstring></description><url>https://x.cn/a</url></au>"#
        guard case .invalidValue("masteryScore", "au", _, _) = Self.refusal(Self.xml(au: au)) else { Issue.record("accepted \(value)"); return }
    }

    @Test(arguments: ["0", "1", "0.75", "1.0000", "0.8125"])
    func masteryScoreInRange(value: String) throws {
        let au = #"<au id="https://example.cn/au/1" masteryScore="\#(value)"><title><langstring>a</langstring></title><description><langstring>b</langstring></description><url>https://x.cn/a</url></au>"#
        #expect(try CoursePackage.read(Self.xml(au: au)).structure.assignableUnits.first?.masteryScore == Decimal(string: value))
    }

    @Test func moveOnAndLaunchMethodValueSpaces() {
        let au = #"<au id="https://example.cn/au/1" moveOn="Finished"><title><langstring>a</langstring></title><description><langstring>b</langstring></description><url>https://x.cn/a</url></au>"#
        guard case .invalidValue("moveOn", "au", "Finished", _) = Self.refusal(Self.xml(au: au)) else { Issue.record("accepted"); return }
        let au2 = #"<au id="https://example.cn/au/1" launchMethod="Popup"><title><langstring>a</langstring></title><description><langstring>b</langstring></description><url>https://x.cn/a</url></au>"#
        guard case .invalidValue("launchMethod", "au", "Popup", _) = Self.refusal(Self.xml(au: au2)) else { Issue.record("accepted"); return }
    }

    @Test func everyReservedLaunchParameterIsRefused() {
        for name in ["endpoint", "fetch", "actor", "registration", "activityId"] {
            let au = #"<au id="https://example.cn/au/1"><title><langstring>a</langstring></title><description><langstring>b</langstring></description><url>https://x.cn/a?x=1&amp;\#(name)=2</url></au>"#
            #expect(Self.refusal(Self.xml(au: au)) == .reservedLaunchParameter(au: "https://example.cn/au/1", name: name))
        }
    }

    @Test func objectiveReferencesMustResolve() {
        let objectives = #"<objectives><objective id="https://example.cn/obj/1"><title><langstring>t</langstring></title><description><langstring>d</langstring></description></objective></objectives>"#
        let au = #"<au id="https://example.cn/au/1"><title><langstring>a</langstring></title><description><langstring>b</langstring></description><objectives><objective idref="https://example.cn/obj/2"/></objectives><url>https://x.cn/a</url></au>"#
        #expect(Self.refusal(Self.xml(au: au, objectives: objectives)) == .unknownObjective(idref: "https://example.cn/obj/2", element: "au"))
    }

    @Test func aBlockAndAnAUMayNotShareAnID() {
        let au = #"<block id="https://example.cn/x"><title><langstring>a</langstring></title><description><langstring>b</langstring></description><au id="https://example.cn/x"><title><langstring>a</langstring></title><description><langstring>b</langstring></description><url>https://x.cn/a</url></au></block>"#
        #expect(Self.refusal(Self.xml(au: au)) == .duplicateID(element: "au", id: "https://example.cn/x"))
    }

    @Test func hostileXMLIsRefused() {
        let bomb = Data(#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">&lol;</courseStructure>"#.utf8)
        guard case .unsafeXML = Self.refusal(bomb) else { Issue.record("DTD accepted"); return }
        let wrongRoot = Data(#"<course xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"/>"#.utf8)
        guard case .notACourseStructure = Self.refusal(wrongRoot) else { Issue.record("accepted"); return }
        let noNamespace = Data(#"<courseStructure><course id="https://x.cn"/></courseStructure>"#.utf8)
        guard case .notACourseStructure = Self.refusal(noNamespace) else { Issue.record("accepted"); return }
        let deep = Data(("<courseStructure xmlns=\"https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd\">" + String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100) + "</courseStructure>").utf8)
        #expect(Self.refusal(deep) == .tooDeep(limit: 64))
    }

    @Test func relativeURLsInAZip() throws {
        let au = #"<au id="https://example.cn/au/1"><title><langstring>a</langstring></title><description><langstring>b</langstring></description><url>./lesson%201/index.html?x=1#top</url></au>"#
        let ok = TestZip.make([("cmi5.xml", Self.xml(au: au)), ("lesson 1/index.html", Data())])
        #expect(try CoursePackage.read(ok).files == ["cmi5.xml", "lesson 1/index.html"])
        let climbing = #"<au id="https://example.cn/au/1"><title><langstring>a</langstring></title><description><langstring>b</langstring></description><url>../index.html</url></au>"#
        let out = TestZip.make([("cmi5.xml", Self.xml(au: climbing)), ("index.html", Data())])
        #expect(Self.refusal(out) == .urlOutsidePackage(au: "https://example.cn/au/1", url: "../index.html"))
        let traversal = TestZip.make([("cmi5.xml", Self.xml()), ("../evil.html", Data())])
        guard case .unreadableArchive = Self.refusal(traversal) else { Issue.record("entry outside the root accepted"); return }
    }

    @Test func cmi5XMLMustBeAtTheRoot() {
        let nested = TestZip.make([("course/cmi5.xml", Self.xml())])
        #expect(Self.refusal(nested) == .missingCourseStructure)
    }
}
