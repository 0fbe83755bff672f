import Foundation

/// The bits of a Bitstring Status List: index 0 is the most significant bit of the first byte.
/// At least 131,072 entries (16 KiB), the floor the specification sets so that one
/// credential's bit does not stand out among few.
public struct StatusBitstring: Sendable, Equatable {
    public static let minimumLength = 131_072
    public private(set) var bytes: [UInt8]

    public init(length: Int = StatusBitstring.minimumLength) {
        bytes = [UInt8](repeating: 0, count: (Swift.max(length, Self.minimumLength) + 7) / 8)
    }

    public init(bytes: [UInt8]) { self.bytes = bytes }

    public var count: Int { bytes.count * 8 }

    public subscript(index: Int) -> Bool {
        get { index >= 0 && index < count && bytes[index / 8] & (0x80 >> UInt8(index % 8)) != 0 }
        set {
            guard index >= 0, index < count else { return }
            if newValue { bytes[index / 8] |= 0x80 >> UInt8(index % 8) } else { bytes[index / 8] &= ~(0x80 >> UInt8(index % 8)) }
        }
    }

    /// `encodedList`: multibase `u` + base64url (no padding) of the GZIP-compressed bits.
    public func encodedList() throws -> String {
        "u" + Base64URL.encode(try Gzip.compress(Data(bytes)))
    }

    /// Reads an `encodedList`, with or without the multibase prefix.
    public static func decode(_ encoded: String, limit: Int = 16 * 1024 * 1024) throws(VerificationFailure) -> StatusBitstring {
        let body = encoded.hasPrefix("u") ? String(encoded.dropFirst()) : encoded
        guard let compressed = Base64URL.decode(body), !compressed.isEmpty else {
            throw .malformedStatusList(zh: "encodedList 不是 base64url", en: "encodedList is not base64url")
        }
        return StatusBitstring(bytes: [UInt8](try Gzip.decompress(compressed, limit: limit)))
    }
}
