import Foundation
import JSON
import Matching

/// `zhijiao match solve --input FILE [--optimal student|enterprise]`: solves a matching problem
/// file and prints `{"post": ["student", …]}` on standard output, so any instance can be checked
/// from outside. Runs without the server or a database (the entry point calls it directly).
/// The file is read and the answer written with the shared JSON module's pull reader and
/// writer (no tree, no Foundation coders), so the whole process is mostly the matching.
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
            let problem = try read(data)
            let matching = DeferredAcceptance.solve(problem.instance, optimal: optimal)
            // Every result is proved stable before it is printed.
            let violations = StabilityCheck.violations(matching, in: problem.instance)
            guard violations.isEmpty else { return fail("internal error: the matching is not stable: \(violations.prefix(3))") }
            FileHandle.standardOutput.write(Data(write(matching, of: problem)))
            return 0
        } catch {
            return fail(error.description)
        }
    }

    /// Reads the problem file format (`MatchingProblem`'s) with the pull reader, with the same
    /// errors as `MatchingProblem(json:)`; keys other than the format's are ignored.
    static func read(_ data: Data) throws(MatchingProblem.Problem) -> MatchingProblem {
        var students: [String: [String]]?
        var posts: [String: (capacity: Int, ranking: [String])]?
        do {
            try JSONReader.read(data) { reader in
                guard reader.peek() == .object else { throw MatchingProblem.Problem.notJSON("the top level must be an object") }
                try reader.object { key, reader in
                    switch key {
                    case "students":
                        guard reader.peek() == .object else { throw MatchingProblem.Problem.missing("students") }
                        var found: [String: [String]] = [:]
                        try reader.object { name, reader in
                            let bad = MatchingProblem.Problem.badEntry("students.\(name) must be a list of post names")
                            found[name] = try names(&reader, else: bad)
                        }
                        students = found
                    case "posts":
                        guard reader.peek() == .object else { throw MatchingProblem.Problem.missing("posts") }
                        var found: [String: (capacity: Int, ranking: [String])] = [:]
                        try reader.object { name, reader in
                            let bad = MatchingProblem.Problem.badEntry("posts.\(name) must be {\"capacity\": n, \"ranking\": [student, …]}")
                            guard reader.peek() == .object else { throw bad }
                            var capacity: Int?, ranking: [String]?
                            try reader.object { field, reader in
                                switch field {
                                case "capacity":
                                    guard reader.peek() == .number else { throw bad }
                                    do { capacity = try reader.int() } catch { throw bad }
                                case "ranking": ranking = try names(&reader, else: bad)
                                default: try reader.skip()
                                }
                            }
                            guard let capacity, let ranking else { throw bad }
                            found[name] = (capacity, ranking)
                        }
                        posts = found
                    default: try reader.skip()
                    }
                }
            }
        } catch let problem as MatchingProblem.Problem {
            throw problem
        } catch {
            throw .notJSON("\(error)")
        }
        guard let students else { throw .missing("students") }
        guard let posts else { throw .missing("posts") }
        return try MatchingProblem(students: students, posts: posts)
    }

    /// A list of names; `wrong` when the value is not a list of strings.
    static func names(_ reader: inout JSONReader, else wrong: MatchingProblem.Problem) throws -> [String] {
        guard reader.peek() == .array else { throw wrong }
        var out: [String] = []
        try reader.array { reader in
            guard reader.peek() == .string else { throw wrong }
            out.append(try reader.string())
        }
        return out
    }

    /// `{"post": ["student", …]}` for every post (sorted), students in the post's order, and a newline.
    static func write(_ matching: Matching, of problem: MatchingProblem) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + problem.postNames.count * 16 + matching.postOfStudent.count * 12)
        out.append(0x7b)
        for (p, name) in problem.postNames.enumerated() {
            if p > 0 { out.append(0x2c) }
            JSONText.string(name, into: &out)
            out.append(contentsOf: [0x3a, 0x5b])
            for (k, student) in matching.studentsOfPost[p].enumerated() {
                if k > 0 { out.append(0x2c) }
                JSONText.string(problem.studentNames[Int(student)], into: &out)
            }
            out.append(0x5d)
        }
        out.append(contentsOf: [0x7d, 0x0a])
        return out
    }

    static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("zhijiao match solve: \(message)\n".utf8))
        return 2
    }
}
