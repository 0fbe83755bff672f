/// What the LMS has recorded for one AU in a registration (cmi5 defined statements only).
public struct AUProgress: Sendable, Equatable {
    public var completed: Bool
    public var passed: Bool
    public var waived: Bool

    public init(completed: Bool = false, passed: Bool = false, waived: Bool = false) {
        self.completed = completed
        self.passed = passed
        self.waived = waived
    }

    /// From the cmi5 defined statements for the AU in the registration (Browse and Review
    /// sessions send none that count).
    public init(statements: [SessionStatement]) {
        let verbs = Set(statements.compactMap(\.verb))
        self.init(completed: verbs.contains(.completed), passed: verbs.contains(.passed), waived: verbs.contains(.waived))
    }
}

/// 满足状态 (cmi5 moveOn evaluation, §9.3.9, §13.1.4): which AUs, blocks and the course are
/// satisfied. A block is satisfied when all its AUs and blocks are; the course when all its
/// members are. NotApplicable AUs are satisfied from the registration's start (§9.6.1).
public struct Satisfaction: Sendable, Equatable {
    public var satisfiedAUs: Set<String>
    public var satisfiedBlocks: Set<String>
    public var courseSatisfied: Bool
    /// AUs (publisher ids) not yet satisfied, in course order.
    public var pendingAUs: [String]

    /// - Parameter progress: by AU publisher id; an AU missing from it has nothing recorded.
    public static func evaluate(_ structure: CourseStructure, progress: [String: AUProgress]) -> Satisfaction {
        var result = Satisfaction(satisfiedAUs: [], satisfiedBlocks: [], courseSatisfied: false, pendingAUs: [])
        func visit(_ node: CourseNode) -> Bool {
            switch node {
            case let .au(au):
                let p = progress[au.id] ?? AUProgress()
                let ok = au.moveOn.isSatisfied(completed: p.completed, passed: p.passed, waived: p.waived)
                if ok { result.satisfiedAUs.insert(au.id) } else { result.pendingAUs.append(au.id) }
                return ok
            case let .block(block):
                // Visit every member, so that every pending AU is listed.
                let ok = block.children.map(visit).allSatisfy(\.self)
                if ok { result.satisfiedBlocks.insert(block.id) }
                return ok
            }
        }
        result.courseSatisfied = structure.children.map(visit).allSatisfy(\.self)
        return result
    }

    /// Blocks and whether the course became satisfied between `before` and `self`: the
    /// "satisfied" statements the LMS now owes (one per block or course per registration).
    public func newlySatisfied(since before: Satisfaction) -> (blocks: [String], course: Bool) {
        (satisfiedBlocks.subtracting(before.satisfiedBlocks).sorted(), courseSatisfied && !before.courseSatisfied)
    }
}
