/// Draft program → occupation mappings from the names alone: the occupation groups whose
/// names share the most two-character pieces with the program's name (软件技术 and
/// 软件和信息技术服务人员 share 软件). A starting point for the city to review, never a
/// substitute for its table; the demo city uses it so that its numbers read sensibly.
public enum MappingSuggestion {
    /// Pieces too common in either list to say anything.
    static let ignored: Set<String> = ["技术", "人员", "工程", "管理", "服务", "其他", "专业", "应用", "生产", "制造", "设计", "及其", "相关", "和信"]

    static func bigrams(_ text: String) -> Set<String> {
        let chars = Array(text.filter { !$0.isWhitespace && $0 != "、" && $0 != "（" && $0 != "）" })
        guard chars.count > 1 else { return [] }
        return Set((0..<(chars.count - 1)).map { String(chars[$0...($0 + 1)]) }).subtracting(ignored)
    }

    /// Up to `limit` occupation codes for `programName`, best first (ties by code); none when
    /// nothing is shared.
    public static func suggest(programName: String, occupations: [(code: String, name: String)], limit: Int = 2) -> [String] {
        let wanted = bigrams(programName)
        guard !wanted.isEmpty else { return [] }
        var scored: [(code: String, score: Int)] = []
        for occupation in occupations {
            let score = bigrams(occupation.name).intersection(wanted).count
            if score > 0 { scored.append((occupation.code, score)) }
        }
        scored.sort { a, b in a.score != b.score ? a.score > b.score : a.code < b.code }
        return scored.prefix(limit).map { $0.code }
    }
}
