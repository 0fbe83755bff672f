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

    /// A problem file read into index form: names by index, and the solver's instance.
    struct ProblemFile {
        var studentNames: [String]
        var postNames: [String]
        var instance: MatchingInstance
    }

    /// Reads `MatchingProblem`'s file format with the pull reader, naming each name's index as
    /// it is first met (no tree, no sorting, no set per list), with `MatchingProblem`'s errors;
    /// keys other than the format's are ignored, and a repeated key's last value counts.
    static func read(_ data: Data) throws(MatchingProblem.Problem) -> ProblemFile {
        var index = NameIndex()
        var choices: [[Int32]] = [], rankings: [[Int32]] = [], capacities: [Int] = []
        var studentDefined: [Bool] = [], postDefined: [Bool] = []
        var sawStudents = false, sawPosts = false
        func student(_ name: String) -> Int32 {
            let (i, new) = index.student(name)
            if new { choices.append([]); studentDefined.append(false) }
            return i
        }
        func post(_ name: String) -> Int32 {
            let (i, new) = index.post(name)
            if new { rankings.append([]); capacities.append(0); postDefined.append(false) }
            return i
        }
        do {
            try JSONReader.read(data) { reader in
                guard reader.peek() == .object else { throw MatchingProblem.Problem.notJSON("the top level must be an object") }
                try reader.object { key, reader in
                    switch key {
                    case "students":
                        guard reader.peek() == .object else { throw MatchingProblem.Problem.missing("students") }
                        sawStudents = true
                        try reader.object { name, reader in
                            let bad = MatchingProblem.Problem.badEntry("students.\(name) must be a list of post names")
                            let list = try names(&reader, else: bad).map(post)
                            let s = Int(student(name))
                            choices[s] = list
                            studentDefined[s] = true
                        }
                    case "posts":
                        guard reader.peek() == .object else { throw MatchingProblem.Problem.missing("posts") }
                        sawPosts = true
                        try reader.object { name, reader in
                            let bad = MatchingProblem.Problem.badEntry("posts.\(name) must be {\"capacity\": n, \"ranking\": [student, …]}")
                            guard reader.peek() == .object else { throw bad }
                            var capacity: Int?, ranking: [Int32]?
                            try reader.object { field, reader in
                                switch field {
                                case "capacity":
                                    guard reader.peek() == .number else { throw bad }
                                    do { capacity = try reader.int() } catch { throw bad }
                                case "ranking": ranking = try names(&reader, else: bad).map(student)
                                default: try reader.skip()
                                }
                            }
                            guard let capacity, let ranking else { throw bad }
                            guard capacity >= 0 else { throw MatchingProblem.Problem.badEntry("post \(name) needs a capacity of 0 or more") }
                            let p = Int(post(name))
                            rankings[p] = ranking
                            capacities[p] = capacity
                            postDefined[p] = true
                        }
                    default: try reader.skip()
                    }
                }
            }
        } catch let problem as MatchingProblem.Problem {
            throw problem
        } catch {
            throw .notJSON("\(error)")
        }
        guard sawStudents else { throw .missing("students") }
        guard sawPosts else { throw .missing("posts") }
        // Every name listed must be defined on its side, and no list may name anyone twice.
        var seen = [Int](repeating: -1, count: max(index.postNames.count, index.studentNames.count))
        for (s, list) in choices.enumerated() {
            for p in list {
                guard postDefined[Int(p)] else { throw .unknownPost(student: index.studentNames[s], post: index.postNames[Int(p)]) }
                guard seen[Int(p)] != s else { throw .duplicate(owner: index.studentNames[s], name: index.postNames[Int(p)]) }
                seen[Int(p)] = s
            }
        }
        seen = [Int](repeating: -1, count: seen.count)
        for (p, list) in rankings.enumerated() {
            for s in list {
                guard studentDefined[Int(s)] else { throw .unknownStudent(post: index.postNames[p], student: index.studentNames[Int(s)]) }
                guard seen[Int(s)] != p else { throw .duplicate(owner: index.postNames[p], name: index.studentNames[Int(s)]) }
                seen[Int(s)] = p
            }
        }
        func flat(_ lists: [[Int32]]) -> (offsets: [Int], values: [Int32]) {
            var offsets = [0], values: [Int32] = []
            offsets.reserveCapacity(lists.count + 1)
            values.reserveCapacity(lists.reduce(0) { $0 + $1.count })
            for list in lists {
                values += list
                offsets.append(values.count)
            }
            return (offsets, values)
        }
        let students = flat(choices), posts = flat(rankings)
        do {
            let instance = try MatchingInstance(capacities: capacities.map { Int32(clamping: $0) }, studentOffsets: students.offsets, studentChoices: students.values,
                                                postOffsets: posts.offsets, postRanking: posts.values)
            return ProblemFile(studentNames: index.studentNames, postNames: index.postNames, instance: instance)
        } catch {
            throw .badEntry("\(error)")
        }
    }

    /// Each side's names and the index each was given when first met.
    struct NameIndex {
        var studentNames: [String] = [], postNames: [String] = []
        var students: [String: Int32] = [:], posts: [String: Int32] = [:]

        mutating func student(_ name: String) -> (Int32, new: Bool) {
            if let i = students[name] { return (i, false) }
            let i = Int32(studentNames.count)
            students[name] = i
            studentNames.append(name)
            return (i, true)
        }

        mutating func post(_ name: String) -> (Int32, new: Bool) {
            if let i = posts[name] { return (i, false) }
            let i = Int32(postNames.count)
            posts[name] = i
            postNames.append(name)
            return (i, true)
        }
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

    /// `{"post": ["student", …]}` for every post (sorted by name), students in the post's order, and a newline.
    static func write(_ matching: Matching, of problem: ProblemFile) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + problem.postNames.count * 16 + matching.postOfStudent.count * 12)
        out.append(0x7b)
        for (k, p) in problem.postNames.indices.sorted(by: { problem.postNames[$0] < problem.postNames[$1] }).enumerated() {
            if k > 0 { out.append(0x2c) }
            JSONText.string(problem.postNames[p], into: &out)
            out.append(contentsOf: [0x3a, 0x5b])
            for (i, student) in matching.studentsOfPost[p].enumerated() {
                if i > 0 { out.append(0x2c) }
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
