import Foundation

/// A one-line progress bar on standard error: `写入 writing [#####     ] 250000/500000`.
enum ConsoleProgress {
    static let reporter: ProgressReporter = { phase, done, total in
        let width = 30
        let filled = total > 0 ? min(width, done * width / total) : width
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        let line = "\r\(phase.rawValue) [\(bar)] \(done)/\(total)" + (done >= total ? "\n" : "")
        FileHandle.standardError.write(Data(line.utf8))
    }
}
