import Foundation
import Registry
import Testing
@testable import CreditBank

@Suite struct AssessmentTests {
    @Test func bothPartsMustPassAndAPassIsACertificate() throws {
        let session = AssessmentSession(bodyName: "深圳市职业技能鉴定中心", certificateCode: "1X-WEB-M", title: "Web前端开发（中级）", level: LevelRef("gd-lqf", 4),
                                        heldOn: day("2024-02-29"), validityYears: 3, passMark: PassMark(theory: 60, practical: 70))
        #expect(session.passMark.passes(theory: 60, practical: 70))
        #expect(!session.passMark.passes(theory: 95, practical: 69))
        #expect(!session.passMark.passes(theory: 59, practical: 100))
        let certificate = session.certificate(for: learnerA, score: 72)
        #expect(certificate.kind == .skillLevelCertificate && certificate.code == "1X-WEB-M" && certificate.issuer == "深圳市职业技能鉴定中心")
        #expect(certificate.validUntil == day("2027-02-28"))   // 29 February falls back to the 28th
        #expect(certificate.level == LevelRef("gd-lqf", 4) && certificate.awardedOn == day("2024-02-29"))
    }
}
