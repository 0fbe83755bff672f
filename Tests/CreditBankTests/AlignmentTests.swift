import Testing
@testable import CreditBank

@Suite struct AlignmentTests {
    let catalogue = try! FrameworkCatalogue.bundled()

    @Test func theFrameworksAreLoadedWithoutInventedDescriptors() {
        #expect(catalogue.frameworks.map(\.id) == ["gd-lqf", "hkqf", "mo-he", "cn-academic"])
        #expect(catalogue["hkqf"]?.levels.count == 7 && catalogue["hkqf"]?.hoursPerCredit == 10)
        #expect(catalogue["gd-lqf"]?.levels.count == 7)
        #expect(catalogue.frameworks.flatMap(\.levels).allSatisfy { $0.descriptorZh == nil })
        #expect(catalogue["hkqf"]?.level(4)?.titleZh.contains("副學士") == true)
    }

    @Test func conversionsFollowTheTable() {
        let a = catalogue.alignment
        #expect(a.convert(LevelRef("mo-he", 2), to: "cn-academic") == LevelRef("cn-academic", 3))   // 学士 → 本科
        #expect(a.convert(LevelRef("hkqf", 4), to: "cn-academic") == LevelRef("cn-academic", 2))    // QF 4 → 专科
        #expect(a.convert(LevelRef("hkqf", 2), to: "cn-academic") == nil)                             // below 中职: nothing
        #expect(a.convert(LevelRef("hkqf", 7), to: "cn-academic") == LevelRef("cn-academic", 3))    // no higher national level: 本科, never above
    }

    @Test func aConversionNeverRisesInLevel() {
        let a = catalogue.alignment
        for from in catalogue.frameworks {
            for level in from.levels {
                let start = LevelRef(from.id, level.number)
                for to in catalogue.frameworks {
                    guard let there = a.convert(start, to: to.id), let back = a.convert(there, to: from.id) else { continue }
                    #expect(back.level <= start.level, "\(start) → \(there) → \(back)")
                    #expect((a.hubLevel(of: there) ?? 0) <= (a.hubLevel(of: start) ?? 0))
                }
            }
        }
    }

    @Test func aTableThatWouldRaiseALevelIsRefused() {
        var pairs = catalogue.alignment.pairs
        // Align HKQF 5 below HKQF 4: a later conversion could climb.
        if let i = pairs.firstIndex(where: { $0.level == LevelRef("hkqf", 5) }) { pairs[i].hubLevel = 3 }
        #expect(throws: LevelAlignment.Problem.notMonotone(framework: "hkqf", lower: 4, higher: 5)) {
            try LevelAlignment(pairs: pairs).validated(against: catalogue.frameworks)
        }
        #expect(throws: LevelAlignment.Problem.unknownLevel(LevelRef("hkqf", 9))) {
            try LevelAlignment(pairs: [.init(LevelRef("hkqf", 9), hubLevel: 7)]).validated(against: catalogue.frameworks)
        }
    }
}
