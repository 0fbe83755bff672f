/// 职业教育专业目录（2021年）: every major (专业) with its level, category (大类) and class (类).
public struct ProgramCatalog: Sendable {
    public struct Entry: Sendable, Hashable {
        public let code: String
        public let name: String
        public let level: EducationLevel
        public let categoryCode: String
        public let categoryName: String
        public let classCode: String
        public let className: String
    }

    public let entries: [String: Entry]

    init(rows: [NamedRow]) {
        var entries: [String: Entry] = [:]
        for row in rows {
            let level: EducationLevel
            switch row["level"] {
            case "VOCATIONAL_SECONDARY": level = .secondary
            case "VOCATIONAL_ASSOCIATE": level = .associate
            case "VOCATIONAL_BACHELOR": level = .undergraduate
            default: continue // not a level of this catalogue; a test checks every row has one
            }
            entries[row["major_code"]] = Entry(
                code: row["major_code"], name: row["major_name"], level: level,
                categoryCode: row["category_code"], categoryName: row["category_name"],
                classCode: row["class_code"], className: row["class_name"]
            )
        }
        self.entries = entries
    }

    public subscript(code: String) -> Entry? { entries[code] }

    /// All majors of one level, sorted by code.
    public func majors(at level: EducationLevel) -> [Entry] {
        entries.values.filter { $0.level == level }.sorted { $0.code < $1.code }
    }
}
