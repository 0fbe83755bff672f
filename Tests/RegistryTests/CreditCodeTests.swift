import Testing
@testable import Registry

@Suite("统一社会信用代码 GB 32100")
struct CreditCodeTests {
    @Test(arguments: ["91350100M000100Y43", "914403001922038216"])
    func realCodesAreValid(code: String) throws {
        #expect(try UnifiedSocialCreditCode(code).value == code)
    }

    @Test func theDivisionCodeIsReadFromPositions3To8() throws {
        #expect(try UnifiedSocialCreditCode("914403001922038216").divisionCode == "440300")
    }

    @Test(arguments: [
        ("91440300192203821", UnifiedSocialCreditCode.Problem.length),
        ("91440300192203821I", .characters),
        ("914403001922038226", .organisationCheck(expected: "1")),
        ("914403001922038217", .checkCharacter(expected: "6")),
    ])
    func badCodesAreRefusedWithTheReason(code: String, problem: UnifiedSocialCreditCode.Problem) {
        #expect(throws: problem) { try UnifiedSocialCreditCode(code) }
    }

    @Test func errorsNameTheFieldInBothLanguages() {
        let error = UnifiedSocialCreditCode.Problem.length.fieldError("creditCode")
        #expect(error.field == "creditCode")
        #expect(error.reasonZh.contains("18"))
        #expect(error.reasonEn.contains("18"))
    }
}
