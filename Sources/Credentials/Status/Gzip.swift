import Foundation
import ZIPFoundation

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
        let body = Data(bytes[offset..<(bytes.count - 8)])
        var inflated = Data()
        do {
            _ = try Data.decompress(size: Int64(body.count), bufferSize: 64 * 1024, skipCRC32: true, provider: { position, size in
                body.subdata(in: Swift.min(Int(position), body.count)..<Swift.min(Int(position) + size, body.count))
            }, consumer: { chunk in
                inflated.append(chunk)
                if inflated.count > limit { throw SizeLimit() }
            })
        } catch is SizeLimit {
            throw .malformedStatusList(zh: "状态列表解压后超过 \(limit) 字节", en: "the status list inflates past \(limit) bytes")
        } catch {
            throw .malformedStatusList(zh: "状态列表无法解压", en: "the status list does not inflate: \(error)")
        }
        return inflated
    }

    private struct SizeLimit: Error {}
}

extension Data {
    mutating func append(littleEndian value: UInt32) {
        append(contentsOf: [UInt8(value & 0xff), UInt8(value >> 8 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 24 & 0xff)])
    }
}
