/// GB/T 4754-2017 国民经济行业分类: sections (门类, a letter), divisions (大类, 2 digits),
/// groups (中类, 3 digits) and classes (小类, 4 digits).
public struct IndustryCatalog: Sendable {
    public struct Entry: Sendable, Hashable {
        public let code: String
        public let name: String
        public let section: String
        public let level: Int
    }

    public let entries: [String: Entry]

    init(rows: [NamedRow]) {
        var entries: [String: Entry] = [:]
        for row in rows {
            entries[row["code"]] = Entry(code: row["code"], name: row["name"], section: row["section"], level: Int(row["level"]) ?? 0)
        }
        self.entries = entries
    }

    public subscript(code: String) -> Entry? { entries[code] }

    /// The 4-digit classes, which is what an enterprise registers under.
    public var classes: [Entry] { entries.values.filter { $0.level == 4 }.sorted { $0.code < $1.code } }
}
