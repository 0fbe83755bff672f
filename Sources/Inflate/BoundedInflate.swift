import Foundation
#if canImport(CZlib)
import CZlib
#elseif canImport(zlib)
import zlib
#endif

/// Raw deflate (RFC 1951) inflated through zlib a block at a time, for input nobody vouches for:
/// a spreadsheet's parts, a course package's files, a status list fetched from a URL named in a
/// credential. ZIPFoundation's own loop spins forever on a stream cut short and believes the
/// sizes an archive declares, so both callers drive zlib here instead, and the caps are checked
/// after every block of output rather than against what the input claims.
public enum BoundedInflate {
    /// Why inflating stopped.
    public enum Failure: Error, Equatable, Sendable {
        /// Output would pass `limit`; `reached` is how far it got with the block that passed it.
        case tooLarge(reached: Int)
        /// Output grew more than `maxRatio` times the input consumed so far.
        case ratio
        /// The input ended before the end of the stream.
        case truncated
        /// zlib refused the stream.
        case damaged
    }

    /// A compression-ratio cap: checked once the output is past `floor` bytes, so that small,
    /// highly compressible parts (a sheet of empty cells) are not refused.
    public struct RatioCap: Sendable {
        public let maxRatio: Int
        public let floor: Int
        public init(maxRatio: Int, floor: Int) { self.maxRatio = maxRatio; self.floor = floor }
    }

    /// Inflates `input`, stopping as soon as the output passes `limit` or `ratio`.
    /// `expected` (a declared size) only sizes the first allocation, never beyond `limit`.
    public static func inflate(_ input: UnsafeRawBufferPointer, limit: Int, ratio: RatioCap? = nil, expected: Int = 0) -> Result<Data, Failure> {
        guard let base = input.baseAddress?.assumingMemoryBound(to: Bytef.self), input.count > 0 else { return .failure(.truncated) }
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return .failure(.damaged) }
        defer { inflateEnd(&stream) }
        let chunk = 64 * 1024
        let buffer = UnsafeMutablePointer<Bytef>.allocate(capacity: chunk)
        defer { buffer.deallocate() }
        var out = Data()
        out.reserveCapacity(Swift.min(Swift.max(expected, 0), Swift.max(limit, 0), 16 << 20))
        var fed = 0
        while true {
            if stream.avail_in == 0 {
                guard fed < input.count else { return .failure(.truncated) }
                let n = Swift.min(input.count - fed, 1 << 20)
                stream.next_in = UnsafeMutablePointer(mutating: base + fed)
                stream.avail_in = uInt(n)
                fed += n
            }
            stream.next_out = buffer
            stream.avail_out = uInt(chunk)
            let status = ZlibCalls.inflate(&stream)
            let produced = chunk - Int(stream.avail_out)
            // Z_BUF_ERROR with the input used up only means "feed me more".
            guard status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && stream.avail_in == 0) else { return .failure(.damaged) }
            if produced > 0 {
                if out.count + produced > limit { return .failure(.tooLarge(reached: out.count + produced)) }
                out.append(buffer, count: produced)
                if let ratio, out.count > ratio.floor, out.count / Swift.max(Int(clamping: stream.total_in), 1) > ratio.maxRatio {
                    return .failure(.ratio)
                }
            }
            if status == Z_STREAM_END { return .success(out) }
        }
    }

    /// CRC-32 (the ZIP and GZIP checksum) of `data`, fed to zlib in pieces it can count.
    public static func crc32(of data: Data) -> UInt32 {
        data.withUnsafeBytes { raw -> UInt32 in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return 0 }
            var crc: uLong = 0
            var offset = 0
            while offset < raw.count {
                let n = Swift.min(raw.count - offset, 1 << 30)
                crc = ZlibCalls.crc32(crc, base + offset, n)
                offset += n
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }
}

/// zlib's functions under names that do not collide with this module's.
private enum ZlibCalls {
    static func inflate(_ stream: inout z_stream) -> Int32 {
        #if canImport(CZlib)
        CZlib.inflate(&stream, Z_NO_FLUSH)
        #else
        zlib.inflate(&stream, Z_NO_FLUSH)
        #endif
    }

    static func crc32(_ crc: uLong, _ bytes: UnsafePointer<Bytef>, _ count: Int) -> uLong {
        #if canImport(CZlib)
        CZlib.crc32(crc, bytes, uInt(count))
        #else
        zlib.crc32(crc, bytes, uInt(count))
        #endif
    }
}
