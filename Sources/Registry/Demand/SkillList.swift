import Foundation

/// A list of skill terms as written in a demand post or a program's syllabus: split on the
/// separators people use in Excel cells (; ； , ， 、 and line breaks), trimmed, compatibility-
/// normalised (full-width letters become ASCII) and lower-cased, so that "Python" and "ＰＹＴＨＯＮ"
/// are one skill. Duplicates are dropped; the first spelling's position is kept.
public enum SkillList {
    public static let separators: Set<Character> = [";", "；", ",", "，", "、", "\n", "\r\n", "|"]
    public static let maxTerms = 30
    public static let maxTermLength = 40

    public static func normalise(_ term: String) -> String {
        term.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    public static func parse(_ text: String) -> [String] {
        var seen: Set<String> = []
        var terms: [String] = []
        for piece in text.split(whereSeparator: { separators.contains($0) }) {
            let term = normalise(String(piece))
            if !term.isEmpty, seen.insert(term).inserted { terms.append(term) }
        }
        return terms
    }

    /// The stored form: terms joined by `;`.
    public static func join(_ terms: [String]) -> String? {
        terms.isEmpty ? nil : terms.joined(separator: ";")
    }
}

extension FieldReader {
    /// An optional list of skill terms, at most `SkillList.maxTerms` of at most
    /// `SkillList.maxTermLength` characters each.
    public mutating func skills(_ field: String, _ value: String?) -> [String] {
        guard let text = optional(field, value, maxLength: 2000) else { return [] }
        let terms = SkillList.parse(text)
        if terms.count > SkillList.maxTerms {
            fail(FieldError(field: field, zh: "技能不能超过\(SkillList.maxTerms)项", en: "must list at most \(SkillList.maxTerms) skills"))
            return []
        }
        if let long = terms.first(where: { $0.count > SkillList.maxTermLength }) {
            fail(FieldError(field: field, zh: "技能“\(long)”超过\(SkillList.maxTermLength)个字符", en: "skill '\(long)' is longer than \(SkillList.maxTermLength) characters"))
            return []
        }
        return terms
    }

    /// An occupation of 职业分类大典（2022）at 小类 level (`4-04-05`) or below (`4-04-05-01`).
    /// A 细类 code is accepted when its 小类 exists, because the bundled 细类 list is partial.
    public mutating func occupation(_ field: String, _ value: String?, catalog: ReferenceCatalog) -> OccupationCatalog.Entry? {
        guard let text = required(field, value, maxLength: 12) else { return nil }
        if let entry = catalog.occupations[text], entry.level == "small" || entry.level == "detail" { return entry }
        let parts = text.split(separator: "-")
        if parts.count == 4, parts[3].count == 2, parts[3].allSatisfy(\.isNumber),
           let group = catalog.occupations[parts.prefix(3).joined(separator: "-")], group.level == "small" {
            return OccupationCatalog.Entry(code: text, name: group.name, level: "detail")
        }
        if let entry = catalog.occupations[text] {
            fail(FieldError(field: field, zh: "职业代码“\(text)”是\(entry.level == "major" ? "大类" : "中类")，请填写小类（如4-04-05）或细类代码",
                            en: "'\(text)' is a \(entry.level == "major" ? "major" : "middle") group; give a small group (such as 4-04-05) or an occupation code"))
        } else {
            fail(.notInList(field, value: text, list: "职业分类大典（2022）occupation classification"))
        }
        return nil
    }

    /// An optional industry cluster (产业集群) by code or Chinese name.
    public mutating func industryCluster(_ field: String, _ value: String?, catalog: ReferenceCatalog) -> String? {
        guard let text = optional(field, value, maxLength: 40) else { return nil }
        guard let cluster = catalog.industryClusters.first(where: { $0.code == text || $0.nameZh == text }) else {
            fail(.notInList(field, value: text, list: "产业集群 industry cluster"))
            return nil
        }
        return cluster.code
    }
}

extension OccupationCatalog {
    /// The 小类 (`4-04-05`) an occupation code belongs to: the level gaps are computed at.
    public static func smallGroup(of code: String) -> String {
        let parts = code.split(separator: "-")
        return parts.count > 3 ? parts.prefix(3).joined(separator: "-") : code
    }
}

extension OccupationCatalog.Entry {
    public var smallGroup: String { OccupationCatalog.smallGroup(of: code) }
}
