import Foundation
@testable import Registry
import Testing

/// Messages speak one language at a time: the Chinese one has no English list name in it, the
/// English one no Chinese (issue 19: "不在性别 sex中").
@Suite("Field errors in one language")
struct FieldErrorLanguageTests {
    static func hasChinese(_ text: String) -> Bool { text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
    static func hasLatin(_ text: String) -> Bool { text.contains { $0.isASCII && $0.isLetter } }

    @Test(arguments: [Sex.listName, StudentOrigin.listName, InstitutionKind.listName, "深圳市行政区划代码 district code",
                      "职业教育专业目录（2021）program catalogue", "产业集群 industry cluster"])
    func aBilingualListNameIsSplitByLanguage(list: String) {
        let error = FieldError.notInList("f", value: "x", list: list)
        // The value quoted is the person's own ("x"), so look at the rest.
        #expect(!Self.hasLatin(error.reasonZh.replacingOccurrences(of: "“x”", with: "")), "\(error.reasonZh)")
        #expect(!Self.hasChinese(error.reasonEn), "\(error.reasonEn)")
    }

    @Test func aListNameInOneScriptStaysWhole() {
        #expect(FieldError.languages(of: "GB/T 4754-2017") == ("GB/T 4754-2017", "GB/T 4754-2017"))
        #expect(FieldError.languages(of: "student/enterprise") == ("student/enterprise", "student/enterprise"))
        #expect(FieldError.languages(of: "性别 sex") == ("性别", "sex"))
    }
}
