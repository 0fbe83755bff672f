import Foundation

/// The cmi5 rules on a parsed course structure beyond the schema: ids are IRIs (3.0.0.0-1),
/// course, block and AU ids are unique and so are objective ids (13.1.x), objective references
/// resolve, AU urls are URLs (13.1.4.0-2) whose query leaves the cmi5 launch parameters to the
/// LMS (8.1), and relative urls only in a ZIP package, naming one of its files (14.1, 14.2).
public enum CourseStructureRules {
    /// The query parameters the LMS adds at launch (§8.1); an AU url may not use them.
    public static let reservedLaunchParameters: Set<String> = ["endpoint", "fetch", "actor", "registration", "activityId"]

    /// Every problem found, in document order; empty when the structure is valid.
    ///
    /// - Parameter packageFiles: the file names in the ZIP package, or nil for a course
    ///   structure XML given on its own (then every AU url must be fully qualified).
    public static func problems(in structure: CourseStructure, packageFiles: Set<String>?) -> [CMI5Error] {
        var problems: [CMI5Error] = []
        var ids: Set<String> = []
        func identify(_ id: String, element: String) {
            if let reason = IRI.problem(id) { problems.append(.notAnIRI(field: "id", element: element, value: id, reason: reason)) }
            if !ids.insert(id).inserted { problems.append(.duplicateID(element: element, id: id)) }
        }
        identify(structure.course.id, element: "course")

        var objectiveIDs: Set<String> = []
        for objective in structure.objectives {
            if let reason = IRI.problem(objective.id) { problems.append(.notAnIRI(field: "id", element: "objective", value: objective.id, reason: reason)) }
            if !objectiveIDs.insert(objective.id).inserted { problems.append(.duplicateID(element: "objective", id: objective.id)) }
        }
        func references(_ refs: [String], element: String) {
            for ref in refs {
                if let reason = IRI.problem(ref) {
                    problems.append(.notAnIRI(field: "idref", element: "\(element)/objectives/objective", value: ref, reason: reason))
                } else if !objectiveIDs.contains(ref) {
                    problems.append(.unknownObjective(idref: ref, element: element))
                }
            }
        }

        func visit(_ node: CourseNode) {
            switch node {
            case let .block(block):
                identify(block.id, element: "block")
                references(block.objectiveReferences, element: "block")
                block.children.forEach(visit)
            case let .au(au):
                identify(au.id, element: "au")
                references(au.objectiveReferences, element: "au")
                if let type = au.activityType, let reason = IRI.problem(type) {
                    problems.append(.notAnIRI(field: "activityType", element: "au", value: type, reason: reason))
                }
                problems += urlProblems(au, packageFiles: packageFiles)
            }
        }
        structure.children.forEach(visit)
        return problems
    }

    /// Throws every problem (`CMI5Error.several` when more than one).
    public static func validate(_ structure: CourseStructure, packageFiles: Set<String>?) throws(CMI5Error) {
        if let error = CMI5Error.from(problems(in: structure, packageFiles: packageFiles)) { throw error }
    }

    static func urlProblems(_ au: AssignableUnit, packageFiles: Set<String>?) -> [CMI5Error] {
        let url = au.url
        if let reason = IRI.characterProblem(url) { return [.invalidURL(au: au.id, url: url, reason: reason)] }
        var problems: [CMI5Error] = []
        let (path, query) = split(url)
        for name in queryNames(query) where reservedLaunchParameters.contains(name) {
            problems.append(.reservedLaunchParameter(au: au.id, name: name))
        }
        if let scheme = IRI.scheme(of: url) {
            // A web URL needs a host; an application scheme (§13.1.4) only something after it.
            if ["http", "https"].contains(scheme.lowercased()) {
                let components = URLComponents(string: url)
                if components?.host?.isEmpty ?? true {
                    problems.append(.invalidURL(au: au.id, url: url, reason: "no host / 缺少主机名"))
                }
            } else if url.count <= scheme.count + 1 {
                problems.append(.invalidURL(au: au.id, url: url, reason: "nothing after the scheme / 协议名之后为空"))
            }
            return problems
        }
        guard let packageFiles else {
            problems.append(.relativeURLWithoutPackage(au: au.id, url: url))
            return problems
        }
        guard let file = packagePath(path) else {
            problems.append(.urlOutsidePackage(au: au.id, url: url))
            return problems
        }
        if !packageFiles.contains(file) { problems.append(.urlNotInPackage(au: au.id, path: file)) }
        return problems
    }

    /// The url's path and its query (without "?" and any "#fragment").
    static func split(_ url: String) -> (path: Substring, query: Substring) {
        let beforeFragment = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = beforeFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return (parts[0], parts.count > 1 ? parts[1] : "")
    }

    /// The decoded names of a query's parameters.
    static func queryNames(_ query: Substring) -> [String] {
        query.split(separator: "&").compactMap { pair in
            let name = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let plusDecoded = name.replacingOccurrences(of: "+", with: " ")
            return plusDecoded.removingPercentEncoding ?? plusDecoded
        }
    }

    /// The package file a relative path names (percent-decoded, "." and ".." resolved), or nil
    /// when it starts at the server root or climbs above the package.
    static func packagePath(_ path: Substring) -> String? {
        guard !path.hasPrefix("/"), !path.hasPrefix("\\") else { return nil }
        var segments: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: false) {
            let segment = String(raw).removingPercentEncoding ?? String(raw)
            switch segment {
            case ".": continue
            case "..":
                guard segments.popLast() != nil else { return nil }
            default: segments.append(segment)
            }
        }
        let joined = segments.joined(separator: "/")
        return joined.isEmpty ? nil : joined
    }
}
