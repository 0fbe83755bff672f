import Foundation

/// xl/workbook.xml: the first sheet's relationship id and the date system.
final class WorkbookParser: GuardedXMLDelegate {
    var firstSheetID: String?
    var date1904 = false

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "sheet" where firstSheetID == nil:
            // Usually "r:id", but the prefix is the writer's choice.
            firstSheetID = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value
        case "workbookPr":
            if let flag = attributes["date1904"]?.lowercased() { date1904 = flag == "1" || flag == "true" }
        default:
            break
        }
    }
}

/// xl/_rels/workbook.xml.rels: the target of one relationship.
final class RelationshipsParser: GuardedXMLDelegate {
    let id: String
    var target: String?

    init(id: String) { self.id = id }

    override func start(_ name: String, _ attributes: [String: String]) {
        guard target == nil, name == "Relationship", attributes["Id"] == id, attributes["TargetMode"] != "External" else { return }
        target = attributes["Target"]
    }
}

/// `<si>` items of xl/sharedStrings.xml, concatenating rich-text runs and leaving out
/// phonetic guides (`<rPh>`).
final class SharedStringsParser: GuardedXMLDelegate {
    let limits: SpreadsheetLimits
    var strings: [String] = []
    var current = ""
    var inText = false
    var inPhonetic = false

    init(limits: SpreadsheetLimits) { self.limits = limits }

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    override func text(_ string: String) {
        guard inText else { return }
        current += string
        if exceedsCellLength(current, limits) { fail(.cellTooLong(limit: limits.maxCellLength)) }
    }


    override func end(_ name: String) {
        switch name {
        case "si":
            guard failure == nil else { return }
            if longerThanCell(current, limits) { return fail(.cellTooLong(limit: limits.maxCellLength)) }
            guard strings.count < limits.maxCells else { return fail(.tooManyStrings(limit: limits.maxCells)) }
            strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// True once text being gathered is certainly past the cell limit: a UTF-16 unit takes at
/// most 3 UTF-8 bytes, so this stops runaway text early without counting characters.
func exceedsCellLength(_ text: String, _ limits: SpreadsheetLimits) -> Bool {
    text.utf8.count / 3 > limits.maxCellLength
}

/// The exact test, in UTF-16 units as Excel counts; only counted when the bytes could exceed it.
func longerThanCell(_ text: String, _ limits: SpreadsheetLimits) -> Bool {
    text.utf8.count > limits.maxCellLength && text.utf16.count > limits.maxCellLength
}
