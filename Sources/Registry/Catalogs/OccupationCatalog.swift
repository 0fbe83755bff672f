/// 中华人民共和国职业分类大典（2022年版）: major (大类), middle (中类) and small (小类)
/// categories, and the occupations (细类) the bundled partial list has.
public struct OccupationCatalog: Sendable {
    public struct Entry: Sendable, Hashable {
        public let code: String
        public let name: String
        public let level: String
    }

    public let entries: [String: Entry]

    init(categories: [NamedRow], details: [NamedRow]) {
        var entries: [String: Entry] = [:]
        for row in categories {
            entries[row["code"]] = Entry(code: row["code"], name: row["name"], level: row["level"])
        }
        for row in details {
            entries[row["code"]] = Entry(code: row["code"], name: row["name"], level: "detail")
        }
        self.entries = entries
    }

    public subscript(code: String) -> Entry? { entries[code] }
}
