import Foundation

/// A strict RFC 8259 pull reader over UTF-8 bytes: the caller walks objects and arrays and
/// reads the values it wants, so a large file (a matching problem of 400,000 names) is read
/// without first building a tree; `value()` builds a `JSONValue` where a tree is wanted.
/// Nesting is limited (64) so hostile input cannot exhaust the stack.
public struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Byte offset of the next unread byte.
    public private(set) var offset = 0
    private var depth = 0
    static let maximumDepth = 64

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Runs `body` on a reader of `data`, then requires that nothing but whitespace follows.
    public static func read<T>(_ data: Data, _ body: (inout JSONReader) throws -> T) throws -> T {
        try data.withUnsafeBytes { raw in
            var reader = JSONReader(bytes: raw.bindMemory(to: UInt8.self))
            let value = try body(&reader)
            reader.skipSpace()
            guard reader.offset == reader.bytes.count else { throw reader.error("the end of the text") }
            return value
        }
    }

    /// What the next value is, without reading it.
    public enum Kind: Sendable, Equatable {
        case object, array, string, number, bool, null
    }

    /// The kind of the next value; nil at the end of the text or before a byte no value starts with.
    public mutating func peek() -> Kind? {
        skipSpace()
        guard offset < bytes.count else { return nil }
        switch bytes[offset] {
        case 0x7b: return .object
        case 0x5b: return .array
        case 0x22: return .string
        case 0x74, 0x66: return .bool
        case 0x6e: return .null
        case 0x2d, 0x30...0x39: return .number
        default: return nil
        }
    }

    func error(_ expected: String) -> JSONError { JSONError(offset: offset, expected: expected) }

    mutating func skipSpace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0a, 0x0d, 0x09: offset += 1
            default: return
            }
        }
    }

    /// Reads an object, calling `member` with each key; `member` must read (or `skip`) the value.
    public mutating func object(_ member: (_ key: String, _ reader: inout JSONReader) throws -> Void) throws {
        skipSpace()
        guard offset < bytes.count, bytes[offset] == 0x7b else { throw error("an object") }
        guard depth < Self.maximumDepth else { throw error("less deeply nested values") }
        depth += 1
        defer { depth -= 1 }
        offset += 1
        skipSpace()
        if offset < bytes.count, bytes[offset] == 0x7d { offset += 1; return }
        while true {
            skipSpace()
            let key = try string()
            skipSpace()
            guard offset < bytes.count, bytes[offset] == 0x3a else { throw error("':' after a key") }
            offset += 1
            try member(key, &self)
            skipSpace()
            guard offset < bytes.count else { throw error("',' or '}'") }
            if bytes[offset] == 0x2c { offset += 1; continue }
            guard bytes[offset] == 0x7d else { throw error("',' or '}'") }
            offset += 1
            return
        }
    }

    /// Reads an array, calling `element` once for each element, which it must read (or `skip`).
    public mutating func array(_ element: (_ reader: inout JSONReader) throws -> Void) throws {
        skipSpace()
        guard offset < bytes.count, bytes[offset] == 0x5b else { throw error("an array") }
        guard depth < Self.maximumDepth else { throw error("less deeply nested values") }
        depth += 1
        defer { depth -= 1 }
        offset += 1
        skipSpace()
        if offset < bytes.count, bytes[offset] == 0x5d { offset += 1; return }
        while true {
            try element(&self)
            skipSpace()
            guard offset < bytes.count else { throw error("',' or ']'") }
            if bytes[offset] == 0x2c { offset += 1; continue }
            guard bytes[offset] == 0x5d else { throw error("',' or ']'") }
            offset += 1
            return
        }
    }

    /// Reads an array of strings.
    public mutating func strings() throws -> [String] {
        var out: [String] = []
        try array { out.append(try $0.string()) }
        return out
    }

    /// Reads any value and discards it.
    public mutating func skip() throws {
        switch peek() {
        case .object: try object { _, reader in try reader.skip() }
        case .array: try array { try $0.skip() }
        default: _ = try value()
        }
    }

    /// Reads any value as a tree. Throws only `JSONError` (untyped because it walks through
    /// `object` and `array`, whose callers may throw their own errors).
    public mutating func value() throws -> JSONValue {
        skipSpace()
        guard offset < bytes.count else { throw error("a value") }
        switch bytes[offset] {
        case 0x7b:
            var o: [String: JSONValue] = [:]
            try object { key, reader in o[key] = try reader.value() }
            return .object(o)
        case 0x5b:
            var a: [JSONValue] = []
            try array { a.append(try $0.value()) }
            return .array(a)
        case 0x22: return .string(try string())
        case 0x74: return try literal("true", .bool(true))
        case 0x66: return try literal("false", .bool(false))
        case 0x6e: return try literal("null", .null)
        default: return try number()
        }
    }

    mutating func literal(_ text: StaticString, _ value: JSONValue) throws(JSONError) -> JSONValue {
        let start = offset
        for i in 0..<text.utf8CodeUnitCount {
            guard offset < bytes.count, bytes[offset] == text.utf8Start[i] else { offset = start; throw error("a value") }
            offset += 1
        }
        return value
    }

    /// Reads an integer (no fraction, no exponent) that fits an `Int`.
    public mutating func int() throws(JSONError) -> Int {
        skipSpace()
        let start = offset
        guard case .int(let n) = try number() else { offset = start; throw error("an integer") }
        return n
    }

    mutating func number() throws(JSONError) -> JSONValue {
        let start = offset
        var integral = true
        if offset < bytes.count, bytes[offset] == 0x2d { offset += 1 }
        guard offset < bytes.count, isDigit(bytes[offset]) else { offset = start; throw error("a value") }
        if bytes[offset] == 0x30, offset + 1 < bytes.count, isDigit(bytes[offset + 1]) { throw error("no leading zero") }
        skipDigits()
        if offset < bytes.count, bytes[offset] == 0x2e {
            integral = false
            offset += 1
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("a digit after '.'") }
            skipDigits()
        }
        if offset < bytes.count, bytes[offset] == 0x65 || bytes[offset] == 0x45 {
            integral = false
            offset += 1
            if offset < bytes.count, bytes[offset] == 0x2b || bytes[offset] == 0x2d { offset += 1 }
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("a digit in the exponent") }
            skipDigits()
        }
        if integral, offset - start <= 18 {
            // Up to 18 digits always fit an Int: no text, no overflow check.
            var n = 0
            var i = start
            let negative = bytes[i] == 0x2d
            if negative { i += 1 }
            while i < offset { n = n * 10 + Int(bytes[i] &- 0x30); i += 1 }
            return .int(negative ? -n : n)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        if integral, let n = Int(text) { return .int(n) }
        guard let d = Double(text) else { throw error("a number") }
        return .double(d)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func skipDigits() {
        while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
    }

    /// Reads a string. One without escapes is made straight from the text's bytes.
    public mutating func string() throws(JSONError) -> String {
        skipSpace()
        guard offset < bytes.count, bytes[offset] == 0x22 else { throw error("a string") }
        offset += 1
        let start = offset
        var ascii = true
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == 0x22 {
                let text = UnsafeBufferPointer(rebasing: bytes[start..<offset])
                // Decoding is fast but repairs bad UTF-8; strict reading refuses text it changed.
                let s = String(decoding: text, as: UTF8.self)
                guard ascii || s.utf8.elementsEqual(text) else { throw error("UTF-8 text") }
                offset += 1
                return s
            }
            if byte == 0x5c { break }
            guard byte >= 0x20 else { throw error("no control character in a string") }
            if byte >= 0x80 { ascii = false }
            offset += 1
        }
        // Escapes: copy what was read, then decode the rest byte by byte.
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<offset]))
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case 0x22:
                offset += 1
                let s = String(decoding: out, as: UTF8.self)
                guard s.utf8.elementsEqual(out) else { throw error("UTF-8 text") }
                return s
            case 0x5c:
                guard offset + 1 < bytes.count else { throw error("an escape") }
                let escape = bytes[offset + 1]
                offset += 2
                switch escape {
                case 0x22, 0x5c, 0x2f: out.append(escape)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0c)
                case 0x6e: out.append(0x0a)
                case 0x72: out.append(0x0d)
                case 0x74: out.append(0x09)
                case 0x75:
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard offset + 1 < bytes.count, bytes[offset] == 0x5c, bytes[offset + 1] == 0x75 else { throw error("a low surrogate") }
                        offset += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw error("a low surrogate") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw error("a Unicode scalar") }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default: throw error("a valid escape")
                }
            case 0..<0x20: throw error("no control character in a string")
            default:
                out.append(byte)
                offset += 1
            }
        }
        throw error("'\"' closing the string")
    }

    private mutating func hex4() throws(JSONError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw error("four hex digits") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[offset]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw error("four hex digits")
            }
            v = v << 4 | d
            offset += 1
        }
        return v
    }
}
