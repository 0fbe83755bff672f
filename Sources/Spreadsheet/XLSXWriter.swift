import Foundation
import ZIPFoundation

/// Writes an .xlsx workbook. Cells are inline strings, so ID-like codes keep their leading
/// zeros and nothing is evaluated as a formula; a layout may mark columns numeric (written as
/// numbers when they read as one), set widths, freeze the header, filter it and give coded
/// columns a drop-down list.
public enum XLSXWriter {
    /// One sheet of a workbook: its name, cells and layout.
    public struct Sheet: Sendable {
        public var name: String
        public var table: Table
        public var layout: SheetLayout?

        public init(name: String, table: Table, layout: SheetLayout? = nil) {
            self.name = name
            self.table = table
            self.layout = layout
        }
    }

    public static func write(_ table: Table, sheetName: String = "Sheet1", layout: SheetLayout? = nil) throws -> Data {
        try write([Sheet(name: sheetName, table: table, layout: layout)])
    }

    /// A workbook of these sheets, the first one active.
    /// Drop-down lists too long to write inline go to a hidden last sheet (`ChoiceListSheet`).
    public static func write(_ sheets: [Sheet]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let lists = ChoiceListSheet(sheets)
        let all = lists.isEmpty ? sheets : sheets + [lists.sheet]
        var files: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets: all.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook(all, lists: lists)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets: all.count)),
        ]
        for (index, sheet) in all.enumerated() {
            files.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet.table, layout: sheet.layout) { lists.formula(sheet: index, column: $0) }))
        }
        for (path, text) in files {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw SpreadsheetError.notAWorkbook("could not build archive") }
        return data
    }

    /// - Parameter listFormula: the formula of a column's drop-down kept on the sheet of lists,
    ///   for lists too long to write inline.
    static func worksheet(_ table: Table, layout: SheetLayout? = nil, listFormula: (Int) -> String? = { _ in nil }) -> String {
        let width = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        let lastRow = table.rows.count + 1
        let lastColumn = columnName(max(width, 1) - 1)
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        // The elements in the order the schema (CT_Worksheet) requires.
        if layout?.freezeHeader == true {
            xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        }
        if let columns = layout?.columns, columns.contains(where: { $0.width != nil }) {
            xml += "<cols>"
            for (index, column) in columns.enumerated() {
                guard let w = column.width else { continue }
                xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(w)" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (r, row) in ([table.header] + table.rows).enumerated() {
            xml += #"<row r="\#(r + 1)">"#
            for (c, cell) in row.enumerated() where !cell.isEmpty {
                let reference = "\(columnName(c))\(r + 1)"
                if r > 0, layout?.columns[safe: c]?.numeric == true, let number = numberText(cell) {
                    xml += #"<c r="\#(reference)"><v>\#(number)</v></c>"#
                } else {
                    xml += #"<c r="\#(reference)" t="inlineStr"><is><t xml:space="preserve">\#(escape(cell))</t></is></c>"#
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if layout?.autoFilter == true {
            xml += #"<autoFilter ref="A1:\#(lastColumn)\#(lastRow)"/>"#
        }
        let lists = (layout?.columns ?? []).enumerated().compactMap { index, column in
            (column.choices.flatMap(SheetLayout.inlineList) ?? listFormula(index)).map { (index, $0) }
        }
        if !lists.isEmpty {
            xml += #"<dataValidations count="\#(lists.count)">"#
            for (index, formula) in lists {
                let column = columnName(index)
                xml += #"<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="\#(column)2:\#(column)1048576"><formula1>\#(escape(formula))</formula1></dataValidation>"#
            }
            xml += "</dataValidations>"
        }
        return xml + "</worksheet>"
    }

    /// The cell's text as an OOXML number, when it is a plain finite decimal number written
    /// without leading zeros (a code such as 007 stays text).
    static func numberText(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 15, let value = Double(trimmed), value.isFinite else { return nil }
        let digits = trimmed.hasPrefix("-") ? trimmed.dropFirst() : Substring(trimmed)
        guard digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), digits.first != "." else { return nil }
        if digits.count > 1, digits.first == "0", !digits.hasPrefix("0.") { return nil }
        return trimmed
    }

    static func columnName(_ index: Int) -> String { CellReference.columnName(index) }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // Control characters are not allowed in XML 1.0; drop them.
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func contentTypes(sheets: Int) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        for index in 1...max(1, sheets) {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(index).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return xml + "</Types>"
    }

    static let rootRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#

    static func workbookRelationships(sheets: Int) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 1...max(1, sheets) {
            xml += #"<Relationship Id="rId\#(index)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(index).xml"/>"#
        }
        return xml + "</Relationships>"
    }

    /// The workbook part; with lists, the last sheet is the hidden sheet of lists.
    static func workbook(_ sheets: [Sheet], lists: ChoiceListSheet? = nil) -> String {
        let hidden = lists?.isEmpty == false ? sheets.count - 1 : nil
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        for (index, sheet) in sheets.enumerated() {
            let state = index == hidden ? #" state="hidden""# : ""
            xml += #"<sheet name="\#(escape(sheetName(sheet.name)))" sheetId="\#(index + 1)"\#(state) r:id="rId\#(index + 1)"/>"#
        }
        xml += "</sheets>"
        // Excel keeps a filter's range as a hidden defined name; without it some versions drop the filter.
        let filtered = sheets.enumerated().filter { $0.element.layout?.autoFilter == true }
        let named = lists?.lists ?? []
        if !filtered.isEmpty || !named.isEmpty {
            xml += "<definedNames>"
            for list in named {
                xml += #"<definedName name="\#(list.definedName)">\#(escape(list.range))</definedName>"#
            }
            for (index, sheet) in filtered {
                let width = max(sheet.table.header.count, sheet.table.rows.map(\.count).max() ?? 0, 1)
                let quoted = sheetName(sheet.name).replacingOccurrences(of: "'", with: "''")
                xml += #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(index)" hidden="1">\#(escape("'\(quoted)'!$A$1:$\(columnName(width - 1))$\(sheet.table.rows.count + 1)"))</definedName>"#
            }
            xml += "</definedNames>"
        }
        return xml + "</workbook>"
    }

    /// A sheet name Excel accepts: at most 31 characters, none of : \\ / ? * [ ].
    static func sheetName(_ name: String) -> String {
        let cleaned = String(name.filter { !":\\/?*[]".contains($0) }.prefix(31))
        return cleaned.isEmpty ? "Sheet" : cleaned
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
