import Foundation
import Testing
@testable import Spreadsheet

@Suite("CSV")
struct CSVTests {
    @Test func quotedFieldsLineBreaksAndCRLF() throws {
        let table = try CSVReader.parse("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"line\nbreak\",\r\n\r\n")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows == [["1", "x, y", "say \"hi\""], ["2", "line\nbreak", ""]])
    }

    @Test func utf8WithBOMAndGB18030AreBothRead() throws {
        let text = "姓名,学号\n张伟,001\n"
        let bom = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        #expect(try CSVReader.read(bom).header == ["姓名", "学号"])
        let gb = try #require(TextDecoding.encodeGB18030(text))
        #expect(gb.count < Data(text.utf8).count) // two bytes a character, not three
        #expect(try CSVReader.read(gb).rows == [["张伟", "001"]])
    }

    @Test func unreadableInputIsNamed() {
        #expect(throws: SpreadsheetError.unterminatedQuote(row: 2)) { try CSVReader.parse("a\n\"open\n") }
        #expect(throws: SpreadsheetError.empty) { try CSVReader.parse("") }
        #expect(throws: SpreadsheetError.undecodable) { try CSVReader.read(Data([0xFF, 0xFF, 0x81])) }
    }

    @Test func writingQuotesAndDefusesFormulas() throws {
        let out = CSVWriter.write(Table(header: ["h"], rows: [["=1+1"], ["a,b"], ["@SUM(A1)"], ["普通"]]))
        #expect(out.starts(with: [0xEF, 0xBB, 0xBF]))
        let back = try CSVReader.read(Data(out))
        #expect(back.rows == [["'=1+1"], ["a,b"], ["'@SUM(A1)"], ["普通"]])
    }
}

@Suite("XLSX")
struct XLSXTests {
    @Test func aWrittenWorkbookReadsBackExactly() throws {
        let table = Table(header: ["机构代码", "学号", "备注"], rows: [["SZ-1", "000123", "含<特殊>&字符"], ["SZ-2", "", "third"]])
        let data = try XLSXWriter.write(table, sheetName: "学生")
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let back = try TableReader.read(data)
        #expect(back == table)
    }

    @Test func aLaidOutWorkbookKeepsCodesAsTextAndNumbersAsNumbers() throws {
        let table = Table(header: ["学号", "性别", "入学年份", "学分"], rows: [["007", "女", "2024", "1.5"], ["S2", "男", "2025", "abc"]])
        let layout = SheetLayout(columns: [
            .init(width: 12), .init(choices: ["男", "女"]), .init(numeric: true), .init(numeric: true),
        ])
        let xml = XLSXWriter.worksheet(table, layout: layout)
        #expect(xml.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(xml.contains(#"<autoFilter ref="A1:D3"/>"#))
        #expect(xml.contains(#"sqref="B2:B1048576"><formula1>&quot;男,女&quot;</formula1>"#))
        #expect(xml.contains(#"<c r="C2"><v>2024</v></c>"#) && xml.contains(#"<c r="D2"><v>1.5</v></c>"#))
        // A code with a leading zero, and text in a numeric column, stay text.
        #expect(xml.contains(#"<c r="A2" t="inlineStr">"#) && xml.contains(#"<c r="D3" t="inlineStr">"#))
        #expect(xml.contains(#"<col min="1" max="1" width="12.0" customWidth="1"/>"#))
        // The schema's order: views, columns, data, filter, validations.
        let order = ["<sheetViews>", "<cols>", "<sheetData>", "<autoFilter", "<dataValidations"].compactMap { xml.range(of: $0)?.lowerBound }
        #expect(order.count == 5 && order == order.sorted())
        // Two sheets: the reader takes the first, and the cells read back as written.
        let data = try XLSXWriter.write([.init(name: "学生", table: table, layout: layout), .init(name: "填写说明", table: Table(header: ["列名"], rows: [["学号"]]))])
        #expect(try TableReader.read(data) == table)
        #expect(XLSXWriter.numberText("0.5") == "0.5" && XLSXWriter.numberText("01") == nil && XLSXWriter.numberText("1e5") == nil)
        #expect(SheetLayout.inlineList(["a,b"]) == nil && SheetLayout.inlineList(Array(repeating: "长标签", count: 100)) == nil)
        #expect(XLSXWriter.sheetName("a/b:c") == "abc")
    }

    @Test func aLongDropDownListGoesToAHiddenSheetOfLists() throws {
        let codes = (0..<400).map { String(format: "%06d", 410_000 + $0) }
        let names = codes.map { "专业\($0)" }
        let table = Table(header: ["学号", "专业代码", "性别"], rows: [["S1", codes[3], "女"]])
        let layout = SheetLayout(columns: [.init(), .init(choices: codes, choiceNotes: names), .init(choices: ["男", "女"])])
        let second = Table(header: ["专业代码"], rows: [])
        let sheets: [XLSXWriter.Sheet] = [.init(name: "学生", table: table, layout: layout),
                                          .init(name: "专业", table: second, layout: SheetLayout(columns: [.init(choices: codes)]))]
        let lists = ChoiceListSheet(sheets)
        // One list for both columns that offer the codes; the short list stays inline.
        #expect(lists.lists.count == 1 && lists.formula(sheet: 0, column: 1) == "ZJ_List_1" && lists.formula(sheet: 1, column: 0) == "ZJ_List_1")
        #expect(lists.formula(sheet: 0, column: 2) == nil)
        #expect(lists.lists[0].range == "'下拉列表'!$A$2:$A$401")
        let xml = XLSXWriter.worksheet(table, layout: layout) { lists.formula(sheet: 0, column: $0) }
        #expect(xml.contains(#"sqref="B2:B1048576"><formula1>ZJ_List_1</formula1>"#) && xml.contains("&quot;男,女&quot;"))
        let all = sheets + [lists.sheet]
        let workbook = XLSXWriter.workbook(all, lists: lists)
        #expect(workbook.contains(#"<sheet name="下拉列表" sheetId="3" state="hidden" r:id="rId3"/>"#))
        #expect(workbook.contains(#"<definedName name="ZJ_List_1">'下拉列表'!$A$2:$A$401</definedName>"#))
        // The sheet of lists: the column's title, each code with its name beside it.
        #expect(lists.sheet.table.header == ["专业代码", "名称"] && lists.sheet.table.rows[3] == [codes[3], names[3]] && lists.sheet.table.rows.count == 400)
        // The reader still takes the first sheet, unchanged.
        #expect(try TableReader.read(try XLSXWriter.write(sheets)) == table)
        // Without a long list there is no sheet of lists.
        #expect(ChoiceListSheet([.init(name: "学生", table: table, layout: SheetLayout(columns: [.init(), .init(choices: ["男", "女"])]))]).isEmpty)
    }

    @Test func cellReferencesPlaceValuesInTheirColumns() {
        #expect(CellReference("A1")?.column == 0)
        #expect(CellReference("Z9")?.column == 25)
        #expect(CellReference("AA10")?.column == 26)
        #expect(XLSXWriter.columnName(27) == "AB")
    }

    @Test func aBrokenWorkbookIsNamed() {
        #expect(throws: SpreadsheetError.notAZip) { try XLSXReader.read(Data([0x50, 0x4B, 0x03, 0x04, 0, 0])) }
        #expect(throws: SpreadsheetError.notAZip) { try XLSXReader.read(Data("a,b\n1,2\n".utf8)) }
    }
}
