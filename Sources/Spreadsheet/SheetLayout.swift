/// How a written sheet behaves in Excel and WPS beyond its cells: which columns hold numbers
/// (so SUM works), their widths, drop-down lists for coded columns, a frozen header row and an
/// autofilter on it.
public struct SheetLayout: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        /// Cells that read as a number are written as numbers; others stay text.
        public var numeric: Bool
        /// Width in characters (Excel's unit); nil: Excel's default.
        public var width: Double?
        /// The values a drop-down offers for the column's data cells; nil: none. A list too
        /// long to write inline goes to a hidden sheet of lists (`ChoiceListSheet`).
        public var choices: [String]?
        /// What each choice means (a code's name), written beside it on the sheet of lists so
        /// a person who unhides it can look a code up; nil: nothing.
        public var choiceNotes: [String]?

        public init(numeric: Bool = false, width: Double? = nil, choices: [String]? = nil, choiceNotes: [String]? = nil) {
            self.numeric = numeric
            self.width = width
            self.choices = choices
            self.choiceNotes = choiceNotes
        }
    }

    public var columns: [Column]
    public var freezeHeader: Bool
    public var autoFilter: Bool

    public init(columns: [Column], freezeHeader: Bool = true, autoFilter: Bool = true) {
        self.columns = columns
        self.freezeHeader = freezeHeader
        self.autoFilter = autoFilter
    }

    /// A width that fits the header and the longest of the first rows, counting a CJK
    /// character as two, between 6 and 40.
    public static func width(header: String, samples: some Sequence<String>) -> Double {
        func columns(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) } }
        let widest = samples.reduce(columns(header)) { max($0, columns($1)) }
        return Double(min(40, max(6, widest + 2)))
    }

    /// Widths that fit each column of `table`: its header and its first 200 rows.
    public static func widths(fitting table: Table) -> [Double] {
        table.header.indices.map { i in
            width(header: table.header[i], samples: table.rows.prefix(200).map { i < $0.count ? $0[i] : "" })
        }
    }

    /// The longest list Excel takes written inline in a validation (`"a,b,c"`): 255 characters.
    static let inlineListLimit = 255

    /// The list as an inline formula, or nil when it cannot be one (too long, or a value that
    /// holds the separator or a quote).
    static func inlineList(_ values: [String]) -> String? {
        guard !values.isEmpty, !values.contains(where: { $0.contains(",") || $0.contains("\"") }) else { return nil }
        let joined = values.joined(separator: ",")
        return joined.count <= inlineListLimit ? "\"" + joined + "\"" : nil
    }
}
