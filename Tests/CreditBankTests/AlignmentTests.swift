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

/// Random alignment tables with ties (several levels of a framework at one hub level): no
/// conversion, nor any chain of them, ever comes back higher than it started (issue 14: HKQF 3
/// and 4 both at hub level 4 once turned HKQF 3 into HKQF 4).
@Suite struct AlignmentTieTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func theReportedTieNoLongerRaisesALevel() {
        let a = LevelAlignment(pairs: [
            .init(LevelRef("hkqf", 3), hubLevel: 4), .init(LevelRef("hkqf", 4), hubLevel: 4),
            .init(LevelRef("cn-academic", 2), hubLevel: 4),
        ])
        #expect(a.convert(LevelRef("hkqf", 3), to: "hkqf") == LevelRef("hkqf", 3))
        let there = a.convert(LevelRef("hkqf", 3), to: "cn-academic")
        #expect(there == LevelRef("cn-academic", 2))
        #expect(there.flatMap { a.convert($0, to: "hkqf") } == LevelRef("hkqf", 3))
        #expect(a.convert(LevelRef(LevelAlignment.hub, 4), to: "hkqf") == LevelRef("hkqf", 3))
    }

    @Test func noChainOfConversionsRisesOverRandomTablesWithTies() {
        var rng = SplitMix(state: 2020)
        let frameworks = ["a", "b", "c"]
        var chains = 0
        for _ in 0..<500 {
            // Monotone, with frequent ties: each next level stays at or above the last hub level.
            var pairs: [LevelAlignment.Pair] = []
            for f in frameworks {
                var hub = Int.random(in: 1...3, using: &rng)
                for level in 1...Int.random(in: 2...7, using: &rng) {
                    pairs.append(.init(LevelRef(f, level), hubLevel: hub))
                    if Bool.random(using: &rng) { hub = min(7, hub + Int.random(in: 1...2, using: &rng)) }
                }
            }
            let table = LevelAlignment(pairs: pairs)
            for start in pairs.map(\.level) {
                for first in frameworks + [LevelAlignment.hub] {
                    for second in frameworks {
                        guard let one = table.convert(start, to: first), let two = table.convert(one, to: second),
                              let back = table.convert(two, to: start.framework) else { continue }
                        chains += 1
                        #expect(back.level <= start.level, "\(start) → \(one) → \(two) → \(back) in \(pairs)")
                        #expect((table.hubLevel(of: back) ?? 0) <= (table.hubLevel(of: start) ?? 0))
                    }
                }
            }
        }
        #expect(chains > 10_000)
    }
}
