import Foundation
import Spreadsheet

/// 课程包 (cmi5 course package, §14): a course structure XML on its own, or a ZIP (32- or
/// 64-bit) with `cmi5.xml` at its root and the AUs' files.
public struct CoursePackage: Sendable {
    public var structure: CourseStructure
    /// The files in the ZIP (directories left out); empty for a structure given without a ZIP.
    public var files: Set<String>
    public var isZip: Bool

    /// Limits for reading a package: a course's media may be large, a bomb may not.
    public static let limits = SpreadsheetLimits(
        maxFileBytes: 2 << 30, maxPartBytes: 32 << 20, maxInflatedBytes: 64 << 20, maxArchiveEntries: 100_000
    )

    /// Imports a package: a ZIP when the bytes start with a ZIP signature, else a course
    /// structure XML. `contentType` (as uploaded) refuses anything that is neither, such as
    /// a Markdown file, before it is read.
    public static func read(_ data: Data, contentType: String? = nil) throws(CMI5Error) -> CoursePackage {
        if let contentType {
            let type = contentType.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased()
            let accepted = ["application/zip", "application/x-zip-compressed", "application/octet-stream", "application/xml", "text/xml"]
            guard accepted.contains(type) else {
                throw .notAPackage(reason: "content type \(type) is neither ZIP nor XML / 文件类型 \(type) 既不是 ZIP 也不是 XML")
            }
        }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return try readZip(data)
        }
        if looksLikeXML(data) { return try readXML(data) }
        throw .notAPackage(reason: "neither a ZIP archive nor XML / 既不是 ZIP 压缩包也不是 XML")
    }

    /// A course structure XML without a ZIP: every AU url must be fully qualified (14.2.0.0-1).
    public static func readXML(_ data: Data) throws(CMI5Error) -> CoursePackage {
        let structure = try CourseStructureParser.parse(data)
        try CourseStructureRules.validate(structure, packageFiles: nil)
        return CoursePackage(structure: structure, files: [], isZip: false)
    }

    /// A ZIP package with `cmi5.xml` at its root (14.1.0.0-2); relative AU urls must name one of
    /// its files (14.1.0.0-4).
    public static func readZip(_ data: Data) throws(CMI5Error) -> CoursePackage {
        var archive: ZipPackageReader
        do {
            archive = try ZipPackageReader(data, limits: limits)
        } catch .notAZip {
            throw .notAPackage(reason: "not a readable ZIP archive / 不是可读的 ZIP 压缩包")
        } catch {
            throw .unreadableArchive(reason: "\(error.messageEn) / \(error.messageZh)")
        }
        for name in archive.entryNames where name.hasPrefix("/") || name.split(separator: "/").contains("..") || name.contains("\\") {
            throw .unreadableArchive(reason: "entry \"\(name)\" leaves the package root / 条目「\(name)」超出包根目录")
        }
        let xml: Data?
        do {
            xml = try archive.extract("cmi5.xml")
        } catch {
            throw .unreadableArchive(reason: "\(error.messageEn) / \(error.messageZh)")
        }
        guard let xml else { throw .missingCourseStructure }
        let files = Set(archive.entryNames.filter { !$0.hasSuffix("/") })
        let structure = try CourseStructureParser.parse(xml)
        try CourseStructureRules.validate(structure, packageFiles: files)
        return CoursePackage(structure: structure, files: files, isZip: true)
    }

    static func looksLikeXML(_ data: Data) -> Bool {
        let head = data.prefix(512).drop { [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return head.first == UInt8(ascii: "<")
    }
}
