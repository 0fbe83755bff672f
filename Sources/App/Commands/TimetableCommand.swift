import Foundation
import Timetabling
import Vapor

/// `zhijiao timetable solve --ctt FILE --seconds N [--seed S] [--iterations K]`: solves an ITC 2007
/// track 3 instance and writes the solution in the competition's format (`course room day period`
/// per line) on standard output, its hard violations and UD2 soft cost — scored by the
/// validator-equivalent evaluator, not by the solver's own bookkeeping — on standard error.
/// Needs no database of its own (`run(_:)` can be called straight from the entry point).
public struct TimetableCommand: AsyncCommand {
    public struct Signature: CommandSignature {
        @Argument(name: "action", help: "solve")
        var action: String
        @Option(name: "ctt", help: "ITC 2007 track 3 instance file")
        var ctt: String?
        @Option(name: "seconds", help: "time limit in seconds")
        var seconds: Double?
        @Option(name: "seed", help: "random seed (default 1)")
        var seed: UInt64?
        @Option(name: "iterations", help: "iteration budget (reproducible runs)")
        var iterations: Int?
        public init() {}
    }

    public init() {}

    public var help: String { "Solve an ITC 2007 curriculum-based timetabling instance (zhijiao timetable solve --ctt FILE --seconds N [--seed S])" }

    static let usage = "usage: zhijiao timetable solve --ctt FILE --seconds N [--seed S] [--iterations K]"

    /// Through Vapor: a failure is thrown and the entry point prints it as its one line.
    public func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "solve" else { throw CommandFailure.Usage(Self.usage) }
        guard let ctt = signature.ctt else { throw CommandFailure.Usage("--ctt FILE is required; \(Self.usage)") }
        guard let seconds = signature.seconds, seconds > 0 else { throw CommandFailure.Usage("--seconds N (positive) is required; \(Self.usage)") }
        if let k = signature.iterations, k <= 0 { throw CommandFailure.Usage("--iterations must be a positive integer") }
        try Self.solve(ctt: ctt, seconds: seconds, seed: signature.seed ?? 1, iterations: signature.iterations ?? .max)
    }

    /// Whether these command-line arguments ask for this command.
    public static func matches(_ arguments: [String]) -> Bool {
        arguments.count >= 2 && arguments[0] == "timetable" && arguments[1] == "solve"
    }

    /// Runs the command without the app (for a direct call from the entry point); returns the
    /// exit code. Failures print one line on standard error.
    public static func run(_ arguments: [String]) -> Int32 {
        guard matches(arguments) else { return fail(usage, code: 2) }
        var path: String?
        var seconds: Double?
        var seed: UInt64 = 1
        var iterations = Int.max
        var i = 2
        while i < arguments.count {
            let value = i + 1 < arguments.count ? arguments[i + 1] : nil
            switch arguments[i] {
            case "--ctt" where value != nil:
                path = value
            case "--seconds" where value != nil:
                guard let s = value.flatMap(Double.init), s > 0 else { return fail("--seconds must be a positive number / 秒数须为正数", code: 2) }
                seconds = s
            case "--seed" where value != nil:
                guard let s = value.flatMap({ UInt64($0) }) else { return fail("--seed must be a non-negative integer / 种子须为非负整数", code: 2) }
                seed = s
            case "--iterations" where value != nil:
                guard let k = value.flatMap({ Int($0) }), k > 0 else { return fail("--iterations must be a positive integer", code: 2) }
                iterations = k
            case "--help", "-h":
                print(usage)
                return 0
            default:
                return fail("unknown argument \(arguments[i]); \(usage)", code: 2)
            }
            i += 2
        }
        guard let path else { return fail("--ctt FILE is required; \(usage)", code: 2) }
        guard let seconds else { return fail("--seconds N is required; \(usage)", code: 2) }
        do {
            try solve(ctt: path, seconds: seconds, seed: seed, iterations: iterations)
            return 0
        } catch {
            return fail(error.description, code: 1)
        }
    }

    /// Reads, solves, writes the solution to standard output and the evaluation to standard error.
    /// Throws when the file cannot be read or parsed, or when hard violations remain.
    static func solve(ctt path: String, seconds: Double, seed: UInt64, iterations: Int) throws(TimetableCommandError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw TimetableCommandError(description: "cannot read \(path) / 无法读取文件") }
        guard let text = String(data: data, encoding: .utf8) else { throw TimetableCommandError(description: "\(path) is not UTF-8 text / 文件不是 UTF-8 文本") }
        let instance: CurriculumInstance
        do { instance = try CTTParser.parse(text) } catch { throw TimetableCommandError(description: "\(path) \(error.description)") }
        let timetable = TimetableSolver.solve(instance.problem, options: SolverOptions(seed: seed, timeLimit: seconds, maxIterations: iterations))
        let assignments = instance.assignments(timetable.placements)
        FileHandle.standardOutput.write(Data(CTTAssignment.format(assignments).utf8))
        // Scored by the validator-equivalent evaluator, not by the solver's own bookkeeping.
        let evaluation = UD2Evaluator.evaluate(assignments, in: instance)
        var report = "\(instance.name): \(evaluation.description); iterations \(timetable.iterations)"
        if let feasible = timetable.secondsToFeasible { report += String(format: "; feasible after %.2f s", feasible) }
        report += "\n"
        for unplaced in timetable.unplaced { report += "\(unplaced.description)\n" }
        FileHandle.standardError.write(Data(report.utf8))
        if evaluation.hardViolations > 0 {
            throw TimetableCommandError(description: "\(evaluation.hardViolations) hard violations remain / 仍有\(evaluation.hardViolations)个硬约束冲突")
        }
    }

    static func fail(_ message: String, code: Int32) -> Int32 {
        FileHandle.standardError.write(Data("zhijiao timetable solve: \(message)\n".utf8))
        return code
    }
}

/// A timetable command failure, in one line.
struct TimetableCommandError: Error, CustomStringConvertible {
    var description: String
}
