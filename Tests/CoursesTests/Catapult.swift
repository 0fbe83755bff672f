import Foundation
import Testing

/// ADL CATAPULT's LMS test packages, read from the shared reference copy next to the
/// repository (`../shared/reference/cmi5-catapult`); they are not copied into it.
enum Catapult {
    static let source: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/reference/cmi5-catapult/lts/pkg/src").standardizedFileURL

    static var available: Bool { FileManager.default.fileExists(atPath: source.appendingPathComponent("index.html").path) }

    static func file(_ name: String) throws -> Data {
        try Data(contentsOf: source.appendingPathComponent(name))
    }

    /// The ZIP CATAPULT's build makes of a package folder: its cmi5.xml (if any), the shared
    /// index.html and the folder's script (or the empty one) as `<name>.js`.
    static func zip(_ name: String, zip64: Bool = false) throws -> Data {
        let folder = source.appendingPathComponent(name)
        var files: [(name: String, data: Data)] = []
        let xml = folder.appendingPathComponent("cmi5.xml")
        if FileManager.default.fileExists(atPath: xml.path) { files.append(("cmi5.xml", try Data(contentsOf: xml))) }
        files.append(("index.html", try file("index.html")))
        let script = folder.appendingPathComponent("\(name).js")
        let scriptData = FileManager.default.fileExists(atPath: script.path) ? try Data(contentsOf: script) : try file("empty.js")
        files.append(("\(name).js", scriptData))
        return TestZip.make(files, zip64: zip64)
    }
}
