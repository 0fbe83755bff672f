import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element: just enough of a DOM to check a course structure against its schema.
struct XMLElement: Sendable {
    var name: String
    var namespace: String
    var attributes: [String: String]
    var children: [XMLElement]
    var text: String
    var line: Int

    /// Trimmed text content (cmi5 §13.1: leading and trailing whitespace is removed on import).
    var trimmedText: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// Builds an `XMLElement` tree with XMLParser (namespaces on, external entities off), bounded
/// in depth and element count. The caller has already refused DTDs and non-UTF-8 input.
final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    static let maxDepth = 64
    static let maxElements = 500_000

    private var stack: [XMLElement] = []
    private var root: XMLElement?
    private var count = 0
    private var limitError: CMI5Error?
    private weak var parser: XMLParser?

    static func parse(_ data: Data) throws(CMI5Error) -> XMLElement {
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let builder = XMLTreeBuilder()
        builder.parser = parser
        parser.delegate = builder
        let ok = parser.parse()
        if let error = builder.limitError { throw error }
        guard ok, let root = builder.root else {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "no root element"
            throw .malformedXML(line: parser.lineNumber, reason: reason)
        }
        return root
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        count += 1
        if count > Self.maxElements { fail(.tooManyElements(limit: Self.maxElements)); return }
        if stack.count >= Self.maxDepth { fail(.tooDeep(limit: Self.maxDepth)); return }
        stack.append(XMLElement(name: elementName, namespace: namespaceURI ?? "", attributes: attributeDict, children: [], text: "", line: parser.lineNumber))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard let done = stack.popLast() else { return }
        if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(done) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    private func fail(_ error: CMI5Error) {
        limitError = limitError ?? error
        parser?.abortParsing()
    }
}
