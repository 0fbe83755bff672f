import Foundation

/// `multipart/mixed` (RFC 2046 §5.1), the way statements travel with their attachments: the
/// statements first as JSON, then each attachment's bytes with its `X-Experience-API-Hash`.
public enum MultipartMixed {
    /// One part: its headers (names lower-cased when parsed) and bytes.
    public struct Part: Sendable, Equatable {
        public var headers: [String: String]
        public var body: Data

        public init(headers: [String: String], body: Data) {
            self.headers = headers
            self.body = body
        }
    }

    public struct Failure: Error, Equatable, Sendable {
        public var reason: String
    }

    /// The boundary parameter of a Content-Type, unquoted.
    public static func boundary(of contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty || value.utf8.count > 70 ? nil : value
        }
        return nil
    }

    public static func parse(_ body: Data, boundary: String, maxParts: Int = 1000) throws(Failure) -> [Part] {
        let bytes = [UInt8](body)
        let delimiter = Array(("--" + boundary).utf8)
        guard var cursor = find(delimiter, in: bytes, from: 0) else { throw Failure(reason: "the body has no boundary line") }
        var parts: [Part] = []
        while true {
            cursor += delimiter.count
            // "--" after a delimiter closes the body.
            if cursor + 1 < bytes.count, bytes[cursor] == 0x2d, bytes[cursor + 1] == 0x2d { return parts }
            cursor = skipLinearSpace(bytes, cursor)
            guard cursor + 1 < bytes.count, bytes[cursor] == 0x0d, bytes[cursor + 1] == 0x0a else { throw Failure(reason: "a boundary line does not end with CRLF") }
            cursor += 2
            let headers: [String: String]
            let contentStart: Int
            if bytes[cursor...].starts(with: [0x0d, 0x0a]) {
                headers = [:]
                contentStart = cursor + 2
            } else {
                guard let headerEnd = find([0x0d, 0x0a, 0x0d, 0x0a], in: bytes, from: cursor) else {
                    throw Failure(reason: "a part's headers do not end with an empty line")
                }
                headers = try parseHeaders(bytes[cursor..<headerEnd])
                contentStart = headerEnd + 4
            }
            guard let next = find([0x0d, 0x0a] + delimiter, in: bytes, from: contentStart) else { throw Failure(reason: "a part is not closed by a boundary") }
            parts.append(Part(headers: headers, body: Data(bytes[contentStart..<next])))
            guard parts.count <= maxParts else { throw Failure(reason: "more than \(maxParts) parts") }
            cursor = next + 2
        }
    }

    /// Builds a body from parts (each part's headers written as given).
    public static func build(_ parts: [Part], boundary: String) -> Data {
        var out = Data()
        for part in parts {
            out.append(Data("--\(boundary)\r\n".utf8))
            for (name, value) in part.headers.sorted(by: { $0.key < $1.key }) { out.append(Data("\(name): \(value)\r\n".utf8)) }
            out.append(Data("\r\n".utf8))
            out.append(part.body)
            out.append(Data("\r\n".utf8))
        }
        out.append(Data("--\(boundary)--\r\n".utf8))
        return out
    }

    private static func parseHeaders(_ slice: ArraySlice<UInt8>) throws(Failure) -> [String: String] {
        var headers: [String: String] = [:]
        guard let text = String(bytes: slice, encoding: .utf8) else { throw Failure(reason: "a part's headers are not UTF-8") }
        for line in text.components(separatedBy: "\r\n") where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw Failure(reason: "a part header has no colon") }
            headers[line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return headers
    }

    private static func skipLinearSpace(_ bytes: [UInt8], _ from: Int) -> Int {
        var i = from
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        return i
    }

    /// First index of `needle` in `bytes` at or after `from`.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var i = from
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
