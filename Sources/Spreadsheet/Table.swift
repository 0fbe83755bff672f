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
