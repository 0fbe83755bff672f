/// A sheet of text cells read from CSV or XLSX: a header row and data rows.
///
/// Row numbers in errors are 1-based spreadsheet rows, so the header is row 1 and the first
/// data row is row 2, as a person sees them in Excel.
public struct Table: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The spreadsheet row number of data row `index`.
    public static func spreadsheetRow(ofDataIndex index: Int) -> Int { index + 2 }
}

/// Why a file could not be read as a table at all (before any row is checked).
public enum SpreadsheetError: Error, Equatable, Sendable {
    case empty
    case undecodable
    case unterminatedQuote(row: Int)
    case notAWorkbook(String)

    public var messageZh: String {
        switch self {
        case .empty: "文件为空或没有表头行"
        case .undecodable: "文件编码无法识别（支持UTF-8、带BOM的UTF-8和GB18030）"
        case .unterminatedQuote(let row): "第\(row)行的引号没有闭合"
        case .notAWorkbook(let why): "不是有效的XLSX工作簿：\(why)"
        }
    }

    public var messageEn: String {
        switch self {
        case .empty: "the file is empty or has no header row"
        case .undecodable: "the file's encoding is not recognised (UTF-8, UTF-8 with BOM and GB18030 are accepted)"
        case .unterminatedQuote(let row): "row \(row) has an unterminated quote"
        case .notAWorkbook(let why): "not a valid XLSX workbook: \(why)"
        }
    }
}

import Foundation

/// Reads CSV or XLSX by looking at the bytes: a ZIP signature means XLSX.
public enum TableReader {
    public static func read(_ data: Data) throws(SpreadsheetError) -> Table {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return try XLSXReader.read(data)
        }
        return try CSVReader.read(data)
    }
}
