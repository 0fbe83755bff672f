/// Drop-down lists longer than Excel takes inline (255 characters: a program catalogue, a long
/// list of names), written as columns of one hidden sheet and referred to by defined names.
/// A defined name, not a direct reference to the other sheet, because Excel before 2010 refuses
/// a list validation that points into another sheet.
struct ChoiceListSheet {
    /// The hidden sheet's name.
    static let sheetName = "下拉列表"

    struct List {
        /// The defined name the validation's formula uses.
        var definedName: String
        var title: String
        var values: [String]
        var notes: [String]?
        /// The sheet column (0-based) of the values; the notes sit in the next one.
        var column: Int

        var range: String {
            let c = XLSXWriter.columnName(column)
            return "'\(ChoiceListSheet.sheetName)'!$\(c)$2:$\(c)$\(values.count + 1)"
        }
    }

    private(set) var lists: [List] = []
    /// The list for each (sheet, column) that needs one.
    private(set) var byColumn: [Key: Int] = [:]

    struct Key: Hashable {
        var sheet: Int
        var column: Int
    }

    /// Plans a list for every column of `sheets` whose choices cannot be written inline; the
    /// same list used by several columns is written once.
    init(_ sheets: [XLSXWriter.Sheet]) {
        var next = 0
        for (s, sheet) in sheets.enumerated() {
            for (c, column) in (sheet.layout?.columns ?? []).enumerated() {
                guard let values = column.choices, !values.isEmpty, SheetLayout.inlineList(values) == nil else { continue }
                if let same = lists.firstIndex(where: { $0.values == values }) {
                    byColumn[Key(sheet: s, column: c)] = same
                    continue
                }
                let notes = column.choiceNotes.flatMap { $0.count == values.count ? $0 : nil }
                lists.append(List(definedName: "ZJ_List_\(lists.count + 1)", title: sheet.table.header[safe: c] ?? "列表\(lists.count + 1)",
                                  values: values, notes: notes, column: next))
                byColumn[Key(sheet: s, column: c)] = lists.count - 1
                next += notes == nil ? 1 : 2
            }
        }
    }

    var isEmpty: Bool { lists.isEmpty }

    /// The formula a column's validation uses: its list's defined name, or nil when the column
    /// has no list here (no choices, or short enough to be written inline).
    func formula(sheet: Int, column: Int) -> String? {
        byColumn[Key(sheet: sheet, column: column)].map { lists[$0].definedName }
    }

    /// The hidden sheet: each list's title over its values, the notes (if any) beside them.
    var sheet: XLSXWriter.Sheet {
        let width = lists.map { $0.column + ($0.notes == nil ? 1 : 2) }.max() ?? 1
        let height = lists.map(\.values.count).max() ?? 0
        var header = Array(repeating: "", count: width)
        var rows = Array(repeating: Array(repeating: "", count: width), count: height)
        for list in lists {
            header[list.column] = list.title
            if list.notes != nil { header[list.column + 1] = "名称" }
            for (r, value) in list.values.enumerated() {
                rows[r][list.column] = value
                if let notes = list.notes { rows[r][list.column + 1] = notes[r] }
            }
        }
        return XLSXWriter.Sheet(name: Self.sheetName, table: Table(header: header, rows: rows))
    }
}
