import Foundation
import Registry
import Spreadsheet

/// 标注错误的文件: a rejected upload given back as a workbook with an 错误 column that says
/// what is wrong on each row, so the person fixes the rows where they typed them and uploads the
/// same file again (the importer ignores the column).
enum AnnotatedWorkbook {
    static let headerZh = "错误"
    static let name = "errors"

    /// Uploads larger than this get the list of errors on the page only: the annotated copy goes
    /// into the page itself, and a page of many megabytes helps nobody.
    static let largestAnnotated = 2 * 1024 * 1024

    /// Whether a header names the 错误 column.
    static func isErrorColumn(_ title: String) -> Bool {
        let t = title.trimmedField
        return t == headerZh || t.caseInsensitiveCompare(name) == .orderedSame
    }

    /// The uploaded file read again, each data row with its errors in a last 错误 column (an
    /// 错误 column the file already had is replaced), and the rows without errors left empty
    /// there. When more errors were found than kept, the header says so.
    static func make(from data: Data, errors: [RowError], total: Int, sheetName: String) throws -> Data {
        var table = try TableReader.read(data, limits: UploadLimits.spreadsheet)
        let kept = table.header.indices.filter { !isErrorColumn(table.header[$0]) }
        var byRow: [Int: [String]] = [:]
        for error in errors {
            let column = error.column.isEmpty ? "" : error.column + "："
            byRow[error.row, default: []].append(column + error.error.reasonZh)
        }
        let header = kept.map { table.header[$0] } + [total > errors.count ? "\(headerZh)（共\(total)处，标出前\(errors.count)处）" : headerZh]
        var rows: [[String]] = []
        rows.reserveCapacity(table.rows.count)
        for (i, cells) in table.rows.enumerated() {
            let row = Table.spreadsheetRow(ofDataIndex: i)
            rows.append(kept.map { $0 < cells.count ? cells[$0] : "" } + [(byRow[row] ?? []).joined(separator: "；")])
        }
        table = Table(header: header, rows: rows)
        // Errors of the file as a whole (a missing column) go on the header row's note.
        if let whole = byRow[1], !whole.isEmpty { table.header[table.header.count - 1] += "：" + whole.joined(separator: "；") }
        var widths = SheetLayout.widths(fitting: table)
        if !widths.isEmpty { widths[widths.count - 1] = max(widths[widths.count - 1], 40) }
        return try XLSXWriter.write(table, sheetName: sheetName, layout: SheetLayout(columns: widths.map { SheetLayout.Column(width: $0) }))
    }
}
