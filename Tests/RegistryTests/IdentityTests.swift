import Foundation
import Testing
@testable import Registry

@Suite("Identity numbers")
struct IdentityTests {
    let today = CivilDate(year: 2026, month: 11, day: 24)!.endOfDayInChina

    @Test func theStandardsOwnExampleIsValid() throws {
        // GB 11643-1999's worked example
        let id = try ResidentIDNumber("11010519491231002X", today: today)
        #expect(id.birthDate == CivilDate(year: 1949, month: 12, day: 31))
        #expect(id.sex == .female)
        #expect(id.divisionCode == "110105")
        // a lower-case x is accepted and normalised
        #expect(try ResidentIDNumber("11010519491231002x", today: today).value == "11010519491231002X")
    }

    @Test(arguments: [
        ("11010519491231002", ResidentIDNumber.Problem.length),
        ("1101051949123100AX", .characters),
        ("99010519491231002X", .province),
        ("110105194902300021", .birthDate),
        ("110105189912310021", .birthDate),
        ("110105203012310023", .futureBirthDate),
        ("110105194912310021", .checkCharacter(expected: "X")),
    ])
    func badNumbersAreRefusedWithTheReason(text: String, problem: ResidentIDNumber.Problem) {
        #expect(throws: problem) { try ResidentIDNumber(text, today: today) }
    }

    @Test func everyCheckCharacterIsComputedByMOD11_2() {
        // Changing any one of the first 17 digits changes the check character.
        let body = "44030520060101123"
        let digits = body.compactMap(\.wholeNumberValue)
        let check = ResidentIDNumber.checkCharacter(for: digits)
        for i in 0..<17 {
            var changed = digits
            changed[i] = (changed[i] + 1) % 10
            #expect(ResidentIDNumber.checkCharacter(for: changed) != check, "digit \(i)")
        }
    }

    @Test func hongKongCardsUseTheirCheckDigit() throws {
        #expect(try HongKongIdentityCard("A123456(3)").value == "A123456(3)")
        #expect(try HongKongIdentityCard("a1234563").value == "A123456(3)")
        #expect(HongKongIdentityCard.checkCharacter(for: "AB987654") == HongKongIdentityCard.checkCharacter(for: "AB987654"))
        #expect(throws: HongKongIdentityCard.Problem.checkCharacter(expected: "3")) { try HongKongIdentityCard("A123456(4)") }
        #expect(throws: HongKongIdentityCard.Problem.format) { try HongKongIdentityCard("1234567(8)") }
    }

    @Test func documentsByKind() {
        guard case .success(let macau) = IdentityDocument.validate(kind: .macauID, number: "1234567(8)", field: "idNumber") else {
            Issue.record("a Macau number with bracketed check digit is accepted"); return
        }
        #expect(macau.number == "12345678")
        guard case .failure(let error) = IdentityDocument.validate(kind: .macauID, number: "2234567(8)", field: "idNumber") else {
            Issue.record("a Macau number must start with 1, 5 or 7"); return
        }
        #expect(error.field == "idNumber")
        #expect(IdentityDocument.validate(kind: .passport, number: "E1234567", field: "idNumber").isSuccess)
        #expect(!IdentityDocument.validate(kind: .passport, number: "E1", field: "idNumber").isSuccess)
    }

    @Test func maskingKeepsOnlyTheEnds() {
        #expect(IDMask.mask("11010519491231002X") == "110*************2X")
        #expect(IDMask.mask("A123") == "****")
    }

    @Test func civilDatesKnowLeapYears() {
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2008, month: 11, day: 24)!.years(until: CivilDate(year: 2022, month: 11, day: 23)!) == 13)
        #expect(CivilDate(year: 2008, month: 11, day: 24)!.years(until: CivilDate(year: 2022, month: 11, day: 24)!) == 14)
    }
}

extension CivilDate {
    /// The last instant of this date in China (UTC+8), for the `Date`-taking initialisers.
    var endOfDayInChina: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt
        let start = calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date()
        return start.addingTimeInterval(86_399)
    }
}

extension Result {
    var isSuccess: Bool { if case .success = self { true } else { false } }
}
