import Foundation
import Inflate

/// The parts of a ZIP archive held in memory, read with every offset, size and count checked.
///
/// ZIPFoundation's reader trusts the central directory (its offset arithmetic traps on hostile
/// values, and a deflate stream cut short makes its inflate loop spin forever), so this reads
/// the directory itself and drives zlib directly, stopping as soon as a part inflates past
/// the limits rather than believing the sizes the archive declares.
struct ZipArchive {
    struct Entry {
        let name: String
        let flags: UInt16
        let method: UInt16
        let crc: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
    }

    let data: Data
    let limits: SpreadsheetLimits
    private(set) var entries: [String: Entry] = [:]
    /// Bytes inflated so far across all parts read, against `limits.maxInflatedBytes`.
    private(set) var inflatedTotal = 0

    init(_ data: Data, limits: SpreadsheetLimits) throws(SpreadsheetError) {
        self.data = data
        self.limits = limits
        let list = try Self.withBytes(data) { bytes throws(SpreadsheetError) in try Self.readDirectory(bytes, limits: limits) }
        for entry in list {
            // Two entries with one name would let two readers see two different workbooks.
            guard entries[entry.name] == nil else { throw .notAZip }
            entries[entry.name] = entry
        }
    }

    func contains(_ name: String) -> Bool { entries[name] != nil }

    /// The inflated bytes of part `name`, or nil when the archive has no such part.
    mutating func extract(_ name: String) throws(SpreadsheetError) -> Data? {
        guard let entry = entries[name] else { return nil }
        let part = SpreadsheetError.excerpt(name)
        // Refuse early on what the archive declares; the same caps are enforced again while inflating.
        if entry.flags & 1 != 0 { throw .damagedPart(part) }
        guard entry.method == 0 || entry.method == 8 else { throw .damagedPart(part) }
        if entry.uncompressedSize > limits.maxPartBytes { throw .partTooLarge(part: part, limit: limits.maxPartBytes) }
        if entry.uncompressedSize > limits.maxInflatedBytes - inflatedTotal { throw .inflatedTooLarge(limit: limits.maxInflatedBytes) }
        if entry.uncompressedSize > limits.compressionRatioFloor,
           entry.uncompressedSize / Swift.max(entry.compressedSize, 1) > limits.maxCompressionRatio {
            throw .compressionRatio(part: part, limit: limits.maxCompressionRatio)
        }
        let budget = Swift.min(limits.maxPartBytes, limits.maxInflatedBytes - inflatedTotal)
        let limits = self.limits
        let out = try Self.withBytes(data) { bytes throws(SpreadsheetError) -> Data in
            let range = try Self.dataRange(of: entry, in: bytes)
            let input = UnsafeRawBufferPointer(rebasing: bytes[range])
            let out: Data
            if entry.method == 0 {
                guard input.count == entry.uncompressedSize else { throw .damagedPart(part) }
                if input.count > budget { throw Self.overBudget(part: part, limits: limits, partBytes: input.count) }
                out = input.baseAddress.map { Data(bytes: $0, count: input.count) } ?? Data()
            } else {
                out = try Self.inflate(input, part: part, expected: entry.uncompressedSize, budget: budget, limits: limits)
            }
            guard out.count == entry.uncompressedSize, BoundedInflate.crc32(of: out) == entry.crc else { throw .damagedPart(part) }
            return out
        }
        inflatedTotal += out.count
        return out
    }

    // MARK: - Directory

    static let endOfDirectory: UInt32 = 0x0605_4B50
    static let zip64Locator: UInt32 = 0x0706_4B50
    static let zip64EndOfDirectory: UInt32 = 0x0606_4B50
    static let directoryHeader: UInt32 = 0x0201_4B50
    static let localHeader: UInt32 = 0x0403_4B50

    static func readDirectory(_ bytes: UnsafeRawBufferPointer, limits: SpreadsheetLimits) throws(SpreadsheetError) -> [Entry] {
        let reader = ByteReader(bytes: bytes)
        // The end-of-directory record is the last 22 bytes plus a comment of up to 65,535.
        guard bytes.count >= 22 else { throw .notAZip }
        var eocd = bytes.count - 22
        let lowest = Swift.max(0, bytes.count - 22 - 65_535)
        while eocd >= lowest, reader.u32(eocd) != endOfDirectory { eocd -= 1 }
        guard eocd >= lowest,
              let disk = reader.u16(eocd + 4), let directoryDisk = reader.u16(eocd + 6),
              let count16 = reader.u16(eocd + 10), let size32 = reader.u32(eocd + 12), let offset32 = reader.u32(eocd + 16)
        else { throw .notAZip }
        var count = UInt64(count16), size = UInt64(size32), offset = UInt64(offset32)
        if count16 == 0xFFFF || size32 == 0xFFFF_FFFF || offset32 == 0xFFFF_FFFF {
            // ZIP64: the locator just before the record points at the 64-bit record.
            guard eocd >= 20, reader.u32(eocd - 20) == zip64Locator, let recordAt = reader.u64(eocd - 20 + 8).flatMap(Int.init(exactly:)),
                  reader.u32(recordAt) == zip64EndOfDirectory,
                  let count64 = reader.u64(recordAt + 32), let size64 = reader.u64(recordAt + 40), let offset64 = reader.u64(recordAt + 48)
            else { throw .notAZip }
            (count, size, offset) = (count64, size64, offset64)
        } else if disk != 0 || directoryDisk != 0 {
            throw .notAZip // split archives
        }
        guard count <= UInt64(limits.maxArchiveEntries) else { throw .tooManyEntries(limit: limits.maxArchiveEntries) }
        guard let start = Int(exactly: offset), let length = Int(exactly: size),
              case let (end, overflow) = start.addingReportingOverflow(length), !overflow, end <= bytes.count
        else { throw .notAZip }

        var entries: [Entry] = []
        entries.reserveCapacity(Int(count))
        var at = start
        for _ in 0..<Int(count) {
            guard at <= end - 46, reader.u32(at) == directoryHeader,
                  let flags = reader.u16(at + 8), let method = reader.u16(at + 10), let crc = reader.u32(at + 16),
                  let compressed32 = reader.u32(at + 20), let uncompressed32 = reader.u32(at + 24),
                  let nameLength = reader.u16(at + 28), let extraLength = reader.u16(at + 30), let commentLength = reader.u16(at + 32),
                  let offset32 = reader.u32(at + 42)
            else { throw .notAZip }
            let nameStart = at + 46
            let extraStart = nameStart + Int(nameLength)
            let next = extraStart + Int(extraLength) + Int(commentLength)
            guard next <= end else { throw .notAZip }
            var compressed = UInt64(compressed32), uncompressed = UInt64(uncompressed32), localOffset = UInt64(offset32)
            if compressed32 == 0xFFFF_FFFF || uncompressed32 == 0xFFFF_FFFF || offset32 == 0xFFFF_FFFF {
                // The ZIP64 extra field holds, in this order, only the values whose 32-bit field is all ones.
                guard let field = zip64Field(reader, from: extraStart, to: extraStart + Int(extraLength)) else { throw .notAZip }
                var p = field.lowerBound
                func next64() throws(SpreadsheetError) -> UInt64 {
                    guard p + 8 <= field.upperBound, let value = reader.u64(p) else { throw .notAZip }
                    p += 8
                    return value
                }
                if uncompressed32 == 0xFFFF_FFFF { uncompressed = try next64() }
                if compressed32 == 0xFFFF_FFFF { compressed = try next64() }
                if offset32 == 0xFFFF_FFFF { localOffset = try next64() }
            }
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[nameStart..<extraStart]), as: UTF8.self)
            // Sizes beyond Int are clamped: any such size is far past every limit anyway.
            entries.append(Entry(
                name: name, flags: flags, method: method, crc: crc,
                compressedSize: Int(clamping: compressed), uncompressedSize: Int(clamping: uncompressed),
                localHeaderOffset: Int(clamping: localOffset)
            ))
            at = next
        }
        return entries
    }

    /// The byte range of the ZIP64 extended-information field's data within an extra area.
    static func zip64Field(_ reader: ByteReader, from start: Int, to end: Int) -> Range<Int>? {
        var p = start
        while p + 4 <= end, let id = reader.u16(p), let length = reader.u16(p + 2) {
            let body = p + 4
            guard body + Int(length) <= end else { return nil }
            if id == 0x0001 { return body..<(body + Int(length)) }
            p = body + Int(length)
        }
        return nil
    }

    /// Where an entry's compressed bytes lie, from its local header.
    static func dataRange(of entry: Entry, in bytes: UnsafeRawBufferPointer) throws(SpreadsheetError) -> Range<Int> {
        let reader = ByteReader(bytes: bytes)
        let at = entry.localHeaderOffset
        guard at <= bytes.count - 30, reader.u32(at) == localHeader,
              let nameLength = reader.u16(at + 26), let extraLength = reader.u16(at + 28)
        else { throw .damagedPart(SpreadsheetError.excerpt(entry.name)) }
        let start = at + 30 + Int(nameLength) + Int(extraLength)
        guard case let (end, overflow) = start.addingReportingOverflow(entry.compressedSize), !overflow, end <= bytes.count else {
            throw .damagedPart(SpreadsheetError.excerpt(entry.name))
        }
        return start..<end
    }

    // MARK: - Inflating

    /// Inflates a part with the shared bounded loop, naming the part and the cap in the error.
    static func inflate(_ input: UnsafeRawBufferPointer, part: String, expected: Int, budget: Int, limits: SpreadsheetLimits) throws(SpreadsheetError) -> Data {
        let ratio = BoundedInflate.RatioCap(maxRatio: limits.maxCompressionRatio, floor: limits.compressionRatioFloor)
        switch BoundedInflate.inflate(input, limit: budget, ratio: ratio, expected: expected) {
        case .success(let out): return out
        case .failure(.tooLarge(let reached)): throw overBudget(part: part, limits: limits, partBytes: reached)
        case .failure(.ratio): throw .compressionRatio(part: part, limit: limits.maxCompressionRatio)
        case .failure(.truncated), .failure(.damaged): throw .damagedPart(part)
        }
    }

    /// The error for passing `budget`: the part's own cap or what is left of the archive's.
    static func overBudget(part: String, limits: SpreadsheetLimits, partBytes: Int) -> SpreadsheetError {
        partBytes > limits.maxPartBytes ? .partTooLarge(part: part, limit: limits.maxPartBytes) : .inflatedTooLarge(limit: limits.maxInflatedBytes)
    }

    /// Runs `body` over the archive's bytes; `Data.withUnsafeBytes` only rethrows untyped errors.
    static func withBytes<R>(_ data: Data, _ body: (UnsafeRawBufferPointer) throws(SpreadsheetError) -> R) throws(SpreadsheetError) -> R {
        let result = data.withUnsafeBytes { raw in Result { () throws(SpreadsheetError) -> R in try body(raw) } }
        return try result.get()
    }
}

/// Little-endian reads that return nil instead of reading past the end.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer

    func u16(_ at: Int) -> UInt16? {
        guard at >= 0, at <= bytes.count - 2 else { return nil }
        return UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt16.self))
    }

    func u32(_ at: Int) -> UInt32? {
        guard at >= 0, at <= bytes.count - 4 else { return nil }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }

    func u64(_ at: Int) -> UInt64? {
        guard at >= 0, at <= bytes.count - 8 else { return nil }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }
}
