import Foundation
import Matching

/// `zhijiao match solve --input FILE [--optimal student|enterprise]`: solves a matching problem
/// file and prints `{"post": ["student", …]}` on standard output, so any instance can be checked
/// from outside. Runs without the server or a database (the entry point calls it directly).
public enum MatchSolveCommand {
    /// Whether these command-line arguments ask for this command.
    public static func matches(_ arguments: [String]) -> Bool {
        arguments.count >= 2 && arguments[0] == "match" && arguments[1] == "solve"
    }

    /// Runs the command; returns the process exit code. `--input -` reads standard input.
    public static func run(_ arguments: [String]) -> Int32 {
        var input: String?
        var optimal = OptimalSide.student
        var i = 2
        while i < arguments.count {
            switch arguments[i] {
            case "--input" where i + 1 < arguments.count:
                input = arguments[i + 1]
                i += 2
            case "--optimal" where i + 1 < arguments.count:
                guard let side = OptimalSide(rawValue: arguments[i + 1]) else { return fail("--optimal must be student or enterprise") }
                optimal = side
                i += 2
            case "--help", "-h":
                print("usage: zhijiao match solve --input FILE|- [--optimal student|enterprise]")
                return 0
            default:
                return fail("unknown argument \(arguments[i]); usage: zhijiao match solve --input FILE [--optimal student|enterprise]")
            }
        }
        guard let input else { return fail("--input FILE is required") }
        let data: Data?
        if input == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: input)
        }
        guard let data else { return fail("cannot read \(input)") }
        do {
            let problem = try MatchingProblem(json: data)
            let matching = DeferredAcceptance.solve(problem.instance, optimal: optimal)
            // Every result is proved stable before it is printed.
            let violations = StabilityCheck.violations(matching, in: problem.instance)
            guard violations.isEmpty else { return fail("internal error: the matching is not stable: \(violations.prefix(3))") }
            FileHandle.standardOutput.write(problem.json(matching))
            FileHandle.standardOutput.write(Data("\n".utf8))
            return 0
        } catch {
            return fail(error.description)
        }
    }

    static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("zhijiao match solve: \(message)\n".utf8))
        return 2
    }
}
