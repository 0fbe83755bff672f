import Foundation

/// Reads CSV or XLSX by looking at the bytes: a ZIP signature means XLSX, and so does an OLE
/// compound file (an encrypted workbook or a legacy .xls), which is refused by name rather
/// than read as garbled CSV.
public enum TableReader {
    public static func read(_ data: Data) throws(SpreadsheetError) -> Table {
        try read(data, limits: .standard)
    }

    public static func read(_ data: Data, limits: SpreadsheetLimits) throws(SpreadsheetError) -> Table {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0x50, 0x4B, 0x05, 0x06]) || data.starts(with: XLSXReader.oleSignature) {
            return try XLSXReader.read(data, limits: limits)
        }
        return try CSVReader.read(data, limits: limits)
    }
}
