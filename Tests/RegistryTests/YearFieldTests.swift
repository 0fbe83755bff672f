import Testing
@testable import Registry

/// Year columns take what a spreadsheet date cell becomes ("2021-09-01"), and an error
/// quotes the value that was read.
@Suite("Year fields")
struct YearFieldTests {
    @Test(arguments: ["2021", "2021年", "2021-09-01", "2021/9/1", "2021-09-01T00:00:00", "2021-09-01T08:30:00.5", "2021-09-01 08:30"])
    func aYearOrADateGivesTheYear(text: String) {
        var reader = FieldReader()
        #expect(reader.year("enrolmentYear", text, min: 2000, max: 2027) == 2021)
        #expect(reader.errors.isEmpty)
    }

    @Test(arguments: ["44440", "1905-07-13", "2021-02-30", "21", "二〇二一", "2021-09-01T25:00", "2021-09", "2031"])
    func anythingElseIsRefusedShowingTheValue(text: String) throws {
        var reader = FieldReader()
        #expect(reader.year("enrolmentYear", text, min: 2000, max: 2030) == nil)
        let error = try #require(reader.errors.first)
        #expect(error.field == "enrolmentYear")
        #expect(error.reasonZh == "“\(text)”不是有效年份（2000–2030）")
        #expect(error.reasonEn == "'\(text)' is not a year between 2000 and 2030")
    }

    @Test func aSchoolYearTakesNoDate() {
        var reader = FieldReader()
        #expect(reader.year("year", "2021-09-01", min: 2000, max: 2030, acceptingDates: false) == nil)
        #expect(reader.year("year", "2022", min: 2000, max: 2030, acceptingDates: false) == 2022)
        #expect(reader.errors.map(\.field) == ["year"])
    }

    @Test func integerErrorsQuoteTheValue() {
        var reader = FieldReader()
        #expect(reader.integer("capacity", "12.5", min: 1, max: 100) == nil)
        #expect(reader.errors.first?.reasonEn == "'12.5' is not a whole number between 1 and 100")
        #expect(reader.errors.first?.reasonZh == "“12.5”不是1到100之间的整数")
        let long = String(repeating: "9", count: 60)
        #expect(reader.integer("capacity", long, min: 1, max: 100) == nil)
        #expect(reader.errors.last?.reasonEn.contains(String(repeating: "9", count: 40) + "…") == true)
    }

    let catalog = ReferenceCatalog.shenzhen
    let today = CivilDate(year: 2026, month: 11, day: 24)!

    @Test func recordsReadDateCellsInYearColumns() throws {
        let digits = "11010520070101003".compactMap(\.wholeNumberValue)
        var student: FieldValues = [
            "institutionCode": "SZ-PU-0002", "studentNo": "2025001", "name": "王小明",
            "idNumber": "11010520070101003" + String(ResidentIDNumber.checkCharacter(for: digits)),
            "sex": "男", "programCode": "510201", "level": "高职专科", "enrolmentYear": "2025-09-01", "origin": "内地",
        ]
        guard case .success(let record) = StudentRecord.validate(student, catalog: catalog, today: today) else {
            Issue.record("a date in the enrolment-year column gives its year"); return
        }
        #expect(record.enrolmentYear == 2025)
        student["enrolmentYear"] = "45901" // the serial of 2025-09-01, as a reader unaware of styles gave it
        guard case .failure(let failure) = StudentRecord.validate(student, catalog: catalog, today: today) else {
            Issue.record("a serial number is not a year"); return
        }
        #expect(failure.errors.map(\.reasonEn) == ["'45901' is not a year between 2000 and 2027"])

        let program: FieldValues = ["institutionCode": "SZ-PU-0002", "catalogCode": "510201", "startYear": "2019-09-01T00:00:00"]
        guard case .success(let opened) = ProgramRecord.validate(program, catalog: catalog, today: today) else {
            Issue.record("a date-time in the start-year column gives its year"); return
        }
        #expect(opened.startYear == 2019)
    }
}
