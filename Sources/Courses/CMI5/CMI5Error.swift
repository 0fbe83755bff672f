/// Why a cmi5 course structure or package is refused. Each case names the element, attribute or
/// file and the rule, in Chinese (`messageZh`) and English (`messageEn`); `requirement` gives the
/// cmi5 requirement or section it enforces where there is one.
public enum CMI5Error: Error, Equatable, Sendable {
    // The package.
    /// Neither a ZIP archive nor a course structure XML file (14.0.0.0-1, 14.1.0.0-1).
    case notAPackage(reason: String)
    /// A ZIP package without `cmi5.xml` at its root (14.1.0.0-2).
    case missingCourseStructure
    /// The ZIP reader refused the archive or a part (damaged, too large, a bomb).
    case unreadableArchive(reason: String)

    // The XML.
    case unsafeXML(reason: String)
    case malformedXML(line: Int, reason: String)
    case tooDeep(limit: Int)
    case tooManyElements(limit: Int)
    /// The root is not `courseStructure` in the cmi5 namespace (13.2.0.0-1).
    case notACourseStructure(root: String)
    /// An element where the schema does not allow it (13.2.0.0-1).
    case unexpectedElement(element: String, inside: String, expected: String)
    case missingElement(element: String, inside: String)
    case missingAttribute(attribute: String, element: String)
    case unknownAttribute(attribute: String, element: String)
    /// An attribute outside its value space (moveOn, launchMethod, masteryScore).
    case invalidValue(attribute: String, element: String, value: String, allowed: String)
    case emptyValue(field: String, element: String)

    // The rules.
    /// An id (or idref, or activityType) that is not an IRI (3.0.0.0-1).
    case notAnIRI(field: String, element: String, value: String, reason: String)
    /// Two course, block or AU ids, or two objective ids, alike (13.1.2.0-1, 13.1.3.0-1, 13.1.4.0-1).
    case duplicateID(element: String, id: String)
    /// An `objective idref` that names no objective of the course.
    case unknownObjective(idref: String, element: String)
    /// An AU url that is not a URL (13.1.4.0-2).
    case invalidURL(au: String, url: String, reason: String)
    /// A relative AU url in a course structure given without a ZIP (14.2.0.0-1).
    case relativeURLWithoutPackage(au: String, url: String)
    /// A relative AU url naming no file in the package (14.1.0.0-4).
    case urlNotInPackage(au: String, path: String)
    /// A relative AU url that climbs out of the package or starts at the server root.
    case urlOutsidePackage(au: String, url: String)
    /// An AU url query parameter named like a cmi5 launch parameter (8.1, 13.1.4).
    case reservedLaunchParameter(au: String, name: String)

    /// Several problems; `issues` lists them.
    indirect case several([CMI5Error])

    /// Every problem, flattened.
    public var issues: [CMI5Error] {
        if case let .several(list) = self { return list.flatMap(\.issues) }
        return [self]
    }

    static func from(_ list: [CMI5Error]) -> CMI5Error? {
        switch list.count {
        case 0: nil
        case 1: list[0]
        default: .several(list)
        }
    }

    public var requirement: String? {
        switch self {
        case .notAPackage: "14.0.0.0-1"
        case .missingCourseStructure: "14.1.0.0-2"
        case .notACourseStructure, .unexpectedElement, .missingElement, .missingAttribute, .unknownAttribute, .invalidValue: "13.2.0.0-1"
        case .notAnIRI: "3.0.0.0-1"
        case let .duplicateID(element, _):
            switch element {
            case "block": "13.1.2.0-1"
            case "objective": "13.1.3.0-1"
            default: "13.1.4.0-1"
            }
        case .invalidURL: "13.1.4.0-2"
        case .relativeURLWithoutPackage: "14.2.0.0-1"
        case .urlNotInPackage: "14.1.0.0-4"
        case .reservedLaunchParameter: "8.1.0.0-5"
        default: nil
        }
    }

    public var messageZh: String {
        switch self {
        case let .notAPackage(reason): "不是 cmi5 课程包（应为含 cmi5.xml 的 ZIP 或课程结构 XML）：\(reason)"
        case .missingCourseStructure: "ZIP 课程包根目录下没有 cmi5.xml"
        case let .unreadableArchive(reason): "课程包无法读取：\(reason)"
        case let .unsafeXML(reason): "cmi5.xml 不安全或编码不对：\(reason)"
        case let .malformedXML(line, reason): "cmi5.xml 第 \(line) 行 XML 格式错误：\(reason)"
        case let .tooDeep(limit): "cmi5.xml 嵌套超过 \(limit) 层"
        case let .tooManyElements(limit): "cmi5.xml 元素超过 \(limit) 个"
        case let .notACourseStructure(root): "根元素应为 cmi5 命名空间下的 courseStructure，实为 \(root)"
        case let .unexpectedElement(element, inside, expected): "<\(inside)> 中不应出现 <\(element)>，此处应为 \(expected)"
        case let .missingElement(element, inside): "<\(inside)> 缺少必需的 <\(element)>"
        case let .missingAttribute(attribute, element): "<\(element)> 缺少必需的属性 \(attribute)"
        case let .unknownAttribute(attribute, element): "<\(element)> 有未定义的属性 \(attribute)"
        case let .invalidValue(attribute, element, value, allowed): "<\(element)> 的 \(attribute)=\"\(value)\" 不合法，应为 \(allowed)"
        case let .emptyValue(field, element): "<\(element)> 的 \(field) 为空"
        case let .notAnIRI(field, element, value, reason): "<\(element)> 的 \(field)「\(value)」不是 IRI：\(reason)"
        case let .duplicateID(element, id): "<\(element)> 的 id「\(id)」在课程结构中重复"
        case let .unknownObjective(idref, element): "<\(element)> 引用的学习目标「\(idref)」未在课程中定义"
        case let .invalidURL(au, url, reason): "AU「\(au)」的 url「\(url)」不是合法 URL：\(reason)"
        case let .relativeURLWithoutPackage(au, url): "AU「\(au)」的 url「\(url)」是相对地址，但课程结构不在 ZIP 包中，须用完整 URL"
        case let .urlNotInPackage(au, path): "AU「\(au)」的 url 指向的文件「\(path)」不在课程包中"
        case let .urlOutsidePackage(au, url): "AU「\(au)」的 url「\(url)」超出课程包根目录"
        case let .reservedLaunchParameter(au, name): "AU「\(au)」的 url 查询参数 \(name) 与 cmi5 启动参数冲突（endpoint、fetch、actor、registration、activityId 由平台填写）"
        case let .several(list): "课程包有 \(list.count) 处问题：" + list.map(\.messageZh).joined(separator: "；")
        }
    }

    public var messageEn: String {
        switch self {
        case let .notAPackage(reason): "Not a cmi5 course package (a ZIP with cmi5.xml, or a course structure XML): \(reason)"
        case .missingCourseStructure: "The ZIP package has no cmi5.xml at its root"
        case let .unreadableArchive(reason): "The package cannot be read: \(reason)"
        case let .unsafeXML(reason): "cmi5.xml is unsafe or not UTF-8: \(reason)"
        case let .malformedXML(line, reason): "cmi5.xml is not well-formed XML at line \(line): \(reason)"
        case let .tooDeep(limit): "cmi5.xml nests deeper than \(limit) levels"
        case let .tooManyElements(limit): "cmi5.xml has more than \(limit) elements"
        case let .notACourseStructure(root): "The root element must be courseStructure in the cmi5 namespace, not \(root)"
        case let .unexpectedElement(element, inside, expected): "<\(element)> is not allowed here in <\(inside)>; expected \(expected)"
        case let .missingElement(element, inside): "<\(inside)> lacks the required <\(element)>"
        case let .missingAttribute(attribute, element): "<\(element)> lacks the required attribute \(attribute)"
        case let .unknownAttribute(attribute, element): "<\(element)> has an undefined attribute \(attribute)"
        case let .invalidValue(attribute, element, value, allowed): "<\(element)> \(attribute)=\"\(value)\" is invalid; expected \(allowed)"
        case let .emptyValue(field, element): "<\(element)> \(field) is empty"
        case let .notAnIRI(field, element, value, reason): "<\(element)> \(field) \"\(value)\" is not an IRI: \(reason)"
        case let .duplicateID(element, id): "<\(element)> id \"\(id)\" is used more than once in the course structure"
        case let .unknownObjective(idref, element): "<\(element)> refers to objective \"\(idref)\", which the course does not define"
        case let .invalidURL(au, url, reason): "AU \"\(au)\" url \"\(url)\" is not a valid URL: \(reason)"
        case let .relativeURLWithoutPackage(au, url): "AU \"\(au)\" url \"\(url)\" is relative but the course structure is not in a ZIP package; it must be fully qualified"
        case let .urlNotInPackage(au, path): "AU \"\(au)\" url points at \"\(path)\", which is not in the package"
        case let .urlOutsidePackage(au, url): "AU \"\(au)\" url \"\(url)\" leaves the package root"
        case let .reservedLaunchParameter(au, name): "AU \"\(au)\" url has the query parameter \(name), which collides with a cmi5 launch parameter (endpoint, fetch, actor, registration, activityId are the LMS's)"
        case let .several(list): "The package has \(list.count) problems: " + list.map(\.messageEn).joined(separator: "; ")
        }
    }
}
