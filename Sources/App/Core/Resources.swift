import Foundation

/// Files bundled with the App target.
enum Resources {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static func publicDirectory() throws -> String {
        guard let url = Bundle.module.url(forResource: "Public", withExtension: nil) else { throw Missing(description: "Public resources are missing") }
        return url.path + "/"
    }
}
