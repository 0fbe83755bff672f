import Foundation

/// Writes JSON text without Foundation's coders: signing serialises every credential, the
/// learning record store every statement and the solver a whole matching, and JSONEncoder or
/// JSONSerialization cost more than the work itself. Output is compact; an object's keys are
/// sorted by their UTF-8 bytes, so a value always gives the same bytes. Writers that stream
/// (no tree first) append keys, strings and punctuation with `string(_:into:)`.
public enum JSONText {
    public static func serialize(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 {
                out.append(contentsOf: String(Int(d)).utf8)
            } else if d.isFinite {
                out.append(contentsOf: "\(d)".utf8)
            } else {
                out.append(contentsOf: "null".utf8)
            }
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

    /// Appends `s` as a JSON string: quotes, backslashes and control characters escaped.
    public static func string(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        for byte in s.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5c, 0x22])
            case 0x5c: out.append(contentsOf: [0x5c, 0x5c])
            case 0x0a: out.append(contentsOf: [0x5c, 0x6e])
            case 0x0d: out.append(contentsOf: [0x5c, 0x72])
            case 0x09: out.append(contentsOf: [0x5c, 0x74])
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5c, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xf)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
