/// Writes CSV that Excel opens correctly: UTF-8 with a BOM, CRLF line ends, quoting where
/// needed, and formula-injection protection (cells starting with = + - @ get a leading ').
public enum CSVWriter {
    public static func write(_ table: Table) -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        appendRow(table.header, to: &out)
        for row in table.rows { appendRow(row, to: &out) }
        return out
    }

    static func appendRow(_ row: [String], to out: inout [UInt8]) {
        for (i, cell) in row.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            let safe = FormulaGuard.neutralise(cell)
            if safe.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) {
                out.append(UInt8(ascii: "\""))
                for b in safe.utf8 {
                    if b == UInt8(ascii: "\"") { out.append(b) }
                    out.append(b)
                }
                out.append(UInt8(ascii: "\""))
            } else {
                out.append(contentsOf: safe.utf8)
            }
        }
        out.append(contentsOf: [13, 10])
    }
}

/// Spreadsheet formula injection (CWE-1236): a cell that starts with = + - @ (or a tab or
/// carriage return) would be evaluated by Excel, so it is prefixed with an apostrophe.
public enum FormulaGuard {
    public static func neutralise(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + cell
        default: return cell
        }
    }
}
