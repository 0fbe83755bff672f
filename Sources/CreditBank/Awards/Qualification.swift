/// 资历证书的授予规则: what a learner needs for a qualification, as data.
public struct Qualification: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var nameZh: String
    public var nameEn: String
    public var totalCredits: Credits
    /// At least `credits` at hub level `level` or above.
    public var levelMinimums: [LevelMinimum]
    public var requiredUnits: [String]
    /// "Any `pick` of these units".
    public var electiveGroups: [ElectiveGroup]
    /// Only units awarded within this many years count.
    public var validityYears: Int?

    public struct LevelMinimum: Sendable, Hashable, Codable {
        public var level: Int
        public var credits: Credits
        public init(level: Int, credits: Credits) {
            self.level = level
            self.credits = credits
        }
    }

    public struct ElectiveGroup: Sendable, Hashable, Codable {
        public var units: [String]
        public var pick: Int
        public init(units: [String], pick: Int) {
            self.units = units
            self.pick = pick
        }
    }

    public init(id: String, nameZh: String, nameEn: String, totalCredits: Credits, levelMinimums: [LevelMinimum] = [], requiredUnits: [String] = [],
                electiveGroups: [ElectiveGroup] = [], validityYears: Int? = nil) {
        self.id = id
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.totalCredits = totalCredits
        self.levelMinimums = levelMinimums
        self.requiredUnits = requiredUnits
        self.electiveGroups = electiveGroups
        self.validityYears = validityYears
    }
}

/// One thing a learner still lacks for a qualification.
public enum MissingRequirement: Sendable, Hashable, Codable {
    case totalCredits(have: Credits, need: Credits)
    case creditsAtLevel(level: Int, have: Credits, need: Credits)
    case unit(String)
    case electives(group: Int, have: Int, need: Int, options: [String])

    public var textZh: String {
        switch self {
        case .totalCredits(let have, let need): "总学分\(have)，还差\(need - have)（需\(need)）"
        case .creditsAtLevel(let level, let have, let need): "第\(level)级及以上学分\(have)，还差\(need - have)（需\(need)）"
        case .unit(let code): "缺少必修单元\(code)"
        case .electives(let group, let have, let need, let options): "选修组\(group + 1)已有\(have)个，需\(need)个（可选：\(options.joined(separator: "、"))）"
        }
    }

    public var textEn: String {
        switch self {
        case .totalCredits(let have, let need): "total credits \(have), \(need - have) short of \(need)"
        case .creditsAtLevel(let level, let have, let need): "credits at level \(level) or above \(have), \(need - have) short of \(need)"
        case .unit(let code): "required unit \(code) missing"
        case .electives(let group, let have, let need, let options): "elective group \(group + 1): \(have) of \(need) (options: \(options.joined(separator: ", ")))"
        }
    }
}
