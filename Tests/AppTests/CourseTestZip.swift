import Foundation

/// Writes a ZIP of stored (uncompressed) entries, in the 32-bit format or — as CATAPULT's
/// 102-zip64 package is built (`forceZip64Format`) — with every size and offset in ZIP64
/// fields and a ZIP64 end-of-directory record.
enum CourseTestZip {
    static func make(_ files: [(name: String, data: Data)], zip64: Bool = false) -> Data {
        var out = Data()
        var central = Data()
        for (name, data) in files {
            let nameBytes = Data(name.utf8)
            let crc = crc32(data)
            let offset = out.count
            var extra = Data()
            if zip64 {
                extra.append(le16(0x0001)); extra.append(le16(16))
                extra.append(le64(UInt64(data.count))); extra.append(le64(UInt64(data.count)))
            }
            out.append(le32(0x0403_4B50)); out.append(le16(zip64 ? 45 : 20)); out.append(le16(0)); out.append(le16(0))
            out.append(le16(0)); out.append(le16(0)); out.append(le32(crc))
            out.append(le32(zip64 ? 0xFFFF_FFFF : UInt32(data.count))); out.append(le32(zip64 ? 0xFFFF_FFFF : UInt32(data.count)))
            out.append(le16(UInt16(nameBytes.count))); out.append(le16(UInt16(extra.count)))
            out.append(nameBytes); out.append(extra); out.append(data)

            var centralExtra = Data()
            if zip64 {
                centralExtra.append(le16(0x0001)); centralExtra.append(le16(24))
                centralExtra.append(le64(UInt64(data.count))); centralExtra.append(le64(UInt64(data.count))); centralExtra.append(le64(UInt64(offset)))
            }
            central.append(le32(0x0201_4B50)); central.append(le16(zip64 ? 45 : 20)); central.append(le16(zip64 ? 45 : 20))
            central.append(le16(0)); central.append(le16(0)); central.append(le16(0)); central.append(le16(0)); central.append(le32(crc))
            central.append(le32(zip64 ? 0xFFFF_FFFF : UInt32(data.count))); central.append(le32(zip64 ? 0xFFFF_FFFF : UInt32(data.count)))
            central.append(le16(UInt16(nameBytes.count))); central.append(le16(UInt16(centralExtra.count))); central.append(le16(0))
            central.append(le16(0)); central.append(le16(0)); central.append(le32(0))
            central.append(le32(zip64 ? 0xFFFF_FFFF : UInt32(offset)))
            central.append(nameBytes); central.append(centralExtra)
        }
        let centralOffset = out.count
        out.append(central)
        if zip64 {
            let recordOffset = out.count
            out.append(le32(0x0606_4B50)); out.append(le64(44)); out.append(le16(45)); out.append(le16(45))
            out.append(le32(0)); out.append(le32(0))
            out.append(le64(UInt64(files.count))); out.append(le64(UInt64(files.count)))
            out.append(le64(UInt64(central.count))); out.append(le64(UInt64(centralOffset)))
            out.append(le32(0x0706_4B50)); out.append(le32(0)); out.append(le64(UInt64(recordOffset))); out.append(le32(1))
        }
        out.append(le32(0x0605_4B50)); out.append(le16(0)); out.append(le16(0))
        out.append(le16(zip64 ? 0xFFFF : UInt16(files.count))); out.append(le16(zip64 ? 0xFFFF : UInt16(files.count)))
        out.append(le32(zip64 ? 0xFFFF_FFFF : UInt32(central.count))); out.append(le32(zip64 ? 0xFFFF_FFFF : UInt32(centralOffset)))
        out.append(le16(0))
        return out
    }

    static func le16(_ v: UInt16) -> Data { withUnsafeBytes(of: v.littleEndian) { Data($0) } }
    static func le32(_ v: UInt32) -> Data { withUnsafeBytes(of: v.littleEndian) { Data($0) } }
    static func le64(_ v: UInt64) -> Data { withUnsafeBytes(of: v.littleEndian) { Data($0) } }

    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

/// CATAPULT's LMS test packages from the shared reference copy next to the repository, zipped
/// as CATAPULT's build does (cmi5.xml, the shared index.html, the folder's script).
enum CourseCatapult {
    static let source: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/reference/cmi5-catapult/lts/pkg/src").standardizedFileURL

    static var available: Bool { FileManager.default.fileExists(atPath: source.appendingPathComponent("index.html").path) }

    static func file(_ name: String) throws -> Data { try Data(contentsOf: source.appendingPathComponent(name)) }

    static func zip(_ name: String) throws -> Data {
        let folder = source.appendingPathComponent(name)
        var files: [(name: String, data: Data)] = []
        let xml = folder.appendingPathComponent("cmi5.xml")
        if FileManager.default.fileExists(atPath: xml.path) { files.append(("cmi5.xml", try Data(contentsOf: xml))) }
        files.append(("index.html", try file("index.html")))
        let script = folder.appendingPathComponent("\(name).js")
        files.append(("\(name).js", FileManager.default.fileExists(atPath: script.path) ? try Data(contentsOf: script) : try file("empty.js")))
        return CourseTestZip.make(files)
    }
}
