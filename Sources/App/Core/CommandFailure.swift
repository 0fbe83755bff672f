import ConsoleKit
import Foundation

/// How a failed command ends: one line on standard error, exit code 1, or 2 when the command
/// line itself was wrong. Never a trap or a backtrace (the entry point returns this code).
public enum CommandFailure {
    /// A command-line mistake the user fixes by reading `--help`.
    public struct Usage: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// Prints `error` as one line and returns the exit code for it.
    @discardableResult
    public static func report(_ error: any Error) -> Int32 {
        let line = "zhijiao: " + message(for: error)
        FileHandle.standardError.write(Data((line + "\n").utf8))
        return exitCode(for: error)
    }

    public static func exitCode(for error: any Error) -> Int32 {
        switch error {
        case is CommandError, is Usage: 2
        default: 1
        }
    }

    /// The error's own words on one line: bilingual where the platform wrote them.
    public static func message(for error: any Error) -> String {
        let text: String
        switch error {
        case let error as AppError:
            let problem = error.problem
            text = [problem.title, problem.detail].compactMap { $0 }.joined(separator: ": ")
        case let error as CommandError:
            text = error.description + " (see --help)"
        default:
            text = String(describing: error)
        }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
