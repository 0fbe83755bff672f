import Foundation

/// The cells of a worksheet as text, kept sparse while parsing: only cells that hold text
/// are stored, with their row and column, so a file that names row 1,000,000 or column XFD
/// costs one cell, not the empty rows and columns before it. The table is laid out at the
/// end, once its size is known to be within the limits.
final class SheetParser: GuardedXMLDelegate {
    struct Cell {
        var column: Int
        var text: String
    }

    struct Row {
        var number: Int
        var cells: [Cell] = []
    }

    let sharedStrings: [String]
    let styles: [ExcelDate.Kind?]
    let date1904: Bool
    let limits: SpreadsheetLimits

    var rows: [Row] = []
    var inRow = false
    var lastRowNumber = 0
    var nextColumn = 0
    var storedCells = 0

    var inCell = false
    var cellType = "n"
    var cellColumn = 0
    var cellKind: ExcelDate.Kind?
    var value = ""
    var capturing = false
    var inPhonetic = false

    /// Any position past these is no spreadsheet at all. A caller's smaller `maxRows` and
    /// `maxColumns` apply to cells that hold text: Excel writes empty formatted rows and cells
    /// far down and across, and those cost nothing here.
    let rowBound: Int
    let columnBound: Int

    init(sharedStrings: [String], styles: [ExcelDate.Kind?], date1904: Bool, limits: SpreadsheetLimits) {
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.date1904 = date1904
        self.limits = limits
        rowBound = Swift.max(limits.maxRows, SpreadsheetLimits.excelRows)
        columnBound = Swift.max(limits.maxColumns, SpreadsheetLimits.excelColumns)
    }

    override func start(_ name: String, _ attributes: [String: String]) {
        guard failure == nil else { return }
        switch name {
        case "row": startRow(attributes["r"])
        case "c": startCell(attributes)
        case "v": capturing = inCell
        case "t": capturing = inCell && !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func startRow(_ reference: String?) {
        let number: Int
        if let reference {
            guard let n = CellReference.rowNumber(reference) else { return fail(.badCellReference(SpreadsheetError.excerpt(reference))) }
            number = n
        } else {
            number = lastRowNumber == Int.max ? Int.max : lastRowNumber + 1
        }
        guard number <= rowBound else { return fail(.tooManyRows(limit: rowBound)) }
        rows.append(Row(number: number))
        lastRowNumber = number
        nextColumn = 0
        inRow = true
    }

    func startCell(_ attributes: [String: String]) {
        guard inRow else { return } // a cell outside any row has no place; it is skipped
        if let reference = attributes["r"] {
            guard let parsed = CellReference(reference) else { return fail(.badCellReference(SpreadsheetError.excerpt(reference))) }
            guard parsed.column < columnBound else { return fail(.tooManyColumns(limit: columnBound)) }
            guard parsed.row <= rowBound else { return fail(.tooManyRows(limit: rowBound)) }
            cellColumn = parsed.column
        } else {
            guard nextColumn < columnBound else { return fail(.tooManyColumns(limit: columnBound)) }
            cellColumn = nextColumn
        }
        nextColumn = cellColumn + 1
        cellKind = nil
        if let style = attributes["s"] {
            // Style 0 is the default and needs no styles.xml; any other must exist.
            if let index = CellReference.index(style), index < styles.count {
                cellKind = styles[index]
            } else if style != "0" {
                return fail(.badStyleIndex(SpreadsheetError.excerpt(style), count: styles.count))
            }
        }
        cellType = attributes["t"] ?? "n"
        value = ""
        inCell = true
    }

    override func text(_ string: String) {
        guard capturing, failure == nil else { return }
        value += string
        if exceedsCellLength(value, limits) { fail(.cellTooLong(limit: limits.maxCellLength)) }
    }

    override func end(_ name: String) {
        guard failure == nil else { return }
        switch name {
        case "v", "t": capturing = false
        case "rPh": inPhonetic = false
        case "c": endCell()
        case "row": inRow = false
        default: break
        }
    }

    func endCell() {
        guard inCell else { return }
        inCell = false
        capturing = false
        guard let text = cellText(), !text.isEmpty else { return }
        if longerThanCell(text, limits) { return fail(.cellTooLong(limit: limits.maxCellLength)) }
        guard let row = rows.last?.number, row <= limits.maxRows else { return fail(.tooManyRows(limit: limits.maxRows)) }
        guard cellColumn < limits.maxColumns else { return fail(.tooManyColumns(limit: limits.maxColumns)) }
        storedCells += 1
        guard storedCells <= limits.maxCells else { return fail(.tooManyCells(limit: limits.maxCells)) }
        rows[rows.count - 1].cells.append(Cell(column: cellColumn, text: text))
    }

    /// The cell's text by its type; nil after failing on a bad shared-string index.
    func cellText() -> String? {
        switch cellType {
        case "s":
            guard !value.isEmpty else { return "" }
            guard let index = CellReference.index(value), index < sharedStrings.count else {
                fail(.badSharedStringIndex(SpreadsheetError.excerpt(value), count: sharedStrings.count))
                return nil
            }
            return sharedStrings[index]
        case "b":
            return value.isEmpty ? "" : value == "1" ? "TRUE" : "FALSE"
        case "d":
            return ExcelDate.text(iso: value, kind: cellKind) ?? value
        case "n":
            if let kind = cellKind, let serial = Double(value), let text = ExcelDate.text(serial: serial, kind: kind, date1904: date1904) {
                return text
            }
            return Self.plainNumber(value)
        default:
            // "str" (a formula's text), "inlineStr", "e" (an error such as #N/A).
            return Self.plainNumber(value)
        }
    }

    /// Excel stores whole numbers typed into a cell as "2021" but sometimes as "2021.0".
    static func plainNumber(_ text: String) -> String {
        if text.hasSuffix(".0"), Double(text) != nil { return String(text.dropLast(2)) }
        return text
    }

    /// Lays the stored cells out as a table: row 1 is the header; later rows with any text
    /// become data rows, padded to the header's width. Refused before anything is allocated
    /// when the padded table would hold more than `maxCells` cells.
    func table() throws(SpreadsheetError) -> Table {
        var ordered = rows.filter { !$0.cells.isEmpty || $0.number == 1 }
        if !ordered.isSorted(by: { $0.number <= $1.number }) {
            ordered = ordered.enumerated().sorted { ($0.element.number, $0.offset) < ($1.element.number, $1.offset) }.map(\.element)
        }
        let hasHeader = ordered.first?.number == 1
        let headerCells = hasHeader ? ordered[0].cells : []
        let body = ordered.dropFirst(hasHeader ? 1 : 0).filter { !$0.cells.isEmpty }
        guard !headerCells.isEmpty || !body.isEmpty else { throw .empty }
        func width(_ cells: [Cell]) -> Int { (cells.map(\.column).max() ?? -1) + 1 }
        let headerWidth = width(headerCells)
        var total = headerWidth
        for row in body {
            let (sum, overflow) = total.addingReportingOverflow(Swift.max(headerWidth, width(row.cells)))
            guard !overflow, sum <= limits.maxCells else { throw .tooManyCells(limit: limits.maxCells) }
            total = sum
        }
        func layout(_ cells: [Cell], width: Int) -> [String] {
            var out = [String](repeating: "", count: width)
            for cell in cells { out[cell.column] = cell.text }
            return out
        }
        let header = layout(headerCells, width: headerWidth).map { $0.trimmingCharacters(in: .whitespaces) }
        return Table(header: header, rows: body.map { layout($0.cells, width: Swift.max(headerWidth, width($0.cells))) })
    }
}

extension Array {
    fileprivate func isSorted(by inOrder: (Element, Element) -> Bool) -> Bool {
        zip(self, dropFirst()).allSatisfy { inOrder($0, $1) }
    }
}
