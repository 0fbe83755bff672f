import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the first worksheet of an Office Open XML workbook (.xlsx) as text cells.
///
/// Shared strings, inline strings, rich text runs and plain numbers are read; formulas give
/// their cached value. Empty cells keep their column position.
public enum XLSXReader {
    public static func read(_ data: Data) throws(SpreadsheetError) -> Table {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw .notAWorkbook("ZIP") }
        var strings: [String] = []
        if let shared = try entry("xl/sharedStrings.xml", in: archive) {
            guard let parsed = SharedStringsParser.parse(shared) else { throw .notAWorkbook("malformed sharedStrings.xml") }
            strings = parsed
        }
        let sheetPath = try firstSheetPath(in: archive)
        guard let sheet = try entry(sheetPath, in: archive) else { throw .notAWorkbook("no worksheet") }
        guard var rows = SheetParser.parse(sheet, sharedStrings: strings) else { throw .notAWorkbook("malformed worksheet") }
        while let last = rows.last, last.allSatisfy({ $0.isEmpty }) { rows.removeLast() }
        guard let header = rows.first else { throw .empty }
        let width = header.count
        let body = rows.dropFirst().map { row in
            row.count >= width ? row : row + Array(repeating: "", count: width - row.count)
        }.filter { !$0.allSatisfy(\.isEmpty) }
        return Table(header: header.map { $0.trimmingCharacters(in: .whitespaces) }, rows: Array(body))
    }

    static func entry(_ path: String, in archive: Archive) throws(SpreadsheetError) -> Data? {
        guard let entry = archive[path] else { return nil }
        var out = Data()
        do { _ = try archive.extract(entry, skipCRC32: false) { out.append($0) } } catch { throw .notAWorkbook("corrupt entry \(path)") }
        return out
    }

    /// The workbook's first sheet, following workbook.xml and its relationships.
    static func firstSheetPath(in archive: Archive) throws(SpreadsheetError) -> String {
        if let workbook = try entry("xl/workbook.xml", in: archive),
           let rels = try entry("xl/_rels/workbook.xml.rels", in: archive),
           let rid = AttributeScanner.firstAttribute(named: "r:id", ofElement: "sheet", in: workbook),
           let target = AttributeScanner.relationshipTarget(id: rid, in: rels) {
            return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        if archive["xl/worksheets/sheet1.xml"] != nil { return "xl/worksheets/sheet1.xml" }
        throw .notAWorkbook("no worksheet")
    }
}

/// Column letters of a cell reference ("AB12") to a zero-based index.
func columnIndex(of reference: String) -> Int? {
    var index = 0
    var sawLetter = false
    for scalar in reference.unicodeScalars {
        guard ("A"..."Z").contains(scalar) else { break }
        index = index * 26 + Int(scalar.value - 64)
        sawLetter = true
    }
    return sawLetter ? index - 1 : nil
}

/// Finds attributes with a small SAX pass; used for workbook.xml and its relationships.
enum AttributeScanner {
    final class Finder: NSObject, XMLParserDelegate {
        let element: String
        let match: ([String: String]) -> Bool
        var found: [String: String]?
        init(element: String, match: @escaping ([String: String]) -> Bool) {
            self.element = element
            self.match = match
        }
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            if found == nil, name == element || name.hasSuffix(":" + element), match(attributes) { found = attributes }
        }
    }

    static func find(element: String, in data: Data, where match: @escaping ([String: String]) -> Bool) -> [String: String]? {
        let finder = Finder(element: element, match: match)
        let parser = XMLParser(data: data)
        parser.delegate = finder
        return parser.parse() ? finder.found : nil
    }

    static func firstAttribute(named name: String, ofElement element: String, in data: Data) -> String? {
        find(element: element, in: data) { _ in true }?[name]
    }

    static func relationshipTarget(id: String, in data: Data) -> String? {
        find(element: "Relationship", in: data) { $0["Id"] == id }?["Target"]
    }
}

/// `<si>` items of sharedStrings.xml, concatenating rich-text runs.
final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inText = false
    var inPhonetic = false

    static func parse(_ data: Data) -> [String]? {
        let delegate = SharedStringsParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        return parser.parse() ? delegate.strings : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// Rows of a worksheet as text, placing each cell in its column.
final class SheetParser: NSObject, XMLParserDelegate {
    let sharedStrings: [String]
    var rows: [[String]] = []
    var row: [String] = []
    var cellType = ""
    var cellColumn: Int?
    var value = ""
    var capturing = false
    var rowNumber = 0

    init(sharedStrings: [String]) { self.sharedStrings = sharedStrings }

    static func parse(_ data: Data, sharedStrings: [String]) -> [[String]]? {
        let delegate = SheetParser(sharedStrings: sharedStrings)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        return parser.parse() ? delegate.rows : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch name {
        case "row":
            row = []
            // Keep spreadsheet row numbers: rows missing from the XML are empty rows.
            if let r = attributes["r"].flatMap(Int.init) {
                while rows.count < r - 1 { rows.append([]) }
            }
        case "c":
            cellType = attributes["t"] ?? "n"
            cellColumn = attributes["r"].flatMap(columnIndex(of:))
            value = ""
        case "v", "t":
            capturing = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": capturing = false
        case "c":
            let text: String
            switch cellType {
            case "s": text = Int(value).flatMap { $0 < sharedStrings.count ? sharedStrings[$0] : nil } ?? ""
            case "b": text = value == "1" ? "TRUE" : "FALSE"
            default: text = Self.plainNumber(value)
            }
            let column = cellColumn ?? row.count
            while row.count < column { row.append("") }
            if row.count == column { row.append(text) } else { row[column] = text }
        case "row": rows.append(row)
        default: break
        }
    }

    /// Excel stores whole numbers typed into a cell as "2021" but sometimes as "2021.0".
    static func plainNumber(_ text: String) -> String {
        if text.hasSuffix(".0"), Double(text) != nil { return String(text.dropLast(2)) }
        return text
    }
}
