/// Demand headcount listing a set of skills (many rows with the same list summed).
public struct SkillDemandFact: Sendable, Hashable {
    public var skills: [String]
    public var headcount: Int
    public init(skills: [String], headcount: Int) {
        self.skills = skills
        self.headcount = headcount
    }
}

/// Graduates of programs teaching a set of skills.
public struct SkillSupplyFact: Sendable, Hashable {
    public var skills: [String]
    public var graduated: Int
    public init(skills: [String], graduated: Int) {
        self.skills = skills
        self.graduated = graduated
    }
}

/// One skill: how many people demand asks it of, how many graduates were taught it.
public struct SkillGap: Sendable, Hashable, Codable {
    public var skill: String
    /// Headcount of demand listing the skill.
    public var demanded: Int
    /// Graduates of programs that teach it.
    public var taught: Int
    public var gap: Int { demanded - taught }

    /// The skills most demanded but least taught: every skill demand names, ranked by
    /// demanded minus taught (largest first), then by demanded, then by name.
    public static func rank(demand: [SkillDemandFact], supply: [SkillSupplyFact]) -> [SkillGap] {
        var demanded: [String: Int] = [:]
        for fact in demand {
            for skill in Set(fact.skills) { demanded[skill, default: 0] += fact.headcount }
        }
        var taught: [String: Int] = [:]
        for fact in supply {
            for skill in Set(fact.skills) where demanded[skill] != nil { taught[skill, default: 0] += fact.graduated }
        }
        return demanded.map { SkillGap(skill: $0.key, demanded: $0.value, taught: taught[$0.key] ?? 0) }
            .sorted { a, b in
                if a.gap != b.gap { return a.gap > b.gap }
                if a.demanded != b.demanded { return a.demanded > b.demanded }
                return a.skill < b.skill
            }
    }
}
