import Registry
import Testing

/// Dates and months as the spreadsheet reader hands over Excel date cells (ISO text).
@Suite("Date and month fields from date cells")
struct DateCellFieldTests {
    @Test func aDateCellWithAMidnightTimeIsADate() {
        var reader = FieldReader()
        #expect(reader.date("signedOn", "2026-03-01T00:00:00") == CivilDate(iso: "2026-03-01"))
        #expect(reader.date("signedOn", "2026/3/1") == CivilDate(iso: "2026-03-01"))
        #expect(reader.errors.isEmpty)
    }

    @Test func aTimeOfDayIsNotADateAndTheErrorQuotesIt() {
        var reader = FieldReader()
        #expect(reader.date("signedOn", "2026-03-01T08:30:00") == nil)
        #expect(reader.errors.first?.reasonEn.contains("2026-03-01T08:30:00") == true)
        #expect(reader.errors.first?.reasonZh.contains("2026-03-01T08:30:00") == true)
    }

    @Test func aDateCellGivesItsMonth() {
        var reader = FieldReader()
        #expect(reader.month("startMonth", "2026-09-01") == "2026-09")
        #expect(reader.month("startMonth", "2026-09-01T00:00:00") == "2026-09")
        #expect(reader.month("startMonth", "2026/9") == "2026-09")
        #expect(reader.errors.isEmpty)
        #expect(reader.month("startMonth", "2026-13-01") == nil)
        #expect(reader.errors.first?.reasonEn.contains("2026-13-01") == true)
    }
}
