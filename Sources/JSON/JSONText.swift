import Foundation

/// JSON text for `JSONValue` without Foundation's coders: signing and verifying serialise and
/// parse every credential, and JSONEncoder/JSONDecoder cost more than the Ed25519 signature.
/// Output is compact with keys sorted by their UTF-8 bytes, so a value always gives the same bytes.
enum JSONText {
    static func serialize(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: [0x6e, 0x75, 0x6c, 0x6c])
        case .bool(let b): out.append(contentsOf: Array((b ? "true" : "false").utf8))
        case .int(let i): out.append(contentsOf: Array(String(i).utf8))
        case .double(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 { out.append(contentsOf: Array(String(Int(d)).utf8)) } else if d.isFinite { out.append(contentsOf: Array("\(d)".utf8)) } else { out.append(contentsOf: Array("null".utf8)) }
        case .string(let s): string(s, into: &out)
        case .array(let a):
            out.append(0x5b)
            for (i, element) in a.enumerated() {
                if i > 0 { out.append(0x2c) }
                serialize(element, into: &out)
            }
            out.append(0x5d)
        case .object(let o):
            out.append(0x7b)
            for (i, key) in o.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if i > 0 { out.append(0x2c) }
                string(key, into: &out)
                out.append(0x3a)
                if let v = o[key] { serialize(v, into: &out) }
            }
            out.append(0x7d)
        }
    }

    static func string(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        for byte in s.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5c, 0x22])
            case 0x5c: out.append(contentsOf: [0x5c, 0x5c])
            case 0x0a: out.append(contentsOf: [0x5c, 0x6e])
            case 0x0d: out.append(contentsOf: [0x5c, 0x72])
            case 0x09: out.append(contentsOf: [0x5c, 0x74])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5c, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xf)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }

    struct ParseError: Error {}

    /// A strict RFC 8259 parser; nesting is limited so hostile input cannot exhaust the stack.
    static func parse(_ data: Data) throws -> JSONValue {
        try data.withUnsafeBytes { raw -> JSONValue in
            var parser = Parser(bytes: raw.bindMemory(to: UInt8.self))
            parser.skipSpace()
            let value = try parser.value(depth: 0)
            parser.skipSpace()
            guard parser.i == parser.bytes.count else { throw ParseError() }
            return value
        }
    }

    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x0a, 0x0d, 0x09].contains(bytes[i]) { i += 1 }
        }

        mutating func literal(_ text: String, _ value: JSONValue) throws -> JSONValue {
            for byte in text.utf8 {
                guard i < bytes.count, bytes[i] == byte else { throw ParseError() }
                i += 1
            }
            return value
        }

        mutating func value(depth: Int) throws -> JSONValue {
            guard depth < 64, i < bytes.count else { throw ParseError() }
            switch bytes[i] {
            case 0x7b:
                i += 1
                var o: [String: JSONValue] = [:]
                skipSpace()
                if i < bytes.count, bytes[i] == 0x7d { i += 1; return .object(o) }
                while true {
                    skipSpace()
                    guard i < bytes.count, bytes[i] == 0x22 else { throw ParseError() }
                    let key = try string()
                    skipSpace()
                    guard i < bytes.count, bytes[i] == 0x3a else { throw ParseError() }
                    i += 1
                    skipSpace()
                    o[key] = try value(depth: depth + 1)
                    skipSpace()
                    guard i < bytes.count else { throw ParseError() }
                    if bytes[i] == 0x2c { i += 1; continue }
                    guard bytes[i] == 0x7d else { throw ParseError() }
                    i += 1
                    return .object(o)
                }
            case 0x5b:
                i += 1
                var a: [JSONValue] = []
                skipSpace()
                if i < bytes.count, bytes[i] == 0x5d { i += 1; return .array(a) }
                while true {
                    skipSpace()
                    a.append(try value(depth: depth + 1))
                    skipSpace()
                    guard i < bytes.count else { throw ParseError() }
                    if bytes[i] == 0x2c { i += 1; continue }
                    guard bytes[i] == 0x5d else { throw ParseError() }
                    i += 1
                    return .array(a)
                }
            case 0x22: return .string(try string())
            case 0x74: return try literal("true", .bool(true))
            case 0x66: return try literal("false", .bool(false))
            case 0x6e: return try literal("null", .null)
            default: return try number()
            }
        }

        mutating func number() throws -> JSONValue {
            let start = i
            var integral = true
            if i < bytes.count, bytes[i] == 0x2d { i += 1 }
            guard i < bytes.count, (0x30...0x39).contains(bytes[i]) else { throw ParseError() }
            if bytes[i] == 0x30, i + 1 < bytes.count, (0x30...0x39).contains(bytes[i + 1]) { throw ParseError() }
            while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
            if i < bytes.count, bytes[i] == 0x2e {
                integral = false
                i += 1
                guard i < bytes.count, (0x30...0x39).contains(bytes[i]) else { throw ParseError() }
                while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
            }
            if i < bytes.count, bytes[i] == 0x65 || bytes[i] == 0x45 {
                integral = false
                i += 1
                if i < bytes.count, bytes[i] == 0x2b || bytes[i] == 0x2d { i += 1 }
                guard i < bytes.count, (0x30...0x39).contains(bytes[i]) else { throw ParseError() }
                while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            if integral, let n = Int(text) { return .int(n) }
            guard let d = Double(text) else { throw ParseError() }
            return .double(d)
        }

        mutating func string() throws -> String {
            i += 1
            var out: [UInt8] = []
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case 0x22:
                    i += 1
                    guard let s = String(validating: out, as: UTF8.self) else { throw ParseError() }
                    return s
                case 0x5c:
                    guard i + 1 < bytes.count else { throw ParseError() }
                    let escape = bytes[i + 1]
                    i += 2
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
                            guard i + 1 < bytes.count, bytes[i] == 0x5c, bytes[i + 1] == 0x75 else { throw ParseError() }
                            i += 2
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw ParseError() }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let u = Unicode.Scalar(scalar) else { throw ParseError() }
                        out.append(contentsOf: Array(String(Character(u)).utf8))
                    default: throw ParseError()
                    }
                case 0..<0x20: throw ParseError()
                default:
                    out.append(byte)
                    i += 1
                }
            }
            throw ParseError()
        }

        mutating func hex4() throws -> UInt32 {
            guard i + 4 <= bytes.count else { throw ParseError() }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[i]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: throw ParseError()
                }
                v = v << 4 | d
                i += 1
            }
            return v
        }
    }
}
