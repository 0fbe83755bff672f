import Foundation
import ZIPFoundation

/// Open Badges 3.0 baking in PNG: the VC-JWT in an `iTXt` chunk with the keyword
/// `openbadgecredential`, uncompressed, before `IEND`.
public enum PNGBaking {
    static let signature: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
    public static let keyword = "openbadgecredential"

    public static func isPNG(_ data: Data) -> Bool { data.starts(with: signature) }

    public static func bake(_ token: String, into png: Data) throws(VerificationFailure) -> Data {
        var chunks = try self.chunks(png).filter { !($0.type == "iTXt" && $0.data.starts(with: Array((keyword + "\0").utf8))) }
        var text = Data((keyword).utf8)
        text.append(contentsOf: [0, 0, 0, 0, 0])
        text.append(Data(token.utf8))
        guard let end = chunks.lastIndex(where: { $0.type == "IEND" }) else { throw .malformed(zh: "PNG 缺少 IEND 块", en: "the PNG has no IEND chunk") }
        chunks.insert(Chunk(type: "iTXt", data: text), at: end)
        var out = Data(signature)
        for chunk in chunks { out.append(chunk.encoded) }
        return out
    }

    /// The baked token, or a failure naming what is missing.
    public static func extract(from png: Data) throws(VerificationFailure) -> String {
        for chunk in try chunks(png) where chunk.type == "iTXt" {
            let bytes = [UInt8](chunk.data)
            guard let keywordEnd = bytes.firstIndex(of: 0), String(decoding: bytes[..<keywordEnd], as: UTF8.self) == keyword else { continue }
            var i = keywordEnd + 1
            guard i + 2 <= bytes.count else { break }
            let compressed = bytes[i] != 0
            i += 2
            for _ in 0..<2 {
                guard let next = bytes[i...].firstIndex(of: 0) else { throw .malformed(zh: "iTXt 块不完整", en: "truncated iTXt chunk") }
                i = next + 1
            }
            guard !compressed else { throw .malformed(zh: "不支持压缩的 iTXt 凭证", en: "compressed iTXt credentials are not supported") }
            return String(decoding: bytes[i...], as: UTF8.self)
        }
        throw .malformed(zh: "PNG 中没有 openbadgecredential 块", en: "no openbadgecredential iTXt chunk in the PNG")
    }

    struct Chunk {
        var type: String
        var data: Data

        var encoded: Data {
            var out = Data()
            out.append(bigEndian: UInt32(data.count))
            var body = Data(type.utf8)
            body.append(data)
            out.append(body)
            out.append(bigEndian: body.crc32(checksum: 0))
            return out
        }
    }

    static func chunks(_ png: Data) throws(VerificationFailure) -> [Chunk] {
        let bytes = [UInt8](png)
        guard bytes.starts(with: signature) else { throw .malformed(zh: "不是 PNG 文件", en: "not a PNG file") }
        var chunks: [Chunk] = []
        var i = signature.count
        while i + 12 <= bytes.count {
            let length = Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            guard i + 12 + length <= bytes.count else { throw .malformed(zh: "PNG 块长度越界", en: "a PNG chunk runs past the end of the file") }
            let type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
            chunks.append(Chunk(type: type, data: Data(bytes[(i + 8)..<(i + 8 + length)])))
            i += 12 + length
            if type == "IEND" { break }
        }
        return chunks
    }

    /// A plain badge picture (a filled disc on white), so every credential has an image to bake
    /// into without shipping one.
    public static func badgeImage(size: Int = 160, red: UInt8 = 0xb9, green: UInt8 = 0x1c, blue: UInt8 = 0x1c) throws -> Data {
        var raw = Data(capacity: size * (size * 3 + 1))
        let centre = Double(size) / 2, radius = Double(size) * 0.45
        for y in 0..<size {
            raw.append(0)
            for x in 0..<size {
                let d = ((Double(x) - centre) * (Double(x) - centre) + (Double(y) - centre) * (Double(y) - centre)).squareRoot()
                raw.append(contentsOf: d <= radius ? [red, green, blue] : [0xff, 0xff, 0xff])
            }
        }
        var zlib = Data([0x78, 0x9c])
        zlib.append(try Gzip.deflate(raw).deflated)
        zlib.append(bigEndian: adler32(raw))
        var header = Data()
        header.append(bigEndian: UInt32(size))
        header.append(bigEndian: UInt32(size))
        header.append(contentsOf: [8, 2, 0, 0, 0])
        var out = Data(signature)
        for chunk in [Chunk(type: "IHDR", data: header), Chunk(type: "IDAT", data: zlib), Chunk(type: "IEND", data: Data())] { out.append(chunk.encoded) }
        return out
    }

    static func adler32(_ data: Data) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }
}

extension Data {
    mutating func append(bigEndian value: UInt32) {
        append(contentsOf: [UInt8(value >> 24 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)])
    }
}
