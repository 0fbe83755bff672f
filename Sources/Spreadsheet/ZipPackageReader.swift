import Foundation

/// The bounded ZIP reader (`ZipArchive`) for archives that are not workbooks, such as cmi5
/// course packages: every offset, size and count is checked, ZIP64 is read, and a part stops
/// inflating as soon as it passes the limits, whatever the archive declares.
public struct ZipPackageReader {
    private var archive: ZipArchive

    /// Reads the archive's directory; `limits.maxFileBytes` bounds the archive itself.
    public init(_ data: Data, limits: SpreadsheetLimits = .standard) throws(SpreadsheetError) {
        guard data.count <= limits.maxFileBytes else { throw .fileTooLarge(limit: limits.maxFileBytes) }
        archive = try ZipArchive(data, limits: limits)
    }

    /// The names of every entry, directories included, in no particular order.
    public var entryNames: [String] { Array(archive.entries.keys) }

    public func contains(_ name: String) -> Bool { archive.contains(name) }

    /// The inflated bytes of entry `name`, or nil when the archive has no such entry.
    public mutating func extract(_ name: String) throws(SpreadsheetError) -> Data? {
        try archive.extract(name)
    }

    /// Refuses an XML part with a DTD or in an encoding other than UTF-8 (the same check the
    /// workbook reader makes before libxml2 sees a part).
    public static func checkXML(_ data: Data, part: String) throws(SpreadsheetError) {
        try XMLGuard.check(data, part: part)
    }
}
