import Foundation

/// RFC 4180 CSV with the habits of Excel: quoted fields may hold commas, quotes ("") and
/// line breaks; CRLF or LF line ends; blank lines are skipped.
public enum CSVReader {
    public static func read(_ data: Data) throws(SpreadsheetError) -> Table {
        guard let text = TextDecoding.decode(data) else { throw .undecodable }
        return try parse(text)
    }

    public static func parse(_ text: String) throws(SpreadsheetError) -> Table {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var recordStartLine = 1
        let bytes = Array(text.utf8)
        var i = 0
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
            record = []
        }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(b)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if b == UInt8(ascii: "\n") { line += 1 }
                    field.append(b)
                }
            } else {
                switch b {
                case UInt8(ascii: ","): endField()
                case UInt8(ascii: "\r"):
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                    endRecord(); line += 1; recordStartLine = line
                case UInt8(ascii: "\n"):
                    endRecord(); line += 1; recordStartLine = line
                case UInt8(ascii: "\"") where field.isEmpty && !fieldWasQuoted:
                    inQuotes = true
                    fieldWasQuoted = true
                default: field.append(b)
                }
            }
            i += 1
        }
        if inQuotes { throw .unterminatedQuote(row: recordStartLine) }
        if !field.isEmpty || !record.isEmpty { endRecord() }
        guard let header = records.first else { throw .empty }
        return Table(header: header.map { $0.trimmingCharacters(in: .whitespaces) }, rows: Array(records.dropFirst()))
    }
}
