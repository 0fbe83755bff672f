/// 资历框架: a ladder of levels that learning outcomes are placed on.
public struct QualificationsFramework: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var nameZh: String
    public var nameEn: String
    public var levels: [FrameworkLevel]
    /// Notional learning hours per credit (Hong Kong QF: 10), where the framework defines one.
    public var hoursPerCredit: Int?
    /// Where the structure comes from.
    public var source: String

    public func level(_ number: Int) -> FrameworkLevel? { levels.first { $0.number == number } }
}

/// One level of a framework. Descriptor texts are kept only where an official text was
/// found; otherwise they are nil and the pages say so.
public struct FrameworkLevel: Sendable, Hashable, Codable {
    public var number: Int
    public var titleZh: String
    public var titleEn: String
    public var descriptorZh: String?
    public var descriptorEn: String?
}

/// A level in a named framework: `gd-lqf` level 4.
public struct LevelRef: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var framework: String
    public var level: Int

    public init(_ framework: String, _ level: Int) {
        self.framework = framework
        self.level = level
    }

    public static func < (l: LevelRef, r: LevelRef) -> Bool { (l.framework, l.level) < (r.framework, r.level) }
    public var description: String { "\(framework):\(level)" }
}
