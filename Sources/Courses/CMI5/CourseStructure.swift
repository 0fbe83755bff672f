import Foundation

/// 课程结构 (cmi5 course structure, §13): the course, its objectives and its tree of blocks and
/// assignable units, as imported from `cmi5.xml` with every value trimmed (§13.1).
public struct CourseStructure: Sendable, Equatable {
    public var course: CourseInfo
    /// 学习目标: the objectives declared at course level, referenced from blocks and AUs.
    public var objectives: [Objective]
    /// The top-level blocks and AUs, in document order.
    public var children: [CourseNode]

    public init(course: CourseInfo, objectives: [Objective], children: [CourseNode]) {
        self.course = course
        self.objectives = objectives
        self.children = children
    }

    /// Every AU, depth first in document order.
    public var assignableUnits: [AssignableUnit] { children.flatMap(\.assignableUnits) }

    /// Every block, depth first in document order.
    public var blocks: [Block] { children.flatMap(\.blocks) }
}

/// 课程 (cmi5 `course`, §13.1.1): the publisher's id, title and description.
public struct CourseInfo: Sendable, Equatable {
    /// The publisher's id (an IRI).
    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText

    public init(id: String, title: LocalizedText, description: LocalizedText) {
        self.id = id
        self.title = title
        self.description = description
    }
}

/// A member of a course or block: an AU or a nested block.
public enum CourseNode: Sendable, Equatable {
    case au(AssignableUnit)
    case block(Block)

    public var id: String {
        switch self {
        case let .au(au): au.id
        case let .block(block): block.id
        }
    }

    var assignableUnits: [AssignableUnit] {
        switch self {
        case let .au(au): [au]
        case let .block(block): block.children.flatMap(\.assignableUnits)
        }
    }

    var blocks: [Block] {
        switch self {
        case .au: []
        case let .block(block): [block] + block.children.flatMap(\.blocks)
        }
    }
}

/// 模块 (cmi5 `block`, §13.1.2): a group of AUs and blocks, at least one member.
public struct Block: Sendable, Equatable {
    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText
    /// The `idref`s of the objectives this block refers to.
    public var objectiveReferences: [String]
    public var children: [CourseNode]

    public init(id: String, title: LocalizedText, description: LocalizedText, objectiveReferences: [String] = [], children: [CourseNode]) {
        self.id = id
        self.title = title
        self.description = description
        self.objectiveReferences = objectiveReferences
        self.children = children
    }
}

/// 可分配单元 (cmi5 assignable unit, `au`, §13.1.4): one launchable piece of content.
public struct AssignableUnit: Sendable, Equatable {
    /// The publisher's id (an IRI); the LMS generates a different activity id at launch (§8.1.5).
    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText
    public var objectiveReferences: [String]
    /// The launch point: a fully qualified URL, or a path relative to the package root.
    public var url: String
    public var launchMethod: LaunchMethod
    public var moveOn: MoveOn
    /// 掌握分数: a scaled score in 0…1 with at most 4 decimal places.
    public var masteryScore: Decimal?
    /// The `activityType` attribute (an IRI), shown before the first launch.
    public var activityType: String?
    /// 启动参数: static parameters from the course designer, passed in LMS.LaunchData.
    public var launchParameters: String?
    /// 授权密钥: passed as `entitlementKey.courseStructure` in LMS.LaunchData.
    public var entitlementKey: String?

    public init(
        id: String, title: LocalizedText, description: LocalizedText, objectiveReferences: [String] = [], url: String,
        launchMethod: LaunchMethod = .anyWindow, moveOn: MoveOn = .notApplicable, masteryScore: Decimal? = nil,
        activityType: String? = nil, launchParameters: String? = nil, entitlementKey: String? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.objectiveReferences = objectiveReferences
        self.url = url
        self.launchMethod = launchMethod
        self.moveOn = moveOn
        self.masteryScore = masteryScore
        self.activityType = activityType
        self.launchParameters = launchParameters
        self.entitlementKey = entitlementKey
    }

    /// Whether `url` names a scheme (fully qualified) rather than a path in the package.
    public var hasAbsoluteURL: Bool { IRI.scheme(of: url) != nil }
}

/// 学习目标 (cmi5 `objective`, §13.1.3).
public struct Objective: Sendable, Equatable {
    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText

    public init(id: String, title: LocalizedText, description: LocalizedText) {
        self.id = id
        self.title = title
        self.description = description
    }
}
