import Foundation

/// A matching problem with named students and posts, as the solver's file interface reads it:
///
///     {"students": {"s1": ["p2", "p1"]},
///      "posts": {"p1": {"capacity": 2, "ranking": ["s1", "s3"]}}}
///
/// Preference lists are best first. A name listed by one side but not defined on the other is
/// an error; a pair that only one side lists is unacceptable and never matched.
public struct MatchingProblem: Sendable {
    public let studentNames: [String]
    public let postNames: [String]
    public let instance: MatchingInstance

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case notJSON(String)
        case missing(String)
        case badEntry(String)
        case unknownPost(student: String, post: String)
        case unknownStudent(post: String, student: String)
        case duplicate(owner: String, name: String)

        public var description: String {
            switch self {
            case .notJSON(let why): "input is not JSON: \(why)"
            case .missing(let key): "input has no \"\(key)\" object"
            case .badEntry(let what): "malformed entry: \(what)"
            case .unknownPost(let s, let p): "student \(s) ranks unknown post \(p)"
            case .unknownStudent(let p, let s): "post \(p) ranks unknown student \(s)"
            case .duplicate(let owner, let name): "\(owner) lists \(name) twice"
            }
        }
    }

    /// Names are sorted so that the same file always gives the same indices.
    public init(students: [String: [String]], posts: [String: (capacity: Int, ranking: [String])]) throws(Problem) {
        studentNames = students.keys.sorted()
        postNames = posts.keys.sorted()
        let studentIndex = Dictionary(uniqueKeysWithValues: studentNames.enumerated().map { ($1, $0) })
        let postIndex = Dictionary(uniqueKeysWithValues: postNames.enumerated().map { ($1, $0) })
        var choices: [[Int]] = []
        choices.reserveCapacity(studentNames.count)
        for name in studentNames {
            var list: [Int] = []
            for post in students[name] ?? [] {
                guard let p = postIndex[post] else { throw .unknownPost(student: name, post: post) }
                list.append(p)
            }
            choices.append(list)
        }
        var rankings: [[Int]] = []
        var capacities: [Int] = []
        for name in postNames {
            guard let post = posts[name], post.capacity >= 0 else { throw .badEntry("post \(name) needs a capacity of 0 or more") }
            var list: [Int] = []
            for student in post.ranking {
                guard let s = studentIndex[student] else { throw .unknownStudent(post: name, student: student) }
                list.append(s)
            }
            rankings.append(list)
            capacities.append(post.capacity)
        }
        do {
            instance = try MatchingInstance(studentChoices: choices, postRanking: rankings, capacities: capacities)
        } catch {
            switch error {
            case .duplicateInList(let side, let owner, let value):
                throw side == "student"
                    ? .duplicate(owner: studentNames[owner], name: postNames[value])
                    : .duplicate(owner: postNames[owner], name: studentNames[value])
            default: throw .badEntry("\(error)")
            }
        }
    }

    /// Parses the JSON file format.
    public init(json data: Data) throws(Problem) {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch { throw .notJSON(error.localizedDescription) }
        guard let root = object as? [String: Any] else { throw .notJSON("the top level must be an object") }
        guard let studentObject = root["students"] as? [String: Any] else { throw .missing("students") }
        guard let postObject = root["posts"] as? [String: Any] else { throw .missing("posts") }
        var students: [String: [String]] = [:]
        for (name, value) in studentObject {
            guard let list = value as? [String] else { throw .badEntry("students.\(name) must be a list of post names") }
            students[name] = list
        }
        var posts: [String: (capacity: Int, ranking: [String])] = [:]
        for (name, value) in postObject {
            guard let entry = value as? [String: Any], let capacity = entry["capacity"] as? Int, let ranking = entry["ranking"] as? [String] else {
                throw .badEntry("posts.\(name) must be {\"capacity\": n, \"ranking\": [student, …]}")
            }
            posts[name] = (capacity, ranking)
        }
        try self.init(students: students, posts: posts)
    }

    /// The matching as `{"post": ["student", …]}`, every post present, students in the post's order.
    public func json(_ matching: Matching) -> Data {
        var out: [String: [String]] = [:]
        for (p, name) in postNames.enumerated() {
            out[name] = matching.studentsOfPost[p].map { studentNames[Int($0)] }
        }
        return (try? JSONSerialization.data(withJSONObject: out, options: [.sortedKeys])) ?? Data("{}".utf8)
    }
}
