import Foundation

/// RFC 4180 CSV with the habits of Excel: quoted fields may hold commas, quotes ("") and
/// line breaks; CRLF or LF line ends; blank lines are skipped.
///
/// The file size, rows, columns, cells and cell length are held to `Limits` (Excel's by
/// default) as the file is parsed.
public enum CSVReader {
    /// Reads UTF-8 (with or without BOM) straight from the bytes, checking each field; a file that
    /// is not valid UTF-8 is read as GB18030, the encoding Chinese Excel saves "CSV" in.
    public static func read(_ data: Data) throws(SpreadsheetError) -> Table {
        try read(data, limits: .standard)
    }

    public static func read(_ data: Data, limits: Limits) throws(SpreadsheetError) -> Table {
        guard data.count <= limits.maxFileBytes else { throw .fileTooLarge(limit: limits.maxFileBytes) }
        let hasBOM = data.starts(with: [0xEF, 0xBB, 0xBF])
        // The closures below are not typed-throws, so they hand back a Result.
        let utf8 = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return Result { () throws(SpreadsheetError) -> Table? in
                try parse(UnsafeBufferPointer(rebasing: bytes[(hasBOM ? 3 : 0)...]), validating: true, limits: limits)
            }
        }
        if let table = try utf8.get() { return table }
        guard let text = TextDecoding.gb18030(data) else { throw .undecodable }
        return try parse(text, limits: limits)
    }

    public static func parse(_ text: String) throws(SpreadsheetError) -> Table {
        try parse(text, limits: .standard)
    }

    public static func parse(_ text: String, limits: Limits) throws(SpreadsheetError) -> Table {
        guard text.utf8.count <= limits.maxFileBytes else { throw .fileTooLarge(limit: limits.maxFileBytes) }
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(SpreadsheetError) -> Table? in try parse(bytes, validating: false, limits: limits) }
        }
        guard let table = try result.get() else { throw .undecodable }
        return table
    }

    /// Parses CSV bytes; nil when `validating` and a field is not valid UTF-8.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, validating: Bool, limits: Limits) throws(SpreadsheetError) -> Table? {
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(64)
        var inQuotes = false
        var fieldWasQuoted = false
        var invalid = false
        var line = 1
        var recordStartLine = 1
        // Set by the nested functions below, checked once a byte like `invalid`.
        var refused: SpreadsheetError?
        var cells = 0

        func endField() {
            let text: String
            if validating {
                if let s = String(validating: field, as: UTF8.self) { text = s } else { invalid = true; text = "" }
            } else {
                text = String(decoding: field, as: UTF8.self)
            }
            if field.count > limits.maxCellLength, text.utf16.count > limits.maxCellLength { refused = .cellTooLong(limit: limits.maxCellLength) }
            record.append(text)
            if record.count > limits.maxColumns { refused = .tooManyColumns(limit: limits.maxColumns) }
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if !(record.count == 1 && record[0].isEmpty) {
                cells += record.count
                records.append(record)
                if records.count > limits.maxRows { refused = .tooManyRows(limit: limits.maxRows) }
                if cells > limits.maxCells { refused = .tooManyCells(limit: limits.maxCells) }
            }
            record = []
            record.reserveCapacity(records.first?.count ?? 8)
        }

        var i = 0
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            if inQuotes {
                if b == quote {
                    if i + 1 < count && bytes[i + 1] == quote {
                        field.append(b)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if b == lf { line += 1 }
                    field.append(b)
                }
            } else {
                switch b {
                case comma: endField()
                case cr:
                    if i + 1 < count && bytes[i + 1] == lf { i += 1 }
                    endRecord(); line += 1; recordStartLine = line
                case lf:
                    endRecord(); line += 1; recordStartLine = line
                case quote where field.isEmpty && !fieldWasQuoted:
                    inQuotes = true
                    fieldWasQuoted = true
                default: field.append(b)
                }
            }
            if invalid { return nil }
            if let refused { throw refused }
            i += 1
        }
        if inQuotes { throw .unterminatedQuote(row: recordStartLine) }
        if !field.isEmpty || !record.isEmpty { endRecord() }
        if invalid { return nil }
        if let refused { throw refused }
        guard let header = records.first else { throw .empty }
        return Table(header: header.map { $0.trimmingCharacters(in: .whitespaces) }, rows: Array(records.dropFirst()))
    }
}
