import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks an XML part before XMLParser (libxml2) sees it.
///
/// A DTD can declare entities that expand exponentially (billion laughs) or name files and
/// URLs to fetch (XXE); no SpreadsheetML part needs one, so any `<!DOCTYPE`, `<!ENTITY`,
/// `<!ELEMENT` or `<!ATTLIST` is refused outright. The scan is of bytes, so the part must be
/// UTF-8: in UTF-16 or an encoding named in the declaration the scan could be dodged.
enum XMLGuard {
    static func check(_ data: Data, part: String) throws(SpreadsheetError) {
        let part = SpreadsheetError.excerpt(part)
        let verdict = data.withUnsafeBytes { raw -> SpreadsheetError? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
            // XML 1.0 has no NUL character; UTF-16 and UTF-32 are full of them.
            if let base = raw.baseAddress, memchr(base, 0, raw.count) != nil { return .xmlNotUTF8(part: part) }
            if start < bytes.count, !"< \t\r\n".utf8.contains(bytes[start]) { return .xmlNotUTF8(part: part) }
            if let encoding = declaredEncoding(UnsafeBufferPointer(rebasing: bytes[start...])),
               !["utf-8", "utf8"].contains(encoding.lowercased()) {
                return .xmlNotUTF8(part: part)
            }
            // Every "<!" must open a comment or a CDATA section, whose insides are skipped.
            guard let base = raw.baseAddress else { return nil }
            // The first `pattern` at or after `from`: memchr to each candidate first byte, then compare.
            func find(_ pattern: StaticString, from: Int) -> Int? {
                let first = Int32(pattern.utf8Start.pointee)
                var i = from
                while i <= raw.count - pattern.utf8CodeUnitCount, let hit = memchr(base + i, first, raw.count - i) {
                    let at = base.distance(to: UnsafeRawPointer(hit))
                    guard at <= raw.count - pattern.utf8CodeUnitCount else { return nil }
                    if memcmp(base + at, pattern.utf8Start, pattern.utf8CodeUnitCount) == 0 { return at }
                    i = at + 1
                }
                return nil
            }
            var i = start
            while let at = find("<!", from: i) {
                let rest = UnsafeBufferPointer(rebasing: bytes[(at + 2)...])
                if rest.starts(with: "--".utf8) {
                    guard let end = find("-->", from: at + 4) else { return .malformedXML(part: part) }
                    i = end + 3
                } else if rest.starts(with: "[CDATA[".utf8) {
                    guard let end = find("]]>", from: at + 9) else { return .malformedXML(part: part) }
                    i = end + 3
                } else {
                    return .dtdNotAllowed(part: part)
                }
            }
            return nil
        }
        if let verdict { throw verdict }
    }

    /// The `encoding` of an `<?xml …?>` declaration at the start, if it names one.
    static func declaredEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.starts(with: "<?xml".utf8) else { return nil }
        let head = bytes.prefix(256)
        guard let end = head.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: head[..<end], as: UTF8.self)
        guard let key = declaration.range(of: "encoding") else { return nil }
        let after = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = after.first, quote == "\"" || quote == "'" else { return "" }
        return String(after.dropFirst().prefix { $0 != quote })
    }

    /// A parser for a part that passed `check`, with external entities off as a second guard.
    ///
    /// It reads from a stream: handed a whole `Data`, XMLParser gives libxml2 one chunk, and
    /// libxml2 (without XML_PARSE_HUGE, rightly) fails any part over 10 MB with "huge input
    /// lookup", so a sheet of some 100,000 rows could not be read at all.
    static func parser(for data: Data) -> XMLParser {
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        return parser
    }

    /// Checks `data`, then runs `delegate` over it; the delegate's own error comes first.
    static func parse(_ data: Data, part: String, delegate: GuardedXMLDelegate) throws(SpreadsheetError) {
        try check(data, part: part)
        let parser = parser(for: data)
        delegate.parser = parser
        parser.delegate = delegate
        let ok = parser.parse()
        delegate.parser = nil
        if let error = delegate.failure { throw error }
        // parse() has been seen to return true on a document cut short, so the parser's error
        // and the balance of elements are checked too.
        if !ok || parser.parserError != nil || delegate.depth != 0 { throw .malformedXML(part: SpreadsheetError.excerpt(part)) }
    }
}

/// A SAX delegate that can stop the parse with a `SpreadsheetError` (delegate methods cannot throw).
///
/// Subclasses override the element and text methods declared here: on Linux a protocol's
/// witnesses are fixed where the conformance is declared, so methods that only a subclass
/// declared would never be called. It also counts open elements, since the parser does not
/// always report a document cut short as an error.
class GuardedXMLDelegate: NSObject, XMLParserDelegate {
    var failure: SpreadsheetError?
    weak var parser: XMLParser?
    var depth = 0

    func fail(_ error: SpreadsheetError) {
        if failure == nil { failure = error }
        parser?.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        depth += 1
        start(localName(name), attributes)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        end(localName(name))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

    func parser(_ parser: XMLParser, foundCDATA block: Data) { text(String(decoding: block, as: UTF8.self)) }

    /// An element opened, by its name without a namespace prefix.
    func start(_ name: String, _ attributes: [String: String]) {}
    /// An element closed.
    func end(_ name: String) {}
    /// Character data, in pieces.
    func text(_ string: String) {}
}
