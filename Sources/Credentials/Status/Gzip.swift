import Foundation
import ZIPFoundation
import Inflate

/// GZIP (RFC 1952) around zlib's raw deflate, which ZIPFoundation already links for the
/// spreadsheet reader: the status list's bitstring is GZIP-compressed by definition.
enum Gzip {
    /// Raw deflate (RFC 1951) and the CRC-32 of the input.
    static func deflate(_ data: Data) throws -> (deflated: Data, crc: UInt32) {
        var deflated = Data()
        let crc = try Data.compress(size: Int64(data.count), bufferSize: 64 * 1024, provider: { position, size in
            data.subdata(in: Swift.min(Int(position), data.count)..<Swift.min(Int(position) + size, data.count))
        }, consumer: { deflated.append($0) })
        return (deflated, crc)
    }

    static func compress(_ data: Data) throws -> Data {
        let (deflated, crc) = try deflate(data)
        var out = Data([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff])
        out.append(deflated)
        out.append(littleEndian: crc)
        out.append(littleEndian: UInt32(truncatingIfNeeded: data.count))
        return out
    }

    /// Inflates one GZIP member, refusing more than `limit` bytes of output (a status list
    /// comes from a URL named in an untrusted credential).
    static func decompress(_ data: Data, limit: Int) throws(VerificationFailure) -> Data {
        let bytes = [UInt8](data)
        guard bytes.count >= 18, bytes[0] == 0x1f, bytes[1] == 0x8b, bytes[2] == 0x08 else {
            throw .malformedStatusList(zh: "状态列表不是 GZIP 数据", en: "the status list is not GZIP data")
        }
        let flags = bytes[3]
        var offset = 10
        if flags & 0x04 != 0 {
            guard offset + 2 <= bytes.count else { throw .malformedStatusList(zh: "GZIP 头部不完整", en: "truncated GZIP header") }
            offset += 2 + Int(bytes[offset]) + Int(bytes[offset + 1]) << 8
        }
        for flag in [UInt8(0x08), 0x10] where flags & flag != 0 {
            while offset < bytes.count, bytes[offset] != 0 { offset += 1 }
            offset += 1
        }
        if flags & 0x02 != 0 { offset += 2 }
        guard offset < bytes.count - 8 else { throw .malformedStatusList(zh: "GZIP 头部不完整", en: "truncated GZIP header") }
        let body = bytes[offset..<(bytes.count - 8)]
        let inflated: Data
        switch body.withUnsafeBytes({ BoundedInflate.inflate($0, limit: limit) }) {
        case .success(let data): inflated = data
        case .failure(.tooLarge):
            throw .malformedStatusList(zh: "状态列表解压后超过 \(limit) 字节", en: "the status list inflates past \(limit) bytes")
        case .failure(.truncated):
            throw .malformedStatusList(zh: "状态列表的压缩数据不完整", en: "the status list's deflate stream is cut short")
        case .failure(.damaged), .failure(.ratio):
            throw .malformedStatusList(zh: "状态列表无法解压", en: "the status list does not inflate")
        }
        // The trailer: CRC-32 and length (mod 2^32) of the inflated bytes.
        let trailer = Array(bytes[(bytes.count - 8)...])
        func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(trailer[at + $1]) << (8 * $1) } }
        guard u32(0) == BoundedInflate.crc32(of: inflated), u32(4) == UInt32(truncatingIfNeeded: inflated.count) else {
            throw .malformedStatusList(zh: "状态列表的 GZIP 校验值不符", en: "the status list's GZIP checksum does not match")
        }
        return inflated
    }
}

extension Data {
    mutating func append(littleEndian value: UInt32) {
        append(contentsOf: [UInt8(value & 0xff), UInt8(value >> 8 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 24 & 0xff)])
    }
}
