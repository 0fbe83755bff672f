import Foundation
import Spreadsheet

/// Reads `cmi5.xml` into a `CourseStructure`, checking it against the cmi5 CourseStructure.xsd
/// (element order and cardinality, attribute value spaces) as it goes. Elements in another
/// namespace are vendor extensions (§13.1.5) and are skipped. The spec's further rules (IRIs,
/// unique ids, URLs) are checked by `CourseStructureRules`.
public enum CourseStructureParser {
    public static let namespace = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
    /// The largest `cmi5.xml` read (the 1,000-AU CATAPULT structure is some 400 KB).
    public static let maxBytes = 32 << 20

    public static func parse(_ data: Data) throws(CMI5Error) -> CourseStructure {
        guard data.count <= maxBytes else { throw .unsafeXML(reason: "larger than \(maxBytes >> 20) MiB / 超过 \(maxBytes >> 20) MiB") }
        do {
            try ZipPackageReader.checkXML(data, part: "cmi5.xml")
        } catch {
            throw .unsafeXML(reason: "\(error.messageEn) / \(error.messageZh)")
        }
        let root = try XMLTreeBuilder.parse(data)
        guard root.name == "courseStructure", root.namespace == namespace else {
            throw .notACourseStructure(root: root.namespace.isEmpty ? root.name : "{\(root.namespace)}\(root.name)")
        }
        try checkAttributes(root, allowed: [])
        var cursor = try Cursor(root)
        let courseElement = try cursor.one("course")
        try checkAttributes(courseElement, allowed: ["id"])
        var courseCursor = try Cursor(courseElement)
        let course = CourseInfo(
            id: try required("id", of: courseElement),
            title: try text(courseCursor.one("title")),
            description: try text(courseCursor.one("description"))
        )
        try courseCursor.end()
        var objectives: [Objective] = []
        if let list = cursor.optional("objectives") {
            try checkAttributes(list, allowed: [])
            var inner = try Cursor(list)
            for element in try inner.oneOrMore(["objective"]) { objectives.append(try objective(element)) }
            try inner.end()
        }
        let children = try cursor.oneOrMore(["au", "block"]).map { (element) throws(CMI5Error) -> CourseNode in try node(element) }
        try cursor.end()
        return CourseStructure(course: course, objectives: objectives, children: children)
    }

    // MARK: - Elements

    static func node(_ element: XMLElement) throws(CMI5Error) -> CourseNode {
        element.name == "au" ? .au(try au(element)) : .block(try block(element))
    }

    static func block(_ element: XMLElement) throws(CMI5Error) -> Block {
        try checkAttributes(element, allowed: ["id"])
        var cursor = try Cursor(element)
        let title = try text(cursor.one("title"))
        let description = try text(cursor.one("description"))
        let references = try cursor.optional("objectives").map(objectiveReferences) ?? []
        let children = try cursor.oneOrMore(["au", "block"]).map { (child) throws(CMI5Error) -> CourseNode in try node(child) }
        try cursor.end()
        return Block(id: try required("id", of: element), title: title, description: description, objectiveReferences: references, children: children)
    }

    static func au(_ element: XMLElement) throws(CMI5Error) -> AssignableUnit {
        try checkAttributes(element, allowed: ["id", "moveOn", "masteryScore", "launchMethod", "activityType"])
        var cursor = try Cursor(element)
        let title = try text(cursor.one("title"))
        let description = try text(cursor.one("description"))
        let references = try cursor.optional("objectives").map(objectiveReferences) ?? []
        let urlElement = try cursor.one("url")
        let launchParameters = cursor.optional("launchParameters")
        let entitlementKey = cursor.optional("entitlementKey")
        try cursor.end()
        let url = urlElement.trimmedText
        guard !url.isEmpty else { throw .emptyValue(field: "url", element: "au") }
        let id = try required("id", of: element)
        return AssignableUnit(
            id: id, title: title, description: description, objectiveReferences: references, url: url,
            launchMethod: try enumerated("launchMethod", of: element, default: .anyWindow),
            moveOn: try enumerated("moveOn", of: element, default: .notApplicable),
            masteryScore: try masteryScore(element),
            activityType: element.attributes["activityType"].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) },
            launchParameters: launchParameters?.trimmedText,
            entitlementKey: entitlementKey?.trimmedText
        )
    }

    static func objective(_ element: XMLElement) throws(CMI5Error) -> Objective {
        try checkAttributes(element, allowed: ["id"])
        // xs:all: title and description once each, in either order.
        let own = element.children.filter { $0.namespace == namespace }
        if let stray = element.children.first(where: { $0.namespace.isEmpty }) {
            throw .unexpectedElement(element: stray.name, inside: "objective", expected: "title, description")
        }
        var title: LocalizedText?
        var description: LocalizedText?
        for child in own {
            switch child.name {
            case "title" where title == nil: title = try text(child)
            case "description" where description == nil: description = try text(child)
            default: throw .unexpectedElement(element: child.name, inside: "objective", expected: "title, description")
            }
        }
        guard let title else { throw .missingElement(element: "title", inside: "objective") }
        guard let description else { throw .missingElement(element: "description", inside: "objective") }
        return Objective(id: try required("id", of: element), title: title, description: description)
    }

    static func objectiveReferences(_ element: XMLElement) throws(CMI5Error) -> [String] {
        try checkAttributes(element, allowed: [])
        var cursor = try Cursor(element)
        let references = try cursor.oneOrMore(["objective"])
        try cursor.end()
        var ids: [String] = []
        for reference in references {
            try checkAttributes(reference, allowed: ["idref"])
            ids.append(try required("idref", of: reference))
        }
        return ids
    }

    static func text(_ element: XMLElement) throws(CMI5Error) -> LocalizedText {
        try checkAttributes(element, allowed: [])
        var cursor = try Cursor(element)
        var strings: [LangString] = []
        for langstring in try cursor.oneOrMore(["langstring"]) {
            try checkAttributes(langstring, allowed: ["lang"])
            strings.append(LangString(lang: langstring.attributes["lang"], text: langstring.trimmedText))
        }
        try cursor.end()
        return LocalizedText(strings)
    }

    // MARK: - Attributes

    static func required(_ name: String, of element: XMLElement) throws(CMI5Error) -> String {
        guard let raw = element.attributes[name] else { throw .missingAttribute(attribute: name, element: element.name) }
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw .emptyValue(field: name, element: element.name) }
        return value
    }

    static func enumerated<T: RawRepresentable & CaseIterable>(_ name: String, of element: XMLElement, default value: T) throws(CMI5Error) -> T where T.RawValue == String {
        guard let raw = element.attributes[name] else { return value }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let parsed = T(rawValue: trimmed) else {
            throw .invalidValue(attribute: name, element: element.name, value: trimmed, allowed: T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return parsed
    }

    /// xs:decimal in 0…1 with at most 4 decimal places (§10.2.4, §13.1.4).
    static func masteryScore(_ element: XMLElement) throws(CMI5Error) -> Decimal? {
        guard let raw = element.attributes["masteryScore"] else { return nil }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let allowed = "a decimal in 0…1 with at most 4 decimal places / 0 到 1 之间、最多 4 位小数"
        let invalid = CMI5Error.invalidValue(attribute: "masteryScore", element: "au", value: text, allowed: allowed)
        var digits = Substring(text)
        if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty))
        else { throw invalid }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.reversed().drop(while: { $0 == "0" }).count <= 4,
              let value = Decimal(string: text.hasPrefix("+") ? String(text.dropFirst()) : text, locale: Locale(identifier: "en_US_POSIX")),
              value >= 0, value <= 1
        else { throw invalid }
        return value
    }

    /// Unqualified attributes must be the schema's; qualified ones (another namespace) are
    /// extensions and are allowed.
    static func checkAttributes(_ element: XMLElement, allowed: Set<String>) throws(CMI5Error) {
        for name in element.attributes.keys.sorted() where !name.contains(":") && !name.hasPrefix("xmlns") && !allowed.contains(name) {
            throw .unknownAttribute(attribute: name, element: element.name)
        }
    }

    /// Walks an element's children in the cmi5 namespace in schema order; children in another
    /// namespace are skipped, children in no namespace are refused.
    struct Cursor {
        let parent: String
        let items: [XMLElement]
        var index = 0

        init(_ element: XMLElement) throws(CMI5Error) {
            parent = element.name
            if let stray = element.children.first(where: { $0.namespace.isEmpty }) {
                throw .unexpectedElement(element: stray.name, inside: element.name, expected: "an element of the cmi5 namespace")
            }
            items = element.children.filter { $0.namespace == CourseStructureParser.namespace }
        }

        mutating func one(_ name: String) throws(CMI5Error) -> XMLElement {
            guard index < items.count else { throw .missingElement(element: name, inside: parent) }
            guard items[index].name == name else { throw .unexpectedElement(element: items[index].name, inside: parent, expected: "<\(name)>") }
            index += 1
            return items[index - 1]
        }

        mutating func optional(_ name: String) -> XMLElement? {
            guard index < items.count, items[index].name == name else { return nil }
            index += 1
            return items[index - 1]
        }

        mutating func oneOrMore(_ names: Set<String>) throws(CMI5Error) -> [XMLElement] {
            var found: [XMLElement] = []
            while index < items.count, names.contains(items[index].name) {
                found.append(items[index])
                index += 1
            }
            if found.isEmpty {
                let expected = names.sorted().map { "<\($0)>" }.joined(separator: " or ")
                guard index < items.count else { throw .missingElement(element: expected, inside: parent) }
                throw .unexpectedElement(element: items[index].name, inside: parent, expected: expected)
            }
            return found
        }

        func end() throws(CMI5Error) {
            guard index < items.count else { return }
            throw .unexpectedElement(element: items[index].name, inside: parent, expected: "the end of <\(parent)>")
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
