import Foundation
import SQLiteNIO

/// UUIDs in SQLite, stored as they always were — upper-case text, `uuidString`'s form — but
/// converted directly. Without this conformance SQLiteKit decodes a UUID through `Decodable`,
/// and Foundation on Linux parses the text with `sscanf`: a perf profile of the LRS answering
/// pages of 100 statements found 8 % of the server's CPU in `sscanf` alone, four ids a row.
/// Reading also accepts lower-case text and a 16-byte blob; anything else is not a UUID.
extension UUID: @retroactive SQLiteDataConvertible {
    public init?(sqliteData: SQLiteData) {
        switch sqliteData {
        case .text(let text):
            guard let uuid = UUID(hyphenatedHex: text) else { return nil }
            self = uuid
        case .blob(let buffer):
            guard buffer.readableBytes == 16, let bytes = buffer.getBytes(at: buffer.readerIndex, length: 16) else { return nil }
            self = UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                               bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        default:
            return nil
        }
    }

    public var sqliteData: SQLiteData? { .text(upperHyphenatedHex) }
}

extension UUID {
    /// Parses `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in either case, as `UUID(uuidString:)` does.
    init?<Text: StringProtocol>(hyphenatedHex text: Text) {
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = withUnsafeMutableBytes(of: &value) { out in
            text.utf8.withContiguousStorageIfAvailable { Self.parse($0, into: out) } ?? Array(text.utf8).withUnsafeBufferPointer { Self.parse($0, into: out) }
        }
        guard parsed else { return nil }
        self.init(uuid: value)
    }

    private static func parse(_ utf8: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableRawBufferPointer) -> Bool {
        guard utf8.count == 36 else { return false }
        var index = 0, byte = 0
        while index < 36 {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard utf8[index] == UInt8(ascii: "-") else { return false }
                index += 1
                continue
            }
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return false }
            out[byte] = high << 4 | low
            byte += 1
            index += 2
        }
        return true
    }

    /// `uuidString`'s exact form (upper case, hyphenated), written without a format string.
    var upperHyphenatedHex: String {
        let digits: StaticString = "0123456789ABCDEF"
        return withUnsafeBytes(of: uuid) { raw in
            String(unsafeUninitializedCapacity: 36) { out in
                digits.withUTF8Buffer { hex in
                    var position = 0
                    for (i, byte) in raw.enumerated() {
                        if i == 4 || i == 6 || i == 8 || i == 10 {
                            out[position] = UInt8(ascii: "-")
                            position += 1
                        }
                        out[position] = hex[Int(byte >> 4)]
                        out[position + 1] = hex[Int(byte & 0x0F)]
                        position += 2
                    }
                    return position
                }
            }
        }
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
