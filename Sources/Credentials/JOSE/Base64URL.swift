import Foundation

/// Base64url without padding (RFC 7515 §2), the encoding of every JWS part and JWK member.
/// Table-driven: Foundation's base64 plus string replacement cost more than the signature.
public enum Base64URL {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    public static func encode(_ data: Data) -> String {
        var out = [UInt8]()
        out.reserveCapacity((data.count + 2) / 3 * 4)
        data.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            var i = 0
            while i + 3 <= b.count {
                let n = UInt32(b[i]) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2])
                out.append(alphabet[Int(n >> 18 & 63)]); out.append(alphabet[Int(n >> 12 & 63)])
                out.append(alphabet[Int(n >> 6 & 63)]); out.append(alphabet[Int(n & 63)])
                i += 3
            }
            let rest = b.count - i
            if rest == 1 {
                let n = UInt32(b[i]) << 16
                out.append(alphabet[Int(n >> 18 & 63)]); out.append(alphabet[Int(n >> 12 & 63)])
            } else if rest == 2 {
                let n = UInt32(b[i]) << 16 | UInt32(b[i + 1]) << 8
                out.append(alphabet[Int(n >> 18 & 63)]); out.append(alphabet[Int(n >> 12 & 63)]); out.append(alphabet[Int(n >> 6 & 63)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Nil when the text is not strict base64url (padding, `+`, `/` or a dangling bit refused).
    public static func decode(_ text: some StringProtocol) -> Data? {
        let chars = Array(text.utf8)
        if chars.count % 4 == 1 { return nil }
        var out = [UInt8]()
        out.reserveCapacity(chars.count * 3 / 4)
        var acc: UInt32 = 0, bits = 0
        for c in chars {
            let v = values[Int(c)]
            guard v != 0xff else { return nil }
            acc = acc << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(acc >> UInt32(bits) & 0xff))
            }
        }
        // Leftover bits must be zero, as an encoder writes them.
        if bits > 0, acc & ((1 << UInt32(bits)) - 1) != 0 { return nil }
        return Data(out)
    }
}
