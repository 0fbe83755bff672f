import Foundation
import Testing
@testable import Spreadsheet

/// Files the lowest role could upload to crash the server or exhaust its memory: each is
/// refused with its own error, without a trap, a hang or a large allocation.
@Suite("XLSX hostile files")
struct XLSXHostileTests {
    static let refusals: [(String, SpreadsheetError)] = [
        ("col_overflow.xlsx", .tooManyColumns(limit: 16_384)),
        ("col_far.xlsx", .tooManyColumns(limit: 16_384)),
        ("col_xfe.xlsx", .tooManyColumns(limit: 16_384)),
        ("row_2e9.xlsx", .tooManyRows(limit: 1_048_576)),
        ("row_1048577.xlsx", .tooManyRows(limit: 1_048_576)),
        ("bad_reference.xlsx", .badCellReference("1A")),
        ("sst_negative.xlsx", .badSharedStringIndex("-1", count: 1)),
        ("sst_out_of_range.xlsx", .badSharedStringIndex("99", count: 1)),
        ("sst_overflow.xlsx", .badSharedStringIndex("9999999999999999999999999", count: 1)),
        ("style_bad.xlsx", .badStyleIndex("7", count: 2)),
        ("style_negative.xlsx", .badStyleIndex("-1", count: 2)),
        ("cell_too_long.xlsx", .cellTooLong(limit: 32_767)),
        ("sparse_cells.xlsx", .tooManyCells(limit: 20_000_000)),
        ("zip_bomb.xlsx", .compressionRatio(part: "xl/worksheets/sheet1.xml", limit: 100)),
        ("zip_bomb_lying.xlsx", .compressionRatio(part: "xl/worksheets/sheet1.xml", limit: 100)),
        ("zip64_bomb.xlsx", .partTooLarge(part: "xl/worksheets/sheet1.xml", limit: 256 << 20)),
        ("zip64_offset_max.xlsx", .damagedPart("xl/worksheets/sheet1.xml")),
        ("truncated_stream.xlsx", .damagedPart("xl/worksheets/sheet1.xml")),
        ("crc_mismatch.xlsx", .damagedPart("xl/worksheets/sheet1.xml")),
        ("encrypted_entry.xlsx", .damagedPart("xl/worksheets/sheet1.xml")),
        ("duplicate_entry.xlsx", .notAZip),
        ("too_many_entries.xlsx", .tooManyEntries(limit: 10_000)),
        ("billion_laughs.xlsx", .dtdNotAllowed(part: "xl/worksheets/sheet1.xml")),
        ("xxe.xlsx", .dtdNotAllowed(part: "xl/sharedStrings.xml")),
        ("utf16_dtd.xlsx", .xmlNotUTF8(part: "xl/worksheets/sheet1.xml")),
        ("malformed_xml.xlsx", .malformedXML(part: "xl/worksheets/sheet1.xml")),
        ("no_sheet.xlsx", .missingPart("worksheet")),
        ("not_a_zip.xlsx", .notAZip),
        ("truncated.xlsx", .notAZip),
        ("ole_encrypted.xlsx", .encryptedOrLegacyWorkbook),
        ("random.bin", .undecodable),
        ("csv_unterminated.csv", .unterminatedQuote(row: 2)),
        ("csv_wide.csv", .tooManyColumns(limit: 16_384)),
        ("csv_long_cell.csv", .cellTooLong(limit: 32_767)),
    ]

    @Test(arguments: refusals)
    func eachHostileFileIsRefusedByName(file: String, expected: SpreadsheetError) throws {
        let data = try Fixture.hostile(file)
        #expect(throws: expected) { try TableReader.read(data) }
    }

    @Test func theCommittedFolderHoldsExactlyTheListedFiles() throws {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("hostile")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(Set(names) == Set(Self.refusals.map(\.0) + ["xfd_far_cell.xlsx"]))
    }

    /// One cell at XFD1048576 is one row of 16,384 cells: nothing before it is laid out.
    @Test func aFarCellCostsOneRow() throws {
        let table = try TableReader.read(try Fixture.hostile("xfd_far_cell.xlsx"))
        #expect(table.header == ["name", "year"])
        #expect(table.rows.count == 1)
        #expect(table.rows[0].count == 16_384)
        #expect(table.rows[0].last == "x")
        #expect(table.rows[0].dropLast().allSatisfy { $0.isEmpty })
    }

    @Test func noHostileFileRaisesPeakMemoryBy200MiB() throws {
        let before = Fixture.peakResidentBytes()
        for (file, _) in Self.refusals + [("xfd_far_cell.xlsx", .empty)] {
            _ = try? TableReader.read(try Fixture.hostile(file))
        }
        let risen = Fixture.peakResidentBytes() - before
        #expect(risen < 200 << 20, "peak memory rose by \(risen >> 20) MiB")
    }

    // MARK: - Limits passed by the caller

    @Test func aPartIsStoppedWhileInflatingWhateverItDeclares() throws {
        // The stream declares 1,000 bytes; with the ratio check off only the running size cap stops it.
        let limits = SpreadsheetLimits(maxPartBytes: 4 << 20, maxCompressionRatio: .max)
        #expect(throws: SpreadsheetError.partTooLarge(part: "xl/worksheets/sheet1.xml", limit: 4 << 20)) {
            try XLSXReader.read(try Fixture.hostile("zip_bomb_lying.xlsx"), limits: limits)
        }
        // Declared honestly, it is refused before inflating.
        #expect(throws: SpreadsheetError.partTooLarge(part: "xl/worksheets/sheet1.xml", limit: 4 << 20)) {
            try XLSXReader.read(try Fixture.hostile("zip_bomb.xlsx"), limits: limits)
        }
    }

    @Test func everyLimitCanBeLowered() throws {
        let data = try Fixture.data("openpyxl_dates.xlsx") // 3 rows, 13 columns
        let cases: [(SpreadsheetLimits, SpreadsheetError)] = [
            (SpreadsheetLimits(maxFileBytes: 1_000), .fileTooLarge(limit: 1_000)),
            (SpreadsheetLimits(maxRows: 2), .tooManyRows(limit: 2)),
            (SpreadsheetLimits(maxColumns: 5), .tooManyColumns(limit: 5)),
            (SpreadsheetLimits(maxCells: 20), .tooManyCells(limit: 20)),
            (SpreadsheetLimits(maxCellLength: 3), .cellTooLong(limit: 3)),
            (SpreadsheetLimits(maxInflatedBytes: 4_000), .inflatedTooLarge(limit: 4_000)),
            (SpreadsheetLimits(maxArchiveEntries: 3), .tooManyEntries(limit: 3)),
        ]
        for (limits, expected) in cases {
            #expect(throws: expected) { try TableReader.read(data, limits: limits) }
        }
        #expect(try TableReader.read(data, limits: SpreadsheetLimits(maxRows: 3, maxColumns: 13, maxCells: 39)).rows.count == 2)
    }

    /// Empty formatted rows and cells far out are not content: a caller's small limits let them be.
    @Test func emptyFormattingFarOutIsNotContent() throws {
        let data = try Fixture.data("formatted_far.xlsx")
        let expected = Table(header: ["name", "year"], rows: [["x", "2021"]])
        #expect(try TableReader.read(data) == expected)
        #expect(try TableReader.read(data, limits: SpreadsheetLimits(maxRows: 5, maxColumns: 3, maxCells: 10)) == expected)
    }

    @Test func csvLimits() throws {
        let csv = Data("a,b\n1,2\n3,4\n".utf8)
        #expect(throws: SpreadsheetError.tooManyRows(limit: 2)) { try CSVReader.read(csv, limits: SpreadsheetLimits(maxRows: 2)) }
        #expect(throws: SpreadsheetError.tooManyColumns(limit: 1)) { try CSVReader.read(csv, limits: SpreadsheetLimits(maxColumns: 1)) }
        #expect(throws: SpreadsheetError.tooManyCells(limit: 5)) { try CSVReader.read(csv, limits: SpreadsheetLimits(maxCells: 5)) }
        #expect(throws: SpreadsheetError.fileTooLarge(limit: 8)) { try CSVReader.read(csv, limits: SpreadsheetLimits(maxFileBytes: 8)) }
        #expect(throws: SpreadsheetError.cellTooLong(limit: 1)) { try CSVReader.parse("ab\n", limits: SpreadsheetLimits(maxCellLength: 1)) }
        // GB18030 goes through the same limits.
        let gb = try #require(TextDecoding.encodeGB18030("姓名,学号\n张伟,001\n李娜,002\n"))
        #expect(throws: SpreadsheetError.tooManyRows(limit: 2)) { try CSVReader.read(gb, limits: SpreadsheetLimits(maxRows: 2)) }
        #expect(try CSVReader.read(csv, limits: SpreadsheetLimits(maxRows: 3, maxColumns: 2, maxCells: 6)).rows.count == 2)
    }

    // MARK: - The pieces

    @Test func cellReferencesSaturateInsteadOfTrapping() {
        #expect(CellReference("A1").map { [$0.column, $0.row] } == [0, 1])
        #expect(CellReference("AA10")?.column == 26)
        #expect(CellReference("XFD1048576").map { [$0.column, $0.row] } == [16_383, 1_048_576])
        #expect(CellReference("AAAAAAAAAAAAAAA1")?.column == Int.max)
        #expect(CellReference("A99999999999999999999999")?.row == Int.max)
        for bad in ["", "A", "1", "1A", "A0", "A-1", "A1B", "$A$1", "Ä1", " A1"] {
            #expect(CellReference(bad) == nil, "\(bad)")
        }
        #expect(CellReference.index("0") == 0)
        #expect(CellReference.index("-1") == nil)
        #expect(CellReference.rowNumber("0") == nil)
        #expect(CellReference.columnName(16_383) == "XFD")
        #expect(XLSXWriter.columnName(27) == "AB")
    }

    @Test func theXMLGuardRefusesDTDsAndOtherEncodings() {
        let part = "p.xml"
        func check(_ text: String) -> SpreadsheetError? {
            do { try XMLGuard.check(Data(text.utf8), part: part); return nil } catch { return error }
        }
        #expect(check(#"<?xml version="1.0" encoding="UTF-8"?><a><!-- <b> --><![CDATA[<!x>]]></a>"#) == nil)
        #expect(check("\u{FEFF}<a/>") == nil)
        #expect(check(#"<?xml version="1.0"?><!DOCTYPE a SYSTEM "http://example.invalid/a.dtd"><a/>"#) == .dtdNotAllowed(part: part))
        #expect(check("<a><!ENTITY x \"y\"></a>") == .dtdNotAllowed(part: part))
        #expect(check("<!-- <!DOCTYPE in a comment is only text --><!DOCTYPE a><a/>") == .dtdNotAllowed(part: part))
        #expect(check("<a><!-- never closed </a>") == .malformedXML(part: part))
        #expect(check(#"<?xml version="1.0" encoding="ISO-8859-1"?><a/>"#) == .xmlNotUTF8(part: part))
        #expect(check(#"<?xml version='1.0' encoding='UTF-7'?><a/>"#) == .xmlNotUTF8(part: part))
        #expect(check("<a>\u{0}</a>") == .xmlNotUTF8(part: part))
        #expect(check("+ADw-a/+AD4-") == .xmlNotUTF8(part: part))
    }

    @Test func messagesAreBilingualAndNameTheLimit() {
        let errors: [SpreadsheetError] = [
            .fileTooLarge(limit: 256 << 20), .notAZip, .encryptedOrLegacyWorkbook, .tooManyEntries(limit: 10_000),
            .missingPart("worksheet"), .damagedPart("xl/x.xml"), .partTooLarge(part: "xl/x.xml", limit: 256 << 20),
            .inflatedTooLarge(limit: 512 << 20), .compressionRatio(part: "xl/x.xml", limit: 100), .xmlNotUTF8(part: "xl/x.xml"),
            .dtdNotAllowed(part: "xl/x.xml"), .malformedXML(part: "xl/x.xml"), .tooManyRows(limit: 1_048_576),
            .tooManyColumns(limit: 16_384), .tooManyCells(limit: 20_000_000), .tooManyStrings(limit: 20_000_000),
            .cellTooLong(limit: 32_767), .badCellReference("1A"), .badSharedStringIndex("-1", count: 3), .badStyleIndex("9", count: 2),
        ]
        for error in errors {
            #expect(error.messageZh.unicodeScalars.contains { $0.value >= 0x4E00 }, "\(error)")
            #expect(!error.messageEn.isEmpty && error.messageEn != error.messageZh)
        }
        #expect(SpreadsheetError.tooManyColumns(limit: 16_384).messageEn.contains("XFD"))
        #expect(SpreadsheetError.tooManyRows(limit: 1_048_576).messageZh.contains("1048576"))
        #expect(SpreadsheetError.partTooLarge(part: "xl/x.xml", limit: 256 << 20).messageEn.contains("256 MiB"))
        #expect(SpreadsheetError.excerpt(String(repeating: "A", count: 100)).count == 33)
    }
}
