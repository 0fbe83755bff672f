import Foundation
import Testing
@testable import Spreadsheet

/// Date cells read as Excel means them, from files that openpyxl, LibreOffice and (imitated)
/// WPS wrote; see Fixtures/make_fixtures.py for what each cell holds.
@Suite("XLSX dates")
struct XLSXDateTests {
    @Test func openpyxlDatesTimesAndCustomFormats() throws {
        let table = try TableReader.read(try Fixture.data("openpyxl_dates.xlsx"))
        #expect(table.header == ["姓名", "入学日期", "上课时间", "登记时刻", "时长", "入学年份", "金额", "年月日", "月份", "斜杠日期时间", "分秒", "上午下午", "文本"])
        #expect(table.rows == [
            ["张伟", "2021-09-01", "08:30:00", "2021-09-01T08:30:00", "36:05:00", "2021", "1234.5", "2021-09-01", "2021-09-01", "2021-09-01T08:30:00", "00:05:07", "14:30:00", "2021-09-01"],
            // Serial 1 and 59 sit before Lotus's phantom 1900-02-29; 08:30:00.6 rounds up.
            ["李娜", "1900-01-01", "23:59:59", "2021-09-01T08:30:01", "01:30:00", "2022", "0.1", "1900-02-28", "1900-03-01", "1900-03-01T00:00:00", "00:00:01", "09:00:00", "文本"],
        ])
    }

    @Test func openpyxlISODateCells() throws {
        let table = try TableReader.read(try Fixture.data("openpyxl_iso_dates.xlsx"))
        #expect(table.rows == [
            ["2021-09-01", "08:30:00", "2021-09-01T08:30:01"],
            // 23:59:59.7 rounds to midnight; the last second of 2021 rounds into 2022.
            ["2024-02-29", "00:00:00", "2022-01-01T00:00:00"],
        ])
    }

    @Test func the1904DateSystem() throws {
        let table = try TableReader.read(try Fixture.data("openpyxl_1904.xlsx"))
        #expect(table.rows == [["2021-09-01", "2021-09-01T08:30:00", "2021"], ["1904-01-01", "1904-01-02T12:00:00", "2022"]])
    }

    @Test func libreOfficeExport() throws {
        let table = try TableReader.read(try Fixture.data("libreoffice_dates.xlsx"))
        #expect(table.header == ["姓名", "入学日期", "上课时间", "登记时刻", "中文日期", "入学年份", "金额"])
        #expect(table.rows == [
            ["张伟", "2021-09-01", "08:30:00", "2021-09-01T08:30:00", "2021-09-01", "2021", "1234.5"],
            ["李娜", "2024-02-29", "23:59:59", "1999-12-31T23:59:00", "2000-01-01", "2022", "0.1"],
        ])
    }

    @Test func wpsBuiltInEastAsianFormats() throws {
        let table = try TableReader.read(try Fixture.data("wps_style.xlsx"))
        #expect(table.header == ["姓名", "入学日期", "入学月份", "生日", "上课时间", "下课时间", "中文日期", "大写日期", "登记时刻", "金额", "期数", "时长", "月份", "入学年份", "闰年错误"])
        #expect(table.rows == [
            ["张伟", "2021-09-01", "2021-09-01", "2002-01-02", "08:30:00", "16:30:00", "2021-09-01", "2021-09-01", "2021-09-01T08:30:00", "1234.5", "3", "36:00:00", "2021-09-01", "2021", "1900-02-29"],
            ["张伟", "1900-02-28", "1900-03-01", "1900-01-01", "12:00:00", "0.5", "", "", "", "", "", "", "", "", ""],
        ])
    }

    @Test func serialArithmetic() {
        func text(_ serial: Double, _ kind: ExcelDate.Kind, _ date1904: Bool = false) -> String? {
            ExcelDate.text(serial: serial, kind: kind, date1904: date1904)
        }
        #expect(text(44440, .date) == "2021-09-01")
        #expect(text(44440.354166666664, .dateTime) == "2021-09-01T08:30:00")
        #expect(text(44440.99999999, .dateTime) == "2021-09-02T00:00:00")
        #expect(text(1, .date) == "1900-01-01")
        #expect(text(59, .date) == "1900-02-28")
        #expect(text(60, .date) == "1900-02-29")
        #expect(text(61, .date) == "1900-03-01")
        #expect(text(2_958_465, .date) == "9999-12-31")
        #expect(text(2_958_466, .date) == nil)
        #expect(text(0, .date) == nil)       // Excel's "1900-01-00"
        #expect(text(-1, .time) == nil)
        #expect(text(.nan, .date) == nil)
        #expect(text(.infinity, .date) == nil)
        #expect(text(0.5, .time) == "12:00:00")
        #expect(text(44440.75, .time) == "18:00:00")
        #expect(text(1.5, .elapsed) == "36:00:00")
        #expect(text(0, .date, true) == "1904-01-01")
        #expect(text(42978, .date, true) == "2021-09-01")
        #expect(ExcelDate.civil(fromUnixDays: 0) == "1970-01-01")
        #expect(ExcelDate.unixDays(year: 2000, month: 3, day: 1) == 11_017)
    }

    @Test func isoText() {
        #expect(ExcelDate.text(iso: "2021-09-01", kind: nil) == "2021-09-01")
        #expect(ExcelDate.text(iso: "2021-09-01T08:30:00.6Z", kind: nil) == "2021-09-01T08:30:01")
        #expect(ExcelDate.text(iso: "2021-09-01T08:30+08:00", kind: nil) == "2021-09-01T08:30:00")
        #expect(ExcelDate.text(iso: "2021-09-01T08:30:00", kind: .date) == "2021-09-01")
        #expect(ExcelDate.text(iso: "2021-09-01", kind: .dateTime) == "2021-09-01T00:00:00")
        #expect(ExcelDate.text(iso: "08:30", kind: nil) == "08:30:00")
        for bad in ["", "2021-02-30", "2021-13-01", "21-09-01", "2021-09-01X", "25:00", "garbage", "2021-09-01T08"] {
            #expect(ExcelDate.text(iso: bad, kind: nil) == nil, "\(bad)")
        }
    }

    @Test(arguments: [
        ("General", nil), ("0", nil), ("0.00", nil), ("#,##0.00_);[Red](#,##0.00)", nil), ("0.00E+00", nil), ("@", nil),
        (##""$"#,##0"##, nil), (#""day"0"#, nil), (#"\d0"#, nil), ("_d0", nil), ("0;yyyy", nil), (#""第"0"期""#, nil),
        ("yyyy-mm-dd", .date), ("mm-dd-yy", .date), ("mmm", .date), ("d-mmm", .date), (#"yyyy"年"m"月"d"日""#, .date),
        (#"yyyy\年m\月d\日"#, .date), (#"[DBNum1][$-804]yyyy"年"m"月""#, .date), ("yyyy年m月", .date), ("[Red]yyyy-mm-dd", .date),
        ("h:mm", .time), ("h:mm AM/PM", .time), ("mm:ss", .time), ("mmss.0", .time), (#"上午/下午h"时"mm"分""#, .time),
        ("[h]:mm:ss", .elapsed), ("[mm]:ss", .elapsed),
        ("m/d/yy h:mm", .dateTime), ("yyyy-mm-dd hh:mm:ss", .dateTime), (#"yyyy/m/d\ h:mm;@"#, .dateTime),
    ] as [(String, ExcelDate.Kind?)])
    func formatCodes(code: String, kind: ExcelDate.Kind?) {
        #expect(ExcelNumberFormat.kind(ofCode: code) == kind)
    }

    @Test func builtInFormats() {
        let kinds = (0...60).map { ExcelNumberFormat.builtinKind($0) }
        #expect((14...17).allSatisfy { kinds[$0] == .date })
        #expect((18...21).allSatisfy { kinds[$0] == .time })
        #expect(kinds[22] == .dateTime && kinds[45] == .time && kinds[46] == .elapsed && kinds[47] == .time)
        #expect([27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58].allSatisfy { kinds[$0] == .date })
        #expect([32, 33, 34, 35, 55, 56].allSatisfy { kinds[$0] == .time })
        #expect([0, 1, 2, 9, 10, 11, 13, 37, 44, 48, 49, 59, 60].allSatisfy { kinds[$0] == nil })
    }
}
