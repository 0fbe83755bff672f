import Foundation

/// The cell styles of xl/styles.xml (`<cellXfs>`), as much as reading needs: whether each
/// style's number format shows a date, a time or both.
struct XLSXStyles {
    /// Indexed by a cell's `s` attribute.
    var kinds: [ExcelDate.Kind?] = []

    /// Excel allows about 64,000 cell formats; styles past this cap are not recorded, so a
    /// cell that names one is refused as a bad style index.
    static let maxStyles = 1 << 16

    static func parse(_ data: Data, part: String) throws(SpreadsheetError) -> XLSXStyles {
        let delegate = StylesParser()
        try XMLGuard.parse(data, part: part, delegate: delegate)
        // A code in <numFmts> wins over a built-in meaning of the same id.
        var cache: [Int: ExcelDate.Kind?] = [:]
        let kinds = delegate.formatIDs.map { id -> ExcelDate.Kind? in
            if let known = cache[id] { return known }
            let kind = delegate.codes[id].map(ExcelNumberFormat.kind(ofCode:)) ?? ExcelNumberFormat.builtinKind(id)
            cache[id] = kind
            return kind
        }
        return XLSXStyles(kinds: kinds)
    }
}

/// Collects `<numFmt numFmtId formatCode>` and the `numFmtId` of each `<xf>` in `<cellXfs>`
/// (not `<cellStyleXfs>`, whose `<xf>` elements cells do not index).
final class StylesParser: GuardedXMLDelegate {
    var codes: [Int: String] = [:]
    var formatIDs: [Int] = []
    var inCellXfs = false

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "numFmt":
            if codes.count < XLSXStyles.maxStyles, let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                codes[id] = code
            }
        case "cellXfs":
            inCellXfs = true
        case "xf" where inCellXfs && formatIDs.count < XLSXStyles.maxStyles:
            formatIDs.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default:
            break
        }
    }

    override func end(_ name: String) {
        if name == "cellXfs" { inCellXfs = false }
    }
}

/// An element name without its namespace prefix ("x:row" → "row"): some writers prefix
/// every SpreadsheetML element. Most do not, so that case copies nothing.
func localName(_ name: String) -> String {
    guard name.utf8.contains(UInt8(ascii: ":")), let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
}
