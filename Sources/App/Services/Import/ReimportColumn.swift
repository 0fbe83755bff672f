import Foundation
import Registry

/// 记录编号: the column an export meant for re-import adds, holding each record's id. A file
/// with it is an update of the records it names (rows without an id are new records), so a
/// list exported, edited in Excel and imported back changes only what was edited.
enum ReimportColumn {
    static let headerZh = "记录编号"
    static let name = "recordId"

    /// The column holding record ids, if the file has one.
    static func index(in header: [String]) -> Int? {
        header.firstIndex { title in
            let t = title.trimmedField
            return t == headerZh || t.caseInsensitiveCompare(name) == .orderedSame
        }
    }

    /// A row's record id: nil for an empty cell (a new record), or the error of one that is not an id.
    static func id(_ cell: String) -> Result<UUID?, FieldError> {
        let text = cell.trimmedField
        guard !text.isEmpty else { return .success(nil) }
        guard let id = UUID(uuidString: text) else {
            return .failure(FieldError(field: name, zh: "记录编号无效（应为导出文件中的原值，新记录请留空）", en: "is not a record id (keep the exported value; leave it empty for a new record)"))
        }
        return .success(id)
    }

    /// The refusal of an id that names no record the caller may see (the two are not told apart).
    static var unknown: FieldError {
        FieldError(field: name, zh: "找不到该记录编号对应的记录，或该记录不在您的范围内", en: "names no record in your scope")
    }
}
