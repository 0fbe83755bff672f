import Foundation

/// Reads the first worksheet of an Office Open XML workbook (.xlsx) as text cells.
///
/// Shared strings, inline strings, rich text runs and plain numbers are read; formulas give
/// their cached value; numbers in a date or time format come out as ISO 8601 text
/// (`ExcelDate`), honouring the workbook's 1904 date system. Empty cells keep their column
/// position.
///
/// The file is treated as hostile (the lowest role may upload it): every size, count and
/// index in it is checked against `Limits`, inflating stops at the caps whatever the archive
/// declares, XML parts with a DTD are refused, and no input can trap or allocate past the
/// limits.
public enum XLSXReader {
    public static func read(_ data: Data) throws(SpreadsheetError) -> Table {
        try read(data, limits: .standard)
    }

    public static func read(_ data: Data, limits: Limits) throws(SpreadsheetError) -> Table {
        guard data.count <= limits.maxFileBytes else { throw .fileTooLarge(limit: limits.maxFileBytes) }
        if data.starts(with: oleSignature) { throw .encryptedOrLegacyWorkbook }
        var archive = try ZipArchive(data, limits: limits)

        let workbook = WorkbookParser()
        if let part = try archive.extract(workbookPath) { try XMLGuard.parse(part, part: workbookPath, delegate: workbook) }
        let sheetPath = try firstSheetPath(in: &archive, relationshipID: workbook.firstSheetID)

        var strings: [String] = []
        if let part = try archive.extract("xl/sharedStrings.xml") {
            let parser = SharedStringsParser(limits: limits)
            try XMLGuard.parse(part, part: "xl/sharedStrings.xml", delegate: parser)
            strings = parser.strings
        }
        var styles = XLSXStyles()
        if let part = try archive.extract("xl/styles.xml") { styles = try XLSXStyles.parse(part, part: "xl/styles.xml") }

        let parser = SheetParser(sharedStrings: strings, styles: styles.kinds, date1904: workbook.date1904, limits: limits)
        do {
            // Scoped so the inflated XML is freed before the table is laid out.
            guard let sheet = try archive.extract(sheetPath) else { throw .missingPart(SpreadsheetError.excerpt(sheetPath)) }
            try XMLGuard.parse(sheet, part: sheetPath, delegate: parser)
        }
        return try parser.table()
    }

    static let workbookPath = "xl/workbook.xml"
    /// An OLE compound file: what Excel writes for an encrypted workbook, and the old .xls.
    static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The workbook's first sheet, following workbook.xml and its relationships; without
    /// them, the conventional sheet1.xml.
    static func firstSheetPath(in archive: inout ZipArchive, relationshipID: String?) throws(SpreadsheetError) -> String {
        let fallback = "xl/worksheets/sheet1.xml"
        let relsPath = "xl/_rels/workbook.xml.rels"
        if let relationshipID, let rels = try archive.extract(relsPath) {
            let parser = RelationshipsParser(id: relationshipID)
            try XMLGuard.parse(rels, part: relsPath, delegate: parser)
            if let target = parser.target, let path = resolve(target), archive.contains(path) { return path }
        }
        if archive.contains(fallback) { return fallback }
        throw .missingPart("worksheet")
    }

    /// A relationship target relative to xl/ (or absolute from the package root) as an entry
    /// name; nil when ".." climbs out of the package.
    static func resolve(_ target: String) -> String? {
        var path: [Substring] = target.hasPrefix("/") ? [] : ["xl"]
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..":
                guard !path.isEmpty else { return nil }
                path.removeLast()
            default: path.append(segment)
            }
        }
        return path.joined(separator: "/")
    }
}
